import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { cardFields } from './cards';
import type { AgendaItem, Card } from './schema';

/**
 * Puts a deleted card back exactly as it was (same id, place and text), for the "Undo" of a
 * delete message: unlike the undo history this restores that card even after other changes.
 */
export function restoreCard(doc: WorkshopDoc, card: Card): void {
  local(doc, () => {
    const { cards, boards } = roots(doc);
    if (!cards.has(card.id) && boards.has(card.boardId)) cards.set(card.id, itemMap(cardFields(card)));
  });
}

/** Puts a deleted agenda item back at its place. */
export function restoreAgendaItem(doc: WorkshopDoc, item: AgendaItem): void {
  local(doc, () => {
    const { agenda } = roots(doc);
    if (!agenda.has(item.id)) agenda.set(item.id, itemMap({ ...item }));
  });
}
