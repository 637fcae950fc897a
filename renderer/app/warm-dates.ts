/**
 * Builds one date formatter and throws it away. The first Intl.DateTimeFormat of a page loads
 * ICU's date data (≈ 30 ms on a quiet machine, ≈ 100 ms under load; every later one takes well
 * under a millisecond), and the home list's dates paid it inside React's first render. Called while
 * the start waits for the language's texts and the store, so that wait pays it instead.
 */
export function warmDateFormatting(locale: string): void {
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
}
