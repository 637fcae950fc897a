import { PAGE_NUMBERS_STYLE, PART_BOUNDARY } from './html';

/*
 * A long minutes document printed as several documents at once, one per processor core, then
 * put together (pdf.ts): Chromium lays out and prints one document on one thread, so a
 * 180-page PDF took one core for two seconds while the other idled. Only for long documents
 * (pdf.ts, SINGLE_PART_MAX_LENGTH): the parts lose the whole document's tags and bookmarks.
 */

export interface PrintPartsOptions {
  /** At most this many parts (the cores there are to print them). */
  maxParts: number;
  /** Parts no shorter than this many characters of HTML: a short document stays one part. */
  minPartLength?: number;
}

const BODY_OPEN = '<body>';
const BODY_CLOSE = '</body>';

/**
 * The minutes' HTML (from renderHtml) cut between its sections (PART_BOUNDARY) into complete
 * documents of about equal length, each starting a page, without the stylesheet's page numbers: the parts would each
 * count from one, so the assembled PDF is numbered instead.
 */
export function printParts(html: string, { maxParts, minPartLength = 100_000 }: PrintPartsOptions): string[] {
  const open = html.indexOf(BODY_OPEN);
  const close = html.lastIndexOf(BODY_CLOSE);
  const unnumbered = html.replace(PAGE_NUMBERS_STYLE, '');
  if (open < 0 || close < open) return [unnumbered];
  const head = html.slice(0, open + BODY_OPEN.length).replace(PAGE_NUMBERS_STYLE, '');
  const tail = html.slice(close);
  const segments = html.slice(open + BODY_OPEN.length, close).split(PART_BOUNDARY);
  const total = segments.reduce((sum, segment) => sum + segment.length, 0);
  const parts = Math.max(1, Math.min(Math.floor(maxParts), segments.length, Math.floor(total / minPartLength)));
  if (parts === 1) return [unnumbered];
  return cutPoints(segments.map((segment) => segment.length), parts).map(([from, to]) => head + segments.slice(from, to).join('') + tail);
}

/**
 * Contiguous ranges [from, to) of items, `count` of them (fewer when there are fewer items),
 * each as close to an equal share of the total length as the item boundaries allow; none empty.
 */
export function cutPoints(lengths: readonly number[], wanted: number): [number, number][] {
  if (lengths.length === 0) return [];
  const count = Math.max(1, Math.min(Math.floor(wanted), lengths.length));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  // before[i]: the length of items 0..i-1.
  const before = [0];
  for (const length of lengths) before.push((before.at(-1) ?? 0) + length);
  const cuts = [0];
  for (let share = 1; share < count; share += 1) {
    const previous = cuts.at(-1) ?? 0;
    // Leave at least one item for each range still to come.
    const last = lengths.length - (count - share);
    let best = previous + 1;
    for (let boundary = previous + 1; boundary <= last; boundary += 1) {
      if (Math.abs((before[boundary] ?? 0) - (total * share) / count) < Math.abs((before[best] ?? 0) - (total * share) / count)) best = boundary;
    }
    cuts.push(best);
  }
  cuts.push(lengths.length);
  return cuts.slice(0, -1).map((from, index) => [from, cuts[index + 1] ?? lengths.length]);
}
