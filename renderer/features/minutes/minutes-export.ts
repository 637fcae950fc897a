import type { HostApi } from '../../../shared/host-api';
import { BACKUP_EXTENSION, backupSizeRefusal, exportBackup, newId, type WorkshopDoc, type WorkshopSnapshot } from '../../../shared/model';
import {
  buildEml,
  FORMAT_FILES,
  fileSlug,
  mailDraft,
  minutesFileName,
  renderHtml,
  renderMinutes,
  type Minutes,
  type MinutesFormat,
} from '../../../shared/minutes';

/** What an export did, for the message the panel shows. */
export type ExportOutcome =
  | { kind: 'saved'; path: string }
  | { kind: 'downloaded'; name: string }
  | { kind: 'printDialog' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: string }
  /** A backup over the size every import refuses: not written, since it could never come back. */
  | { kind: 'backupTooBig'; sizeMb: number; limitMb: number };

function outcome(result: Awaited<ReturnType<HostApi['file:save']>>, name: string): ExportOutcome {
  if (!result.ok) return { kind: 'failed', reason: result.error };
  if (!result.value.saved) return { kind: 'cancelled' };
  return result.value.path ? { kind: 'saved', path: result.value.path } : { kind: 'downloaded', name };
}

/**
 * Writes the minutes in one format through the host: a save dialog in Electron, a download on the
 * web. `workshop` is the snapshot `minutes` were built from: the host makes the PDF from it.
 */
export async function exportMinutes(host: HostApi, minutes: Minutes, format: MinutesFormat, workshop: WorkshopSnapshot): Promise<ExportOutcome> {
  const suggestedName = minutesFileName(minutes, format);
  try {
    if (format === 'pdf') {
      // The same minutes again on the host's side: same snapshot, language, zone and time of writing.
      const source = { workshop, language: minutes.language, timeZone: minutes.timeZone, generatedAt: minutes.generatedAt };
      const result = await host['pdf:save']({ suggestedName, minutes: source });
      if (!result.ok) return { kind: 'failed', reason: result.error };
      if (result.value.printDialog) return { kind: 'printDialog' };
      return result.value.saved && result.value.path ? { kind: 'saved', path: result.value.path } : { kind: 'cancelled' };
    }
    const data = await renderMinutes(minutes, format);
    return outcome(await host['file:save']({ suggestedName, mimeType: FORMAT_FILES[format].mimeType, data }), suggestedName);
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The workshop as a .plenum backup file. */
export async function exportWorkshopBackup(host: HostApi, doc: WorkshopDoc, minutes: Minutes): Promise<ExportOutcome> {
  const suggestedName = `${[fileSlug(minutes.title), minutes.date].filter(Boolean).join('-')}.${BACKUP_EXTENSION}`;
  const data = exportBackup(doc);
  const tooBig = backupSizeRefusal(new TextEncoder().encode(data).length);
  if (tooBig?.params) return { kind: 'backupTooBig', sizeMb: Number(tooBig.params.sizeMb), limitMb: Number(tooBig.params.limitMb) };
  return outcome(await host['file:save']({ suggestedName, mimeType: 'application/json', data }), suggestedName);
}

/** The mail draft as an .eml file with the HTML minutes attached. */
export async function exportMailDraft(host: HostApi, minutes: Minutes, recipients: readonly string[]): Promise<ExportOutcome> {
  const attachment = { fileName: minutesFileName(minutes, 'html'), mimeType: 'text/html; charset=UTF-8', data: renderHtml(minutes) };
  const eml = buildEml(mailDraft(minutes, recipients), [attachment], { date: Date.now(), messageId: newId() });
  const suggestedName = minutesFileName(minutes, 'md').replace(/\.md$/, '.eml');
  return outcome(await host['file:save']({ suggestedName, mimeType: 'message/rfc822', data: eml }), suggestedName);
}
