import type { Page } from '@playwright/test';

/*
 * Measurements of the projector's wall, run in the page: projector-fit.spec.ts's (every view at
 * four sizes, and portrait to 21:9 with long texts), and agenda-run.spec.ts's words of the cards.
 */

/**
 * What the measurement finds on every page of the view shown now, each finding one readable line,
 * and the cards seen. Runs in the page, turning the pages with the projector's own arrow key, so a
 * view of 16 pages costs one round trip.
 */
export function measureAllPages(projector: Page, minVh: number) {
  return projector.evaluate(async (minVh) => {
  // A turn is a React render and no more (the fit does not depend on the page), and what is
  // measured here is layout, which the browser computes when asked: the page needs no frame
  // painted to be measured. Waiting for two frames per turn, as this once did, cost a 16-page view
  // at 3840×2160 seconds of software painting (CI's Chromium has no GPU).
  const tick = () => new Promise((done) => setTimeout(done, 0));
  const pager = () => document.querySelector('[data-testid="projector-pages"]');
  const count = Number(pager()?.getAttribute('data-pages') ?? '1');
  const all: string[] = [];
  const seen = new Set<string>();
  // Every page once, whichever way they come: the wall may also turn one by itself meanwhile.
  const measured = new Set<string>();
  for (let turn = 0; measured.size < count && turn < count * 3; turn += 1) {
    if (turn > 0) {
      const before = pager()?.getAttribute('data-page');
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      const until = performance.now() + 5000;
      while (pager()?.getAttribute('data-page') === before && performance.now() < until) await tick();
      // Every font the blocks use is in already (the wall's hidden copy holds them all); should a
      // page bring a new one all the same, it is measured in it.
      await document.fonts.ready;
    }
    const number = pager()?.getAttribute('data-page') ?? '1';
    if (measured.has(number)) continue;
    measured.add(number);
    const page = measure();
    all.push(...page.findings.map((finding) => `p${number}/${count}: ${finding}`));
    for (const card of page.cards) seen.add(card);
  }
  if (measured.size < count) all.push(`only ${measured.size} of ${count} pages could be shown`);
  return { findings: all, cards: [...seen], pages: count };

  function measure() {
    const findings: string[] = [];
    const root = document.querySelector('[data-testid="projector"]') ?? document.body;
    // The wall's unit is 1 % of the window's shorter side (wall-size.ts).
    const minPx = (minVh * Math.min(window.innerWidth, window.innerHeight)) / 100;
    // One style per element for the whole measurement: every text node walks its ancestors three times.
    const styles = new Map<Element, CSSStyleDeclaration>();
    const getComputedStyle = (element: Element): CSSStyleDeclaration => {
      let style = styles.get(element);
      if (!style) styles.set(element, (style = window.getComputedStyle(element)));
      return style;
    };
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const parts = /rgba?\(([^)]+)\)/.exec(value)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    /** The colour behind an element: its own and its ancestors' backgrounds, composited; null when an image or mask is in the way. */
    const backgroundOf = (element: Element): Rgba | null => {
      let colour: Rgba = [0, 0, 0, 0];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== 'none' || (style.maskImage && style.maskImage !== 'none')) return null;
        colour = over(colour, parse(style.backgroundColor));
        if (colour[3] >= 0.999) return colour;
      }
      return over(colour, [255, 255, 255, 1]);
    };
    const opacityOf = (element: Element) => {
      let value = 1;
      for (let node: Element | null = element; node; node = node.parentElement) value *= Number(getComputedStyle(node).opacity);
      return value;
    };
    const clippers = (element: Element) => {
      const list: Element[] = [];
      for (let node = element.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') list.push(node);
      }
      return list;
    };

    interface Box {
      label: string;
      rect: DOMRect;
      owner: Text;
    }
    const boxes: Box[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.textContent ?? '';
      const element = node.parentElement;
      if (!element || text.trim() === '') continue;
      // The hidden copy a layout measures with is no text on the wall.
      if (element.closest('[aria-hidden="true"]') || !element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      const label = `"${text.trim().replace(/\s+/g, ' ').slice(0, 48)}"`;
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      if (size < minPx - 0.25) findings.push(`small: ${size.toFixed(1)}px < ${minPx.toFixed(1)}px: ${label}`);
      if (style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth + 1) findings.push(`ellipsis: ${label}`);
      const range = document.createRange();
      range.selectNodeContents(node);
      // A box that ends its text after so many lines (line-clamp, with an ellipsis) hides the lines
      // under them on purpose: they are not on the wall. What it shows must still fit.
      const clamp = [element, ...clippers(element)].find((node) => getComputedStyle(node).webkitLineClamp !== 'none');
      // Its shown lines end at its content box; it clips at its padding box unless told the content box.
      // A line that starts where the clipping does is hidden; one seen below the content box is cut.
      const clampStyle = clamp ? getComputedStyle(clamp) : null;
      const clampBox = clamp?.getBoundingClientRect();
      const paddingEdge = clampBox && clampStyle ? clampBox.bottom - parseFloat(clampStyle.borderBottomWidth) : Infinity;
      const contentEdge = clampStyle ? paddingEdge - parseFloat(clampStyle.paddingBottom) : Infinity;
      const clipEdge = clampStyle?.overflowClipMargin.includes('content-box') ? contentEdge : paddingEdge;
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0.5 && rect.height > 0.5 && rect.top < clipEdge - 1);
      if (rects.some((rect) => rect.bottom > contentEdge + 1)) findings.push(`cut by its line clamp: ${label}`);
      const clips = clippers(element).filter((clipper) => clipper !== clamp);
      for (const rect of rects) {
        boxes.push({ label, rect, owner: node });
        const outside = (area: { left: number; top: number; right: number; bottom: number }) =>
          rect.left < area.left - 1 || rect.top < area.top - 1 || rect.right > area.right + 1 || rect.bottom > area.bottom + 1;
        if (outside({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight })) {
          findings.push(`outside the window: ${label}`);
          break;
        }
        const clip = clips.find((clipper) => outside(clipper.getBoundingClientRect()));
        if (clip) {
          findings.push(`cut by .${[...clip.classList].join('.') || clip.tagName}: ${label}`);
          break;
        }
      }
      const background = backgroundOf(element);
      if (!background) findings.push(`faded (mask or image behind): ${label}`);
      else {
        const ink = parse(style.color);
        const shown = over([ink[0], ink[1], ink[2], ink[3] * opacityOf(element)], background);
        const [light, dark] = [luminance(shown), luminance(background)].sort((a, b) => b - a) as [number, number];
        const ratio = (light + 0.05) / (dark + 0.05);
        if (ratio < 4.5) findings.push(`contrast ${ratio.toFixed(2)}:1: ${label}`);
      }
    }
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b || a.owner === b.owner) continue;
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // Line boxes of neighbouring lines may touch by a pixel or two of descender room.
        if (width > 2 && height > 0.25 * Math.min(a.rect.height, b.rect.height)) findings.push(`overlap: ${a.label} × ${b.label}`);
      }
    }
    // A card counts as shown when it is whole inside the window and inside whatever clips it.
    const inside = (rect: DOMRect, area: DOMRect) => rect.left >= area.left - 1 && rect.top >= area.top - 1 && rect.right <= area.right + 1 && rect.bottom <= area.bottom + 1;
    const cards = [...root.querySelectorAll('.projector-card')]
      .filter((card) => !card.closest('[aria-hidden="true"]') && card.checkVisibility({ visibilityProperty: true }))
      .filter((card) => {
        const rect = card.getBoundingClientRect();
        return inside(rect, new DOMRect(0, 0, window.innerWidth, window.innerHeight)) && clippers(card).every((clipper) => inside(rect, clipper.getBoundingClientRect()));
      })
      .map((card) => card.textContent ?? '');
    return { findings: [...new Set(findings)], cards };
  }
  }, minVh);
}

/**
 * Words of the wall that the layout split over two lines (each word's boxes counted), in every
 * text of `selector` outside the hidden copies layouts measure with. A word that is wider than
 * its whole line at the wall's smallest type may have to break; the texts the specs show have none.
 */
export function wordsBrokenAcrossLines(projector: Page, selector = '[data-testid="projector"]'): Promise<string[]> {
  return projector.locator(selector).evaluateAll((roots) =>
    roots.flatMap((root) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('[aria-hidden="true"]')) continue;
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0.5).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
      return broken;
    }),
  );
}
