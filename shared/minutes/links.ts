/*
 * Web addresses in the minutes' HTML as links, so they can be clicked in the preview, the HTML
 * file and the PDF (Chromium turns an <a href> into a link annotation; plain text stays text).
 * Only http(s): a card's text never becomes a javascript: or file: link.
 */

/** An address in escaped text: up to a space, a tag or an escaped quote or angle bracket. */
const ADDRESS = /\bhttps?:\/\/(?:(?!&(?:lt|gt|quot|#39);)[^\s<])+/g;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]]+$/;

/** Escaped HTML text (htmlEscape's output) with its web addresses as links. */
export function linkAddresses(escaped: string): string {
  return escaped.replace(ADDRESS, (match) => {
    const address = match.replace(TRAILING, '');
    return `<a href="${address}">${address}</a>${match.slice(address.length)}`;
  });
}
