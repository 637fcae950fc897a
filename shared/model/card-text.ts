import * as Y from 'yjs';
import { roots, type WorkshopDoc } from './doc';
import { updateCardText } from './cards';
import { itemIn } from './read';
import { ok, type Result } from './result';

/*
 * A card's text is one value of its Y.Map: when two laptops save it, the last writer wins. Two
 * ways that could lose an edit without a word, and what we do:
 *
 * - Someone edits a card while another laptop's change to it arrives. The editor knows the text
 *   it started from (`base`): saveCardTextFrom refuses to write over a text the person never saw,
 *   and the editor shows theirs beside the draft to take or to overwrite knowingly.
 * - Two laptops save the same card at the same moment (or one was offline): neither saw the
 *   other's text. Yjs keeps one of the two; the laptop whose text lost learns of it here
 *   (watchOverwrittenCardTexts) and can put its own back.
 *
 * Character-level merging (card text as Y.Text) would need a migration of every document and
 * backup and would split the room with laptops of older versions; this keeps the format.
 */

/** What saving an edited text did: saved, or not, because the card's text is no longer the one the edit started from. */
export type CardTextSave = { saved: true } | { saved: false; theirs: string };

/**
 * Saves a card's text as `updateCardText` does, but only while the stored text is still `base`,
 * the text the edit started from; else nothing is written and the stored text is returned.
 */
export function saveCardTextFrom(doc: WorkshopDoc, id: string, base: string, raw: string, now = Date.now()): Result<CardTextSave> {
  const card = itemIn(roots(doc).cards, id);
  const stored = card?.get('text');
  if (card && typeof stored === 'string' && stored !== base && stored !== raw) return ok({ saved: false, theirs: stored });
  const result = updateCardText(doc, id, raw, now);
  return result.ok ? ok({ saved: true }) : result;
}

/** A text this laptop saved that another laptop's simultaneous save replaced. */
export interface OverwrittenCardText {
  cardId: string;
  /** What this laptop had saved. */
  mine: string;
  /** What the card says now. */
  theirs: string;
}

/** How far back an item's origins are followed: a card's text is not saved thousands of times. */
const ORIGIN_STEPS = 10_000;

/** Whether the item `from` was written by a laptop that had seen `seen` (it lies on its chain of origins). */
function descendsFrom(doc: WorkshopDoc, from: Y.Item, seen: Y.ID): boolean {
  let origin = from.origin;
  for (let step = 0; origin !== null && step < ORIGIN_STEPS; step += 1) {
    if (Y.compareIDs(origin, seen)) return true;
    const item = Y.getItem(doc.store, origin);
    origin = item instanceof Y.Item ? item.origin : null;
  }
  return false;
}

/**
 * Tells `listener` when a remote update replaces a card text this laptop saved with one written
 * without having seen it (a simultaneous save). A later edit by someone who had our text is no
 * such case. Returns the unsubscribe.
 */
export function watchOverwrittenCardTexts(doc: WorkshopDoc, listener: (lost: OverwrittenCardText) => void): () => void {
  const { cards } = roots(doc);
  const observer = (events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
    if (transaction.local) return;
    for (const event of events) {
      const [cardId] = event.path;
      if (event.path.length !== 1 || typeof cardId !== 'string' || !(event.target instanceof Y.Map)) continue;
      const change = event.changes.keys.get('text');
      const mine = change?.oldValue;
      const current = event.target._map.get('text');
      if (change?.action !== 'update' || typeof mine !== 'string' || !current || current.deleted) continue;
      // The value this laptop had: the nearest earlier item of ours in the key's history.
      let ours = current.left;
      while (ours && ours.id.client !== doc.clientID) ours = ours.left;
      if (!ours || ours.content.getContent()[0] !== mine || descendsFrom(doc, current, ours.id)) continue;
      const theirs = event.target.get('text');
      if (typeof theirs === 'string' && theirs !== mine) listener({ cardId, mine, theirs });
    }
  };
  cards.observeDeep(observer);
  return () => cards.unobserveDeep(observer);
}
