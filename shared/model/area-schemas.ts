import { z } from 'zod';
import { ID_PATTERN } from './ids';
import { durationMinField, isoDateField, ranMsField, timeZoneField, timestampField } from './time-fields';
import { ACTION_STATUSES, AGENDA_KINDS, CARD_COLOURS, LANGUAGES, PROJECTOR_VIEWS, RUN_STATUSES, STAKEHOLDER_GROUPS } from './schema';

/*
 * What a `.plenum` backup may hold for each area of the first schema, field by field (the
 * registry in areas.ts names them). An area added later keeps its schema in its own model file.
 */

/** The id of an item: it may end up unescaped in exports (an ICS UID), so only the id format passes. */
export const idField = z.string().regex(ID_PATTERN, 'not an id (ASCII letters, digits, "-" and "_", at most 200)');
/** A reference to another item: only compared with ids, never written out. */
export const refField = z.string().min(1).max(200);
const text = z.string().max(1_000_000);
// Dates and times are checked for real (shared/model/time.ts): a number past 8.64e15 or a date
// that does not exist would throw wherever the workshop is shown or exported.
const time = timestampField;
const nullableRef = refField.nullable();
const id = idField;

export const metaSchema = z.object({
  // '' when the document's id was not an id (a peer wrote junk there): imported under a fresh id.
  id: z.union([z.literal(''), id]),
  schemaVersion: z.number().int(),
  title: text,
  date: isoDateField,
  venue: text,
  room: text,
  language: z.enum(LANGUAGES),
  createdAt: time,
  startTime: z.string().max(5),
  availableMin: z.number().int().min(0),
  // Backups written before these existed.
  timeZone: timeZoneField.default(''),
  moderator: text.default(''),
  minuteTaker: text.default(''),
  distribution: text.default(''),
  nextSteps: text.default(''),
  followUpDate: isoDateField.default(''),
});

export const agendaSchema = z.array(
  z.object({
    id,
    title: text,
    kind: z.enum(AGENDA_KINDS),
    durationMin: durationMinField,
    speaker: text,
    notes: text,
    task: text,
    summary: text.default(''),
    decisions: text.default(''),
    actualStart: time,
    actualEnd: time,
    // Backups written before it existed: "previous item" then counts from the actual times.
    ranMs: ranMsField.default(0),
    order: z.string(),
  }),
);

export const boardsSchema = z.array(z.object({ id, kind: z.enum(['plenary', 'table']), title: text, topic: text, order: z.string(), locked: z.boolean() }));

export const cardsSchema = z.array(
  z.object({
    id,
    boardId: z.string(),
    text,
    order: z.string(),
    groupId: nullableRef,
    colour: z.enum(CARD_COLOURS).nullable(),
    authorId: nullableRef,
    stakeholderGroup: z.enum(STAKEHOLDER_GROUPS).nullable(),
    createdAt: time,
    updatedAt: time,
  }),
);

export const participantsSchema = z.array(
  z.object({
    id,
    name: text,
    organisation: text,
    stakeholderGroup: z.string().max(200),
    email: z.string().max(500),
    consent: z.boolean(),
    attended: z.boolean(),
    tableId: z.string().max(200),
    fixedToTable: z.boolean(),
  }),
);

export const reportBackSchema = z.array(id);

export const groupsSchema = z.array(z.object({ id, boardId: z.string(), title: text, order: z.string(), locked: z.boolean() }));

export const voteRoundsSchema = z.array(
  z.object({
    id,
    boardId: z.string(),
    budget: z.number().int().min(1),
    allowStacking: z.boolean(),
    hideResults: z.boolean(),
    state: z.enum(['open', 'closed']),
    openedAt: time,
    closedAt: time,
  }),
);

export const votesSchema = z.array(z.object({ id, roundId: z.string(), voterId: z.string(), targetId: z.string(), at: time }));

export const actionsSchema = z.array(
  z.object({
    id,
    title: text,
    ownerId: nullableRef,
    ownerOrganisation: text,
    due: isoDateField,
    status: z.enum(ACTION_STATUSES),
    boardId: nullableRef,
    sourceCardId: nullableRef,
    createdAt: time,
    // Backups written before it existed: unchanged since created.
    updatedAt: time.optional(),
    order: z.string(),
  }).transform((item) => ({ ...item, updatedAt: item.updatedAt ?? item.createdAt })),
);

export const stakeholderGroupsSchema = z.array(z.object({ key: id, label: text, builtin: z.boolean() }));

export const runSchema = z.object({
  status: z.enum(RUN_STATUSES),
  currentId: z.string(),
  itemStartedAt: time,
  pausedAt: time,
  signalAt: time,
  signalItemId: z.string(),
  projectorView: z.enum(PROJECTOR_VIEWS),
  projectorBoardId: z.string(),
  projectorRoundId: z.string(),
});
