/** How much of a card a board shows before "show all": about what fits a card at a glance. */
export const CARD_PREVIEW_CHARS = 280;

/** The start of a long text, cut at a word boundary near the limit. */
export function shortenForDisplay(text: string, max = CARD_PREVIEW_CHARS): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const slice = text.slice(0, max);
  const lastSpace = slice.lastIndexOf(' ');
  const cutAt = lastSpace > max * 0.6 ? lastSpace : max;
  return { text: `${slice.slice(0, cutAt).trimEnd()}…`, cut: true };
}
