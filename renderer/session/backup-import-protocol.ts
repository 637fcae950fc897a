import { z } from 'zod';
import type { BackupError, BackupErrorCode, BackupRepair, BackupRepairCode } from '../../shared/model';

/*
 * What the page and the backup import's worker (backup-import.worker.ts) say to each other. Both
 * sides check every message against these schemas before they act on it: a message is structured
 * data from another realm, and a worker that is out of step with the page (an old chunk under an
 * updated tab) must fail with a reason, not store something half understood.
 *
 *   worker → page   ready                  its code loaded and runs (an error event first: it does not)
 *   page → worker   check {source}         the file (a Blob, read in the worker) or its text
 *   worker → page   stage {stage}…         what the worker is doing now, for the progress
 *   worker → page   checked {result}       the workshop's index fields and what was mended, or why the file is refused
 *   page → worker   build {workshopId}     the id it is stored under (a copy gets a fresh one)
 *   worker → page   built {state}          the workshop's encoded state, its buffer transferred
 *   worker → page   failed {message}       anything the worker did not expect
 */

/** The steps of an import, in order: what the progress shows. */
export const IMPORT_STAGES = ['reading', 'checking', 'building', 'saving'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

const BACKUP_ERROR_CODES = ['backup.tooBig', 'backup.notJson', 'backup.archive', 'backup.truncated', 'backup.foreign', 'backup.newer', 'backup.invalid', 'backup.duplicateId', 'backup.damaged'] as const satisfies readonly BackupErrorCode[];

const backupErrorSchema: z.ZodType<BackupError> = z.object({
  code: z.enum(BACKUP_ERROR_CODES),
  detail: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const BACKUP_REPAIR_CODES = ['startTime', 'duration', 'endBeforeStart', 'endWithoutStart', 'cardsWithoutBoard'] as const satisfies readonly BackupRepairCode[];

const backupRepairSchema: z.ZodType<BackupRepair> = z.object({
  code: z.enum(BACKUP_REPAIR_CODES),
  field: z.string(),
  detail: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** What the index row of the imported workshop needs from the backup, checked there already. */
export const importedMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  venue: z.string(),
  room: z.string(),
  createdAt: z.number(),
  timeZone: z.string(),
});
export type ImportedMeta = z.infer<typeof importedMetaSchema>;

const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('check'), source: z.union([z.string(), z.instanceof(Blob)]) }),
  z.object({ type: z.literal('build'), workshopId: z.string().min(1) }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('stage'), stage: z.enum(IMPORT_STAGES) }),
  z.object({
    type: z.literal('checked'),
    result: z.union([z.object({ ok: z.literal(true), meta: importedMetaSchema, repairs: z.array(backupRepairSchema) }), z.object({ ok: z.literal(false), error: backupErrorSchema })]),
  }),
  z.object({ type: z.literal('built'), state: z.instanceof(Uint8Array) }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** A message the worker received, or null when it is none of the page's. */
export function readToWorker(data: unknown): ToWorker | null {
  const parsed = toWorkerSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** A message the page received from the worker, or null when it is none of the worker's. */
export function readFromWorker(data: unknown): FromWorker | null {
  const parsed = fromWorkerSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
