/** The start of a long text for the wall, cut at a word near `max` characters. */
export function shortenText(text: string, max: number): string {
  const flat = text.trim();
  if (flat.length <= max) return flat;
  const slice = flat.slice(0, max);
  const lastSpace = slice.lastIndexOf(' ');
  return `${slice.slice(0, lastSpace > max * 0.6 ? lastSpace : max).trimEnd()}…`;
}
