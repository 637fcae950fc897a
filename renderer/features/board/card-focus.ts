/*
 * Where the keyboard's focus goes when a change takes cards away or brings them back (a delete,
 * an undo or redo, a toast's Undo). A focused element that React removes leaves the focus on
 * the page, and the next Tab starts at the top of the screen. So after such a change the focus
 * goes to the card the change is about when it is shown; else, when the card that had the focus
 * is gone, to the card after it in reading order, the one before it, or the board's entry field.
 */

const CARD = '[data-card-id]';
/** How long to wait for the board to show the change (React draws it in the next frame or so). */
const SETTLE_MS = 600;

const cardElement = (id: string): HTMLElement | null => document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(id)}"]`);

/**
 * Runs `change`, then moves the focus as described above once the board shows the change.
 * `wanted` names the cards the change is about; it is read after the change ran (an undo knows
 * what it changed only then). The focus is left alone when the person moved it meanwhile.
 */
export function changeKeepingFocus<T>(change: () => T, wanted: () => readonly string[] = () => []): T {
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const focusedCard = before?.closest<HTMLElement>(CARD) ?? null;
  const board = focusedCard?.closest<HTMLElement>('[data-testid="board"]') ?? null;
  const order = board ? [...board.querySelectorAll<HTMLElement>(CARD)].map((element) => element.dataset.cardId ?? '') : [];
  const focusedId = focusedCard?.dataset.cardId ?? null;

  const result = change();
  const ids = wanted();
  if (ids.length === 0 && focusedCard === null) return result;

  const untouched = () => {
    const now = document.activeElement;
    return now === null || now === document.body || now === before;
  };
  const neighbour = (): HTMLElement | null => {
    const at = focusedId === null ? -1 : order.indexOf(focusedId);
    if (at < 0) return null;
    const after = order.slice(at + 1);
    const earlier = order.slice(0, at).reverse();
    for (const id of [...after, ...earlier]) {
      const element = cardElement(id);
      if (element) return element;
    }
    return board?.isConnected ? board.querySelector<HTMLElement>('[data-testid="card-entry"]') : null;
  };
  const until = performance.now() + SETTLE_MS;
  const look = () => {
    if (!untouched()) return;
    // The card that had the focus, still drawn, is no target: it may be on its way out.
    const shown = ids.map(cardElement).filter((element): element is HTMLElement => element !== null && element !== focusedCard);
    const target = shown.find((element) => element.dataset.cardId === focusedId) ?? shown.sort(inReadingOrder)[0];
    if (target) return target.focus();
    if (focusedCard && !focusedCard.isConnected) {
      const next = neighbour();
      if (next) return next.focus();
    }
    if (performance.now() < until) requestAnimationFrame(look);
  };
  // From the next frame on: by then React has drawn the change, and a card drawn anew (moved
  // into a group) is the new element, not the old one on its way out.
  requestAnimationFrame(look);
  return result;
}

function inReadingOrder(a: HTMLElement, b: HTMLElement): number {
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/**
 * Escape in a board's entry field leaves it for the cards: the one added last from it when it is
 * still shown (the person goes on with it: Delete, Enter, V), else the board's first card. With no
 * card to go to the field lets go of the focus, so the board's keys work again.
 */
export function leaveEntry(entry: HTMLElement, lastAdded: string | null): void {
  const board = entry.closest<HTMLElement>('[data-testid="board"]');
  const added = lastAdded === null ? null : cardElement(lastAdded);
  const target = (added && board?.contains(added) ? added : null) ?? board?.querySelector<HTMLElement>(CARD) ?? null;
  if (target) target.focus();
  else entry.blur();
}
