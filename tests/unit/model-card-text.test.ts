import { describe, expect, it } from 'vitest';
import {
  addCard,
  applyWorkshopUpdates,
  cardById,
  createWorkshopDoc,
  encodeWorkshopState,
  initWorkshop,
  PLENARY_BOARD_ID,
  saveCardTextFrom,
  syncDocs,
  updateCardText,
  watchOverwrittenCardTexts,
  type OverwrittenCardText,
  type WorkshopDoc,
} from '../../shared/model';

/** Two laptops holding the same workshop with one card, and what each is told of a text it lost. */
function twoLaptops() {
  const a = createWorkshopDoc();
  initWorkshop(a, { id: 'w1', title: 'Workshop', language: 'de', now: 1 });
  const added = addCard(a, { boardId: PLENARY_BOARD_ID, text: 'Bänke am Markt', now: 1 });
  if (!added.ok) throw new Error(added.error.code);
  const b = createWorkshopDoc();
  applyWorkshopUpdates(b, [encodeWorkshopState(a)]);
  const lost: Record<'a' | 'b', OverwrittenCardText[]> = { a: [], b: [] };
  const stops = [watchOverwrittenCardTexts(a, (entry) => lost.a.push(entry)), watchOverwrittenCardTexts(b, (entry) => lost.b.push(entry))];
  return { a, b, id: added.value.id, lost, stop: () => stops.forEach((stop) => stop()) };
}

const textOf = (doc: WorkshopDoc, id: string) => cardById(doc, id)?.text;

describe('a card’s text edited on two laptops at once is never lost without a word', () => {
  it('saving over a text that changed since the edit began writes nothing and returns theirs', () => {
    const { a, b, id, stop } = twoLaptops();
    // A and B both open the editor on "Bänke am Markt"; B saves first and A receives it.
    expect(saveCardTextFrom(b, id, 'Bänke am Markt', 'Bänke am Markt und am Bahnhof')).toEqual({ ok: true, value: { saved: true } });
    syncDocs(a, b);
    expect(saveCardTextFrom(a, id, 'Bänke am Markt', 'Mehr Bänke in der Altstadt')).toEqual({ ok: true, value: { saved: false, theirs: 'Bänke am Markt und am Bahnhof' } });
    expect(textOf(a, id)).toBe('Bänke am Markt und am Bahnhof');
    // Having seen theirs, A overwrites knowingly: the base is now their text.
    expect(saveCardTextFrom(a, id, 'Bänke am Markt und am Bahnhof', 'Mehr Bänke in der Altstadt')).toEqual({ ok: true, value: { saved: true } });
    syncDocs(a, b);
    expect(textOf(b, id)).toBe('Mehr Bänke in der Altstadt');
    // Refusals of the text itself stay refusals.
    expect(saveCardTextFrom(a, id, 'Mehr Bänke in der Altstadt', '   ')).toMatchObject({ ok: false, error: { code: 'text.empty' } });
    stop();
  });

  it('of two saves at the same moment, the laptop whose text lost is told, with its text', () => {
    const { a, b, id, lost, stop } = twoLaptops();
    updateCardText(a, id, 'Version von A', 10);
    updateCardText(b, id, 'Version von B', 20);
    syncDocs(a, b);
    const kept = textOf(a, id);
    expect(textOf(b, id)).toBe(kept);
    const [loser, winner] = kept === 'Version von A' ? (['b', 'a'] as const) : (['a', 'b'] as const);
    expect(lost[winner]).toEqual([]);
    expect(lost[loser]).toEqual([{ cardId: id, mine: loser === 'a' ? 'Version von A' : 'Version von B', theirs: kept }]);
    stop();
  });

  it('an edit made after seeing this laptop’s text is no loss, nor is a remote edit of a text this laptop never wrote', () => {
    const { a, b, id, lost, stop } = twoLaptops();
    updateCardText(a, id, 'Version von A', 10);
    syncDocs(a, b);
    updateCardText(b, id, 'B hat A gelesen', 20);
    syncDocs(a, b);
    expect(textOf(a, id)).toBe('B hat A gelesen');
    updateCardText(b, id, 'B noch einmal', 30);
    syncDocs(a, b);
    expect(lost).toEqual({ a: [], b: [] });
    stop();
  });
});
