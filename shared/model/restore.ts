import { itemIn } from './read';
import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { cardFields } from './cards';
import type { ActionItem, AgendaItem, Card, CardGroup } from './schema';

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

/**
 * Brings a dissolved group back with the cards it held, for the "Undo" of a dissolve message.
 * Cards moved elsewhere since, or deleted, stay where they are.
 */
export function restoreGroup(doc: WorkshopDoc, group: CardGroup, cardIds: readonly string[]): void {
  local(doc, () => {
    const { groups, cards, boards } = roots(doc);
    if (groups.has(group.id) || !boards.has(group.boardId)) return;
    groups.set(group.id, itemMap({ ...group }));
    for (const id of cardIds) {
      const card = itemIn(cards, id);
      if (card && (card.get('groupId') ?? null) === null) card.set('groupId', group.id);
    }
  });
}

/** Puts a deleted action item back as it was. */
export function restoreActionItem(doc: WorkshopDoc, item: ActionItem): void {
  local(doc, () => {
    const { actions } = roots(doc);
    if (!actions.has(item.id)) actions.set(item.id, itemMap({ ...item }));
  });
}
