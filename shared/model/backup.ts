import * as Y from 'yjs';
import { z } from 'zod';
import { generateKeyBetween } from 'fractional-indexing';
import { createWorkshopDoc, itemMap, roots, type WorkshopDoc } from './doc';
import { backupChecksum, checksumHolds, CHECKSUM_FIELD } from './backup-checksum';
import { BACKUP_MAX_BYTES, BACKUP_MAX_MB } from './backup-size';
import { ID_PATTERN } from './ids';
import { failWith, ok, type Result } from './result';
import { areaReaders, type Area } from './snapshot';
import { writeStakeholderGroupList } from './stakeholder-groups';
import { durationMinField, isoDateField, ranMsField, timestampField } from './time';
import {
  ACTION_STATUSES,
  AGENDA_KINDS,
  CARD_COLOURS,
  LANGUAGES,
  PLENARY_BOARD_ID,
  PROJECTOR_VIEWS,
  REPORT_BACK_FIELD,
  RUN_STATUSES,
  SCHEMA_VERSION,
  STAKEHOLDER_GROUPS,
  type WorkshopSnapshot,
} from './schema';

/*
 * The `.plenum` backup: the whole workshop as readable JSON, which Plenum imports again.
 *
 *   { "format": "plenum-backup", "schemaVersion": 1, "exportedAt": "…", "checksum": "sha256:…", "workshop": { <every area> } }
 *
 * Export writes every area `areaReaders` knows, so an area added to the document lands in the
 * file without a change here. Import validates the whole file before anything is built: a file
 * that is not JSON, not a Plenum backup, of a newer schema, or with one wrong field is refused
 * with what is wrong and where; so is a file larger than BACKUP_MAX_BYTES, before it is read, and
 * one whose content does not match its checksum (a damaged file: see backup-checksum.ts). Files
 * written before the checksum existed have none and are checked field by field only. An area
 * that has no schema below is dropped by the parse, and the round-trip test
 * (tests/unit/backup-roundtrip.test.ts) fails: that is the alarm for a new area.
 *
 * The rebuilt document keeps every id (workshop, boards, cards, participants, votes…), so votes,
 * groups and action items still point at their cards. Fractional order keys are kept as they
 * were; only the report-back and added stakeholder groups, which the snapshot lists in order
 * without keys, get fresh keys in that order.
 */

export const BACKUP_FORMAT = 'plenum-backup';
export const BACKUP_EXTENSION = 'plenum';
export { BACKUP_MAX_BYTES, BACKUP_MAX_MB };

export type BackupErrorCode = 'backup.tooBig' | 'backup.notJson' | 'backup.truncated' | 'backup.foreign' | 'backup.newer' | 'backup.invalid' | 'backup.damaged';


export interface BackupError {
  code: BackupErrorCode;
  /** Where and what, in plain words: 'workshop.cards[3].text: expected string, received number'. */
  detail: string;
  params?: Record<string, string | number>;
}

const refuse = (code: BackupErrorCode, detail: string, params?: BackupError['params']): Result<never, BackupError> =>
  failWith({ code, detail, ...(params ? { params } : {}) });

/** The refusal of a file of `bytes` bytes, too big to be read. */
export function backupTooBig(bytes: number): BackupError {
  const sizeMb = Math.ceil(bytes / (1024 * 1024));
  return { code: 'backup.tooBig', detail: `${sizeMb} MB, the limit is ${BACKUP_MAX_MB} MB`, params: { sizeMb, limitMb: BACKUP_MAX_MB } };
}

/** The refusal of a file of `bytes` bytes when it is over the limit: checked before the file is read. */
export function backupSizeRefusal(bytes: number): BackupError | null {
  return bytes > BACKUP_MAX_BYTES ? backupTooBig(bytes) : null;
}

/** Every area of the workshop as plain data, straight from the readers. */
export function backupAreas(doc: WorkshopDoc): WorkshopSnapshot {
  const areas: Record<string, unknown> = {};
  for (const [area, read] of Object.entries(areaReaders)) areas[area] = read(doc);
  return areas as unknown as WorkshopSnapshot;
}

/** The backup file's text (pretty-printed JSON: organisers open it to see what it holds). */
export function exportBackup(doc: WorkshopDoc, now = Date.now()): string {
  const content = { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: new Date(now).toISOString(), workshop: backupAreas(doc) };
  const { workshop, ...head } = content;
  // The checksum before the workshop, so it is on the first lines of the file.
  return `${JSON.stringify({ ...head, [CHECKSUM_FIELD]: backupChecksum(content), workshop }, null, 2)}\n`;
}

/** The id of an item: it may end up unescaped in exports (an ICS UID), so only the id format passes. */
const id = z.string().regex(ID_PATTERN, 'not an id (ASCII letters, digits, "-" and "_", at most 200)');
/** A reference to another item: only compared with ids, never written out. */
const ref = z.string().min(1).max(200);
const text = z.string().max(1_000_000);
// Dates and times are checked for real (shared/model/time.ts): a number past 8.64e15 or a date
// that does not exist would throw wherever the workshop is shown or exported.
const time = timestampField;
const nullableRef = ref.nullable();

const metaSchema = z.object({
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
});

/** The schema of each area. An area of `areaReaders` missing here is a failing round-trip test. */
export const areaSchemas = {
  meta: metaSchema,
  agenda: z.array(
    z.object({
      id,
      title: text,
      kind: z.enum(AGENDA_KINDS),
      durationMin: durationMinField,
      speaker: text,
      notes: text,
      task: text,
      actualStart: time,
      actualEnd: time,
      // Backups written before it existed: "previous item" then counts from the actual times.
      ranMs: ranMsField.default(0),
      order: z.string(),
    }),
  ),
  boards: z.array(z.object({ id, kind: z.enum(['plenary', 'table']), title: text, topic: text, order: z.string(), locked: z.boolean() })),
  cards: z.array(
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
  ),
  participants: z.array(
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
  ),
  reportBack: z.array(id),
  groups: z.array(z.object({ id, boardId: z.string(), title: text, order: z.string(), locked: z.boolean() })),
  voteRounds: z.array(
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
  ),
  votes: z.array(z.object({ id, roundId: z.string(), voterId: z.string(), targetId: z.string(), at: time })),
  actions: z.array(
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
      order: z.string(),
    }),
  ),
  stakeholderGroups: z.array(z.object({ key: id, label: text, builtin: z.boolean() })),
  run: z.object({
    status: z.enum(RUN_STATUSES),
    currentId: z.string(),
    itemStartedAt: time,
    pausedAt: time,
    signalAt: time,
    signalItemId: z.string(),
    projectorView: z.enum(PROJECTOR_VIEWS),
    projectorBoardId: z.string(),
    projectorRoundId: z.string(),
  }),
} satisfies Partial<Record<Area, z.ZodType>>;

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string().optional(),
  workshop: z.object(areaSchemas),
});

/** A zod issue as 'workshop.cards[3].text: expected string, received number'. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
  return `${path || '(file)'}: ${issue.message}`;
}

/**
 * Reads a backup file's text: the whole file is checked before anything is built, and every
 * refusal says what is wrong. Ids must be unique per area, and the meta's schema version must
 * be the file's (one of them edited by hand means the file cannot be trusted).
 */
export function parseBackup(raw: string): Result<WorkshopSnapshot, BackupError> {
  // A UTF-8 file has at least as many bytes as its text has UTF-16 units: a text longer than the
  // limit came from a file over it (the callers check the file's size before reading it).
  const tooBig = backupSizeRefusal(raw.length);
  if (tooBig) return failWith(tooBig);
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A file cut off stops parsing at its very end: JSON.parse says "end of input", or an
    // unterminated string, or names a position at the last character.
    const end = raw.trimEnd().length;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
    const truncated = end > 0 && raw.trimStart().startsWith('{') && (/end of (JSON )?(data|input)|Unterminated/i.test(message) || position >= end - 1);
    return refuse(truncated ? 'backup.truncated' : 'backup.notJson', message);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return refuse('backup.foreign', `no "format": "${BACKUP_FORMAT}" at the top of the file`);
  }
  // Before anything reads a value: a flipped bit in the version must not pass for a newer file.
  if (!checksumHolds(data as Record<string, unknown>)) {
    return refuse('backup.damaged', 'its content does not match its checksum');
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return refuse('backup.newer', `schema version ${version}, this Plenum reads up to ${SCHEMA_VERSION}`, { version, supported: SCHEMA_VERSION });
  }
  const parsed = envelopeSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const detail = issues.slice(0, 3).map(describeIssue).join('; ') + (issues.length > 3 ? ` (+${issues.length - 3} more)` : '');
    return refuse('backup.invalid', detail, { detail });
  }
  const { workshop, schemaVersion } = parsed.data;
  if (workshop.meta.schemaVersion !== schemaVersion) {
    const detail = `workshop.meta.schemaVersion is ${workshop.meta.schemaVersion}, the file says ${schemaVersion}`;
    return refuse('backup.invalid', detail, { detail });
  }
  for (const [area, value] of Object.entries(workshop)) {
    if (!Array.isArray(value)) continue;
    const seen = new Set<string>();
    for (const [index, item] of (value as unknown[]).entries()) {
      const key = typeof item === 'string' ? item : ((item as { id?: string; key?: string }).id ?? (item as { key?: string }).key ?? '');
      if (seen.has(key)) {
        const detail = `workshop.${area}[${index}]: the id "${key}" appears twice`;
        return refuse('backup.invalid', detail, { detail });
      }
      seen.add(key);
    }
  }
  // Validated field by field above; an area without a schema was dropped and the round-trip test says so.
  return ok(workshop as unknown as WorkshopSnapshot);
}

/** Writes a list of plain items into a keyed collection, every field as it is. */
function writeCollection(target: Y.Map<Y.Map<unknown>>, items: ReadonlyArray<{ id: string }>): void {
  for (const item of items) target.set(item.id, itemMap({ ...item }));
}

/** Fresh fractional keys for a list kept in order. */
function keysInOrder(count: number): string[] {
  const keys: string[] = [];
  for (let index = 0; index < count; index += 1) keys.push(generateKeyBetween(keys.at(-1) ?? null, null));
  return keys;
}

/** Origin of the rebuild: not a user action, so nobody's undo takes the imported workshop apart. */
const BACKUP_ORIGIN = 'plenum:backup';

/**
 * Builds a new document holding exactly `snapshot`, every id kept. `workshopId` replaces the
 * workshop's own id (importing a second copy next to the original); the rest stays as it was.
 */
export function restoreBackup(snapshot: WorkshopSnapshot, options: { workshopId?: string } = {}): WorkshopDoc {
  const doc = createWorkshopDoc();
  const maps = roots(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries({ ...snapshot.meta, id: options.workshopId ?? snapshot.meta.id })) maps.meta.set(key, value);
    for (const [key, value] of Object.entries(snapshot.run)) maps.run.set(key, value);
    writeCollection(maps.agenda, snapshot.agenda);
    writeCollection(maps.boards, snapshot.boards);
    writeCollection(maps.cards, snapshot.cards);
    writeCollection(maps.participants, snapshot.participants);
    writeCollection(maps.groups, snapshot.groups);
    writeCollection(maps.voteRounds, snapshot.voteRounds);
    writeCollection(maps.votes, snapshot.votes);
    writeCollection(maps.actions, snapshot.actions);

    const plenary = maps.boards.get(PLENARY_BOARD_ID);
    if (plenary) {
      const shown = new Y.Map<unknown>();
      const keys = keysInOrder(snapshot.reportBack.length);
      snapshot.reportBack.forEach((tableId, index) => shown.set(tableId, keys[index]));
      plenary.set(REPORT_BACK_FIELD, shown);
    }

    writeStakeholderGroupList(doc, snapshot.stakeholderGroups);
  }, BACKUP_ORIGIN);
  return doc;
}
