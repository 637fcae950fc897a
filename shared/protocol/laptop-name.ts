import { withoutHiddenControls } from '../model/plain';

/**
 * The longest name a laptop may give itself: what the stored connection record holds
 * (renderer/storage/row-schemas.ts checks it). Longer names would be refused by the store with
 * its raw check; they are refused here first, with words.
 */
export const LAPTOP_NAME_MAX = 200;

export type LaptopNameResult = { ok: true; value: string } | { ok: false; error: 'laptopName.tooLong'; max: number };

/** A laptop's name as typed: one line without hidden controls, trimmed, `fallback` when blank, refused when longer than the store keeps. */
export function validLaptopName(raw: string, fallback: string): LaptopNameResult {
  const name = withoutHiddenControls(raw).replace(/[\t\n\r]+/g, ' ').trim();
  if (name.length > LAPTOP_NAME_MAX) return { ok: false, error: 'laptopName.tooLong', max: LAPTOP_NAME_MAX };
  return { ok: true, value: name || fallback };
}
