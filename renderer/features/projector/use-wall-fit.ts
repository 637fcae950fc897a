import { useLayoutEffect, type RefObject } from 'react';

/**
 * Scales of the wall's type and spacing tried, largest first. Type stops at --wall-min whatever
 * the scale, so the last steps only shrink what is still above it (a title, the countdown).
 */
const FIT_STEPS = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3] as const;

/**
 * The smallest scale bought to keep every word whole. A word that needs less (a 60-letter
 * compound in an item's title) is broken instead: shrinking for it took the countdown beside it
 * down to a third, unreadable from the back of the room, for the sake of one word.
 */
const WHOLE_WORDS_DOWN_TO = 0.4;

/** What the wall lays out by hand (not WallFlow's columns, which fit themselves). */
const FIXED_PARTS = '.projector-head, .projector-now, .projector-title, .projector-join-body, .projector-beamer-bar';

const windowSize = () => `${window.innerWidth}x${window.innerHeight}`;

/**
 * True when nothing of `root` outside a WallFlow lies outside the root's content box (nothing pushed off
 * the wall, as a countdown under a long title once was) and no word there is wider than its line.
 * Runs while `root` has the class `wall-measuring`, which turns off breaking inside words, so a
 * word too long for its line shows as a box wider than its parent.
 */
function fits(root: HTMLElement): boolean {
  // Its content box: what reaches into the wall's margin is too close to the edge of the image.
  const box = root.getBoundingClientRect();
  const style = getComputedStyle(root);
  const bounds = {
    top: box.top + parseFloat(style.paddingTop),
    left: box.left + parseFloat(style.paddingLeft),
    bottom: box.bottom - parseFloat(style.paddingBottom),
    right: box.right - parseFloat(style.paddingRight),
  };
  const outside = (rect: DOMRect) =>
    rect.width > 0 && rect.height > 0 && (rect.top < bounds.top - 1 || rect.left < bounds.left - 1 || rect.bottom > bounds.bottom + 1 || rect.right > bounds.right + 1);
  const walk = (element: Element): boolean => {
    if (outside(element.getBoundingClientRect())) return false;
    if (element instanceof HTMLElement && element.closest(FIXED_PARTS) && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) return false;
    // A flow's own box counts (it must not be pushed out); its blocks are its own to fit.
    if (element.classList.contains('wall-flow')) return true;
    return [...element.children].every(walk);
  };
  return [...root.children].every(walk);
}

/** The text of the hand-laid parts without digits: a ticking clock or countdown does not call for a new fit. */
function contentOf(root: HTMLElement): string {
  return [...root.querySelectorAll(FIXED_PARTS)].map((part) => `${part.className}:${part.textContent ?? ''}`).join('|').replace(/\d/g, '');
}

/**
 * Fits the wall's hand-laid views (title, the running item with its countdown, join) to the
 * window: the largest --fit scale (projector.css) at which nothing leaves the window and no word
 * is broken inside, down to WHOLE_WORDS_DOWN_TO; below it, the largest at which nothing leaves the window. Fitted again when the window or the shown text changes; `view` starts afresh.
 * Sets data-fitted to the window size it fitted, as WallFlow does, for the tests (wall-settled.ts).
 */
export function useWallFit(ref: RefObject<HTMLElement | null>, view: string): void {
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    let done = '';
    let frame = 0;
    let live = true;
    const fit = () => {
      frame = 0;
      const size = windowSize();
      const signature = `${size}|${contentOf(root)}`;
      if (signature === done) return;
      done = signature;
      const first = (steps: readonly number[]) => {
        for (const step of steps) {
          root.style.setProperty('--fit', String(step));
          if (fits(root)) return step;
        }
        return undefined;
      };
      root.classList.add('wall-measuring');
      const whole = first(FIT_STEPS.filter((step) => step >= WHOLE_WORDS_DOWN_TO));
      root.classList.remove('wall-measuring');
      // Words may break now (overflow-wrap: anywhere): only what leaves the wall counts.
      const chosen = whole ?? first(FIT_STEPS) ?? FIT_STEPS.at(-1) ?? 1;
      root.style.setProperty('--fit', String(chosen));
      root.dataset.fitted = size;
    };
    const later = () => {
      if (live && !frame) frame = requestAnimationFrame(fit);
    };
    fit();
    const resize = new ResizeObserver(later);
    resize.observe(root);
    const mutation = new MutationObserver(later);
    mutation.observe(root, { childList: true, subtree: true, characterData: true });
    window.addEventListener('resize', later);
    // Type metrics change once the fonts are in.
    void document.fonts.ready.then(() => {
      done = '';
      later();
    });
    return () => {
      live = false;
      if (frame) cancelAnimationFrame(frame);
      resize.disconnect();
      mutation.disconnect();
      window.removeEventListener('resize', later);
    };
  }, [ref, view]);
}
