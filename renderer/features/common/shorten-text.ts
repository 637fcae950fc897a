/** How much of a card a board shows before "show all": about what fits a card at a glance. */
export const CARD_PREVIEW_CHARS = 280;

/**
 * The start of a long text, cut at a word near `max` characters and marked with "…"; `cut` says
 * whether anything was left out (the board then offers "show all"). A word boundary is used only
 * when it keeps most of the room (past 60 %), so one long word does not leave a stub.
 */
export function shortenText(text: string, max = CARD_PREVIEW_CHARS): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const slice = text.slice(0, max);
  const lastSpace = slice.lastIndexOf(' ');
  const cutAt = lastSpace > max * 0.6 ? lastSpace : max;
  return { text: `${slice.slice(0, cutAt).trimEnd()}…`, cut: true };
}
