/** A file-name-safe rendering of a title: letters of any script kept, the rest dashes. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'workshop'
  );
}

/**
 * What a file exported from a workshop is called: what it is, the workshop's title and its date,
 * "Protokoll-Plattform-Wiederaufbau-2023-12-06.md", "Teilnehmende-Plattform-Wiederaufbau-2023-12-06.csv".
 * One rule for the minutes and the roster, so the files of one workshop sort and read alike. Apart
 * from the minutes' renderers: the roster's export loads this without them.
 */
export function exportFileName(kind: string, title: string, date: string, extension: string): string {
  return `${[fileSlug(kind), fileSlug(title), date].filter(Boolean).join('-')}.${extension}`;
}
