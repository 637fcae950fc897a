import { agendaTemplateOf, parseAgendaTemplate, type Result, type WorkshopDoc } from '../../../shared/model';
import type { HostApi } from '../../../shared/host-api';
import type { WorkshopCommands } from '../../../shared/roles/commands';

/** A file name from the workshop title that every file system accepts. */
export function templateFileName(title: string): string {
  const printable = [...title].map((char) => (char.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(char) ? ' ' : char)).join('');
  const base = printable.replace(/\s+/g, ' ').trim().slice(0, 80) || 'agenda';
  return `${base}.plenum-agenda.json`;
}

/** Saves the agenda as a template file; resolves to whether it was saved (the user may cancel). */
export async function saveAgendaTemplate(host: HostApi, doc: WorkshopDoc, title: string): Promise<{ saved: boolean; error?: string }> {
  const data = JSON.stringify(agendaTemplateOf(doc), null, 2);
  const result = await host['file:save']({ suggestedName: templateFileName(title), mimeType: 'application/json', data });
  return result.ok ? { saved: result.value.saved } : { saved: false, error: result.error };
}

/** Files beyond this are not agendas; reading them would only freeze the window. */
const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

/** Reads a template file and appends its items to the agenda; nothing is added unless the whole file is valid. */
export async function loadAgendaTemplate(commands: WorkshopCommands, file: File): Promise<Result<number>> {
  if (file.size > MAX_TEMPLATE_BYTES) return { ok: false, error: { code: 'template.invalid' } };
  const parsed = parseAgendaTemplate(await file.text());
  return parsed.ok ? commands.agenda.applyTemplate(parsed.value) : parsed;
}
