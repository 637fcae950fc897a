import { z } from 'zod';
import { createWorkshopDoc, type WorkshopDoc } from './doc';
import { backupChecksum, checksumHolds, CHECKSUM_FIELD } from './backup-checksum';
import { BACKUP_MAX_BYTES, BACKUP_MAX_MB } from './backup-size';
import { failWith, ok, type Result } from './result';
import { AREA_NAMES, AREAS, perArea, type Area, type WorkshopSnapshot } from './areas';
import { workshopSnapshot } from './snapshot';
import { encodeWorkshopState } from './updates';
import { SCHEMA_VERSION } from './schema';
import { repairBackup, type BackupRepair } from './backup-repair';

/*
 * The `.plenum` backup: the whole workshop as readable JSON, which Plenum imports again.
 *
 *   { "format": "plenum-backup", "schemaVersion": 1, "exportedAt": "…", "checksum": "sha256:…", "workshop": { <every area> } }
 *
 * Export writes every area of the registry (areas.ts) and import checks each with the area's
 * schema there, so an area added to the registry lands in the file without a change here. Import validates the whole file before anything is built: a file
 * that is not JSON, not a Plenum backup, of a newer schema, or with one wrong field is refused
 * with what is wrong and where; so is a file larger than BACKUP_MAX_BYTES, before it is read, and
 * one whose content does not match its checksum (a damaged file: see backup-checksum.ts). Files
 * written before the checksum existed have none and are checked field by field only. A file
 * written before an area existed imports with that area as its schema's default says (empty).
 * A few values that pass the schema but cannot be used as written (a start time "25:99", a
 * duration of 1.5 minutes, an end before its start) are mended and each change is reported
 * (backup-repair.ts): one bad time should not lock a moderator out of the day's work.
 *
 * The rebuilt document keeps every id (workshop, boards, cards, participants, votes…), so votes,
 * groups and action items still point at their cards. Fractional order keys are kept as they
 * were; only the report-back and added stakeholder groups, which the snapshot lists in order
 * without keys, get fresh keys in that order (each area's `restore` writes it back).
 */

export const BACKUP_FORMAT = 'plenum-backup';
export const BACKUP_EXTENSION = 'plenum';
export { BACKUP_MAX_BYTES, BACKUP_MAX_MB };

export type BackupErrorCode = 'backup.tooBig' | 'backup.notJson' | 'backup.archive' | 'backup.truncated' | 'backup.foreign' | 'backup.newer' | 'backup.invalid' | 'backup.duplicateId' | 'backup.damaged';


export interface BackupError {
  code: BackupErrorCode;
  /** Where and what, for support (English, zod's words): 'workshop.cards[3].text: expected string, received number'. */
  detail: string;
  /**
   * For the message: 'backup.invalid' names the first wrong entry's path as `field` ('workshop.cards[3].text');
   * 'backup.duplicateId' the `id`, the entry that has it first (`first`) and the one that repeats it (`field`).
   */
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

/** The backup file's text (pretty-printed JSON: organisers open it to see what it holds). */
export function exportBackup(doc: WorkshopDoc, now = Date.now()): string {
  const content = { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: new Date(now).toISOString(), workshop: workshopSnapshot(doc) };
  const { workshop, ...head } = content;
  // The checksum before the workshop, so it is on the first lines of the file.
  return `${JSON.stringify({ ...head, [CHECKSUM_FIELD]: backupChecksum(content), workshop }, null, 2)}\n`;
}

/** The schema of each area, from the registry: what a backup may hold there. */
export const areaSchemas = perArea<{ [A in Area]: z.ZodType<WorkshopSnapshot[A], unknown> }>((area) => AREAS[area].schema);

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string().optional(),
  workshop: z.object(areaSchemas),
});

/** Where a zod issue is, as the file's keys read: 'workshop.cards[3].text'. */
function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** A zod issue as 'workshop.cards[3].text: expected string, received number'. */
function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issuePath(issue) || '(file)'}: ${issue.message}`;
}

/** A backup that can be imported, and what was changed in it to be (empty for a sound file). */
export interface CheckedBackup {
  workshop: WorkshopSnapshot;
  repairs: BackupRepair[];
}

/**
 * Reads a backup file's text (readBackup) for a caller that tells no one what was mended: the
 * workshop as it is imported.
 */
export function parseBackup(raw: string): Result<WorkshopSnapshot, BackupError> {
  const read = readBackup(raw);
  return read.ok ? ok(read.value.workshop) : read;
}

/**
 * Reads a backup file's text: the whole file is checked before anything is built, and every
 * refusal says what is wrong. Ids must be unique per area, and the meta's schema version must
 * be the file's (one of them edited by hand means the file cannot be trusted). Values that are
 * mended (backup-repair.ts) come back in `repairs`, for the caller to tell.
 */
export function readBackup(raw: string): Result<CheckedBackup, BackupError> {
  // A UTF-8 file has at least as many bytes as its text has UTF-16 units: a text longer than the
  // limit came from a file over it (the callers check the file's size before reading it).
  const tooBig = backupSizeRefusal(raw.length);
  if (tooBig) return failWith(tooBig);
  // A ZIP archive read as text (a mail program packs attachments so; a Word file is one too) starts with its signature.
  if (raw.startsWith('PK\u0003\u0004')) return refuse('backup.archive', 'a ZIP archive, not JSON');
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
    // The message names where, in the file's own words; zod's English what stays in `detail`.
    return refuse('backup.invalid', detail, { field: (issues[0] && issuePath(issues[0])) || 'workshop' });
  }
  const { workshop, schemaVersion } = parsed.data;
  if (workshop.meta.schemaVersion !== schemaVersion) {
    const detail = `workshop.meta.schemaVersion is ${workshop.meta.schemaVersion}, the file says ${schemaVersion}`;
    return refuse('backup.invalid', detail, { field: 'workshop.meta.schemaVersion' });
  }
  for (const [area, value] of Object.entries(workshop)) {
    if (!Array.isArray(value)) continue;
    const seen = new Map<string, number>();
    for (const [index, item] of (value as unknown[]).entries()) {
      const key = typeof item === 'string' ? item : ((item as { id?: string; key?: string }).id ?? (item as { key?: string }).key ?? '');
      const first = seen.get(key);
      if (first !== undefined) {
        // The message says why, not only where: "not valid" sent people looking for a wrong field in an entry that has none.
        const detail = `workshop.${area}[${index}]: the id "${key}" appears twice (also workshop.${area}[${first}])`;
        return refuse('backup.duplicateId', detail, { id: key, first: `workshop.${area}[${first}]`, field: `workshop.${area}[${index}]` });
      }
      seen.set(key, index);
    }
  }
  return ok(repairBackup(workshop));
}

/** Origin of the rebuild: not a user action, so nobody's undo takes the imported workshop apart. */
const BACKUP_ORIGIN = 'plenum:backup';

/**
 * Builds a new document holding exactly `snapshot`, every id kept. `workshopId` replaces the
 * workshop's own id (importing a second copy next to the original); the rest stays as it was.
 */
export function restoreBackup(snapshot: WorkshopSnapshot, options: { workshopId?: string } = {}): WorkshopDoc {
  const doc = createWorkshopDoc();
  const areas: WorkshopSnapshot = { ...snapshot, meta: { ...snapshot.meta, id: options.workshopId ?? snapshot.meta.id } };
  doc.transact(() => {
    for (const area of AREA_NAMES) restoreArea(doc, area, areas[area]);
  }, BACKUP_ORIGIN);
  return doc;
}

/**
 * The stored form of `snapshot` as a new document (restoreBackup, encoded as one update): what an
 * import stores. Only bytes leave, so it runs where the import's worker runs and crosses back as one
 * transferable buffer; the document is freed here.
 */
export function backupState(snapshot: WorkshopSnapshot, options: { workshopId?: string } = {}): Uint8Array {
  const doc = restoreBackup(snapshot, options);
  try {
    return encodeWorkshopState(doc);
  } finally {
    doc.destroy();
  }
}

function restoreArea<A extends Area>(doc: WorkshopDoc, area: A, value: WorkshopSnapshot[A]): void {
  AREAS[area].restore(doc, value);
}
