/*
 * A focused element that React removes leaves the focus on the page, and the next Tab starts at
 * the top of the screen (QA, session 23: dissolving a group, deleting an agenda item or a
 * participant). These put it somewhere sensible once the screen shows the change. Cards have
 * their own rules (board/card-focus.ts).
 */

/** How long to wait for React to draw the removal. */
const SETTLE_MS = 600;

/**
 * Once `leaving` (the element that has the focus, or holds it) is off the screen, the focus goes
 * to `next()`, unless the person or a dialog has put it somewhere else meanwhile.
 */
export function focusWhenGone(leaving: Element, next: () => HTMLElement | null | undefined): void {
  const until = performance.now() + SETTLE_MS;
  const look = () => {
    const now = document.activeElement;
    if (now !== null && now !== document.body && !leaving.contains(now)) return;
    if (!leaving.isConnected) {
      next()?.focus();
      return;
    }
    if (performance.now() < until) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/**
 * For a row about to be removed from its list: after it is gone, the focus goes to the row that
 * took its place (the next one), else the one before it — to the control matching `control` in
 * it (the same button as in the removed row), or the row itself; with no row left, to `empty()`.
 */
export function focusNeighbourRow(row: HTMLElement, rowSelector: string, control: string | null, empty: () => HTMLElement | null = () => null): void {
  const list = row.parentElement;
  if (!list) return;
  const rows = () => [...list.children].filter((child): child is HTMLElement => child instanceof HTMLElement && child.matches(rowSelector));
  const index = rows().indexOf(row);
  focusWhenGone(row, () => {
    const left = rows();
    const target = left[Math.min(index, left.length - 1)];
    if (!target) return empty();
    return (control ? target.querySelector<HTMLElement>(control) : null) ?? target;
  });
}
