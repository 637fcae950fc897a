/*
 * Web addresses in the minutes as links, so they can be clicked in the preview, the HTML file and
 * the PDF. Only http(s): a card's text never becomes a javascript: or file: link. One rule for
 * both: the HTML's escaped text (linkAddresses) and the PDF's plain text (linkSpans).
 */

/** An address in escaped text: up to a space, a tag or an escaped quote or angle bracket. */
const ADDRESS = /\bhttps?:\/\/(?:(?!&(?:lt|gt|quot|#39);)[^\s<])+/g;
/** The same in plain text: up to a space, a quote or an angle bracket. */
const PLAIN_ADDRESS = /\bhttps?:\/\/[^\s<>"']+/g;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]]+$/;

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * `match` without the punctuation that ends the sentence around it. A closing bracket stays while
 * it closes one the address opened: "(see https://…/Lwiw_(Stadt))." links "…/Lwiw_(Stadt)".
 */
function addressIn(match: string): string {
  let address = match.replace(TRAILING, '');
  for (let next = match.charAt(address.length); next === ')' || next === ']'; next = match.charAt(address.length)) {
    const open = next === ')' ? '(' : '[';
    if (count(address, open) <= count(address, next)) break;
    address = match.slice(0, address.length + 1);
  }
  return address;
}

/** Escaped HTML text (htmlEscape's output) with its web addresses as links. */
export function linkAddresses(escaped: string): string {
  return escaped.replace(ADDRESS, (match) => {
    const address = addressIn(match);
    return `<a href="${address}">${address}</a>${match.slice(address.length)}`;
  });
}

/** A piece of plain text; `link` when the piece is a web address. */
export interface TextSpan {
  text: string;
  link?: string;
}

/** Plain text cut into pieces, its web addresses as link pieces (the same addresses linkAddresses links). */
export function linkSpans(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let last = 0;
  for (const match of text.matchAll(PLAIN_ADDRESS)) {
    const address = addressIn(match[0]);
    if (match.index > last) out.push({ text: text.slice(last, match.index) });
    out.push({ text: address, link: address });
    last = match.index + address.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
