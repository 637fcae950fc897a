import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { newId } from './ids';
import { compareOrdered, keyAtEnd } from './order';
import { entries, orderOf, str, itemIn, timestamp } from './read';
import { isoDateOrEmpty } from './time';
import { fail, ok, type Result } from './result';
import { ACTION_STATUSES, LIMITS, type ActionItem, type ActionStatus } from './schema';
import { validDate, validShortText, validTitle } from './validate';

/** Every action item of the workshop, in its order. */
export function actionItemsSnapshot(doc: WorkshopDoc): ActionItem[] {
  return entries(roots(doc).actions)
    .map(([id, item]) => {
      const status = str(item, 'status');
      const ownerId = item.get('ownerId');
      const boardId = item.get('boardId');
      const sourceCardId = item.get('sourceCardId');
      return {
        id,
        title: str(item, 'title'),
        ownerId: typeof ownerId === 'string' ? ownerId : null,
        ownerOrganisation: str(item, 'ownerOrganisation'),
        due: isoDateOrEmpty(item.get('due')),
        status: ((ACTION_STATUSES as readonly string[]).includes(status) ? status : 'open') as ActionStatus,
        boardId: typeof boardId === 'string' ? boardId : null,
        sourceCardId: typeof sourceCardId === 'string' ? sourceCardId : null,
        createdAt: timestamp(item, 'createdAt'),
        updatedAt: timestamp(item, 'updatedAt') || timestamp(item, 'createdAt'),
        order: orderOf(item),
      };
    })
    .sort(compareOrdered);
}

export interface ActionFilter {
  boardId?: string | null;
  /** A participant id or an organisation name. */
  owner?: string;
  status?: ActionStatus;
}

/** The action items that match every given criterion. */
export function filterActionItems(items: readonly ActionItem[], filter: ActionFilter): ActionItem[] {
  return items.filter(
    (item) =>
      (filter.boardId === undefined || item.boardId === filter.boardId) &&
      (filter.owner === undefined || item.ownerId === filter.owner || item.ownerOrganisation === filter.owner) &&
      (filter.status === undefined || item.status === filter.status),
  );
}

export interface ActionInput {
  title: string;
  ownerId?: string | null;
  ownerOrganisation?: string;
  due?: string;
  status?: string;
  boardId?: string | null;
  sourceCardId?: string | null;
  now?: number;
}

function validStatus(raw: string): Result<ActionStatus> {
  return (ACTION_STATUSES as readonly string[]).includes(raw) ? ok(raw as ActionStatus) : fail('status.invalid');
}

/** Adds an action item at the end of the list. */
export function addActionItem(doc: WorkshopDoc, input: ActionInput): Result<ActionItem> {
  const title = validTitle(input.title);
  if (!title.ok) return title;
  const due = validDate(input.due ?? '');
  if (!due.ok) return due;
  const organisation = validShortText(input.ownerOrganisation ?? '');
  if (!organisation.ok) return organisation;
  const status = validStatus(input.status ?? 'open');
  if (!status.ok) return status;
  const { participants, boards, cards } = roots(doc);
  if (input.ownerId && !participants.has(input.ownerId)) return fail('notFound');
  if (input.boardId && !boards.has(input.boardId)) return fail('notFound');
  if (input.sourceCardId && !cards.has(input.sourceCardId)) return fail('notFound');
  const item: ActionItem = {
    id: newId(),
    title: title.value,
    ownerId: input.ownerId ?? null,
    ownerOrganisation: organisation.value,
    due: due.value,
    status: status.value,
    boardId: input.boardId ?? null,
    sourceCardId: input.sourceCardId ?? null,
    createdAt: input.now ?? Date.now(),
    updatedAt: input.now ?? Date.now(),
    order: keyAtEnd(actionItemsSnapshot(doc)),
  };
  local(doc, () => roots(doc).actions.set(item.id, itemMap({ ...item })));
  return ok(item);
}

/** The title an action item takes from a card's text: its first line, shortened to fit. */
export function actionTitleFromText(text: string): string {
  const firstLine = text.trim().split('\n')[0] ?? '';
  return firstLine.length > LIMITS.titleMax ? `${firstLine.slice(0, LIMITS.titleMax - 1).trimEnd()}…` : firstLine;
}

/** An action item from a card: its board as table, and its text (first line, shortened) as title unless one is given. */
export function actionFromCard(doc: WorkshopDoc, cardId: string, input: Omit<ActionInput, 'title' | 'sourceCardId' | 'boardId'> & { title?: string } = {}): Result<ActionItem> {
  const card = itemIn(roots(doc).cards, cardId);
  if (!card) return fail('notFound');
  const title = input.title ?? actionTitleFromText(str(card, 'text'));
  return addActionItem(doc, { ...input, title, sourceCardId: cardId, boardId: str(card, 'boardId') || null });
}

export type ActionPatch = Partial<Pick<ActionInput, 'title' | 'ownerId' | 'ownerOrganisation' | 'due' | 'status' | 'boardId'>>;

/** Changes the given fields only; refuses the whole patch if one is invalid. */
export function updateActionItem(doc: WorkshopDoc, id: string, patch: ActionPatch, now = Date.now()): Result<true> {
  const { actions, participants, boards } = roots(doc);
  const item = itemIn(actions, id);
  if (!item) return fail('notFound');
  const clean: Record<string, string | null> = {};
  if (patch.title !== undefined) {
    const title = validTitle(patch.title);
    if (!title.ok) return title;
    clean.title = title.value;
  }
  if (patch.due !== undefined) {
    const due = validDate(patch.due);
    if (!due.ok) return due;
    clean.due = due.value;
  }
  if (patch.status !== undefined) {
    const status = validStatus(patch.status);
    if (!status.ok) return status;
    clean.status = status.value;
  }
  if (patch.ownerOrganisation !== undefined) {
    const organisation = validShortText(patch.ownerOrganisation);
    if (!organisation.ok) return organisation;
    clean.ownerOrganisation = organisation.value;
  }
  if (patch.ownerId !== undefined) {
    if (patch.ownerId !== null && !participants.has(patch.ownerId)) return fail('notFound');
    clean.ownerId = patch.ownerId;
  }
  if (patch.boardId !== undefined) {
    if (patch.boardId !== null && !boards.has(patch.boardId)) return fail('notFound');
    clean.boardId = patch.boardId;
  }
  local(doc, () => {
    let changed = false;
    for (const [key, value] of Object.entries(clean)) {
      if (item.get(key) === value) continue;
      item.set(key, value);
      changed = true;
    }
    // A calendar that imported the item takes a later LAST-MODIFIED as an update of it.
    if (changed) item.set('updatedAt', Math.max(now, timestamp(item, 'createdAt')));
  });
  return ok(true);
}

export function removeActionItem(doc: WorkshopDoc, id: string): Result<true> {
  const { actions } = roots(doc);
  if (!actions.has(id)) return fail('notFound');
  local(doc, () => actions.delete(id));
  return ok(true);
}
