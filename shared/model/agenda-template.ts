import { z } from 'zod';
import { addAgendaItem, agendaSnapshot } from './agenda';
import { local, roots, type WorkshopDoc } from './doc';
import { metaSnapshot, validStartTime } from './meta';
import { fail, ok, type Result } from './result';
import { isBlankText } from './validate';
import { AGENDA_KINDS, LIMITS } from './schema';

/** Marks a file as a Plenum agenda, so any other JSON is refused with a clear message. */
export const AGENDA_TEMPLATE_FORMAT = 'plenum-agenda';
export const AGENDA_TEMPLATE_VERSION = 1;

const templateItem = z.object({
  title: z
    .string()
    .trim()
    .max(LIMITS.titleMax)
    .refine((title) => !isBlankText(title)),
  kind: z.enum(AGENDA_KINDS),
  durationMin: z.number().int().min(0).max(LIMITS.durationMaxMin),
  speaker: z.string().trim().max(LIMITS.shortTextMax),
  notes: z.string().max(LIMITS.notesMax),
  task: z.string().max(LIMITS.notesMax),
});

const templateSchema = z.object({
  format: z.literal(AGENDA_TEMPLATE_FORMAT),
  version: z.literal(AGENDA_TEMPLATE_VERSION),
  startTime: z.string().refine((text) => validStartTime(text).ok),
  availableMin: z.number().int().min(0).max(LIMITS.durationMaxMin),
  items: z.array(templateItem).max(500),
});

/** A saved agenda: the plan of a day without anything that happened on it (no ids, no actual times). */
export type AgendaTemplate = z.infer<typeof templateSchema>;

/** The agenda of `doc` as a template. */
export function agendaTemplateOf(doc: WorkshopDoc): AgendaTemplate {
  const meta = metaSnapshot(doc);
  return {
    format: AGENDA_TEMPLATE_FORMAT,
    version: AGENDA_TEMPLATE_VERSION,
    startTime: meta.startTime,
    availableMin: meta.availableMin,
    items: agendaSnapshot(doc).map(({ title, kind, durationMin, speaker, notes, task }) => ({ title, kind, durationMin, speaker, notes, task })),
  };
}

/** Reads a template file; anything but a whole, valid template is refused (never half an agenda). */
export function parseAgendaTemplate(text: string): Result<AgendaTemplate> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('template.invalid');
  }
  const parsed = templateSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const version = (json as { version?: unknown } | null)?.version;
  if ((json as { format?: unknown } | null)?.format === AGENDA_TEMPLATE_FORMAT && typeof version === 'number' && version > AGENDA_TEMPLATE_VERSION) {
    return fail('template.newer');
  }
  return fail('template.invalid');
}

/**
 * Appends the template's items to the agenda in one step (one undo); the start time and the
 * time available are taken only where the workshop has none yet.
 */
export function applyAgendaTemplate(doc: WorkshopDoc, template: AgendaTemplate): Result<number> {
  const meta = metaSnapshot(doc);
  local(doc, () => {
    const map = roots(doc).meta;
    if (!meta.startTime && template.startTime) map.set('startTime', validStartTime(template.startTime).ok ? template.startTime : '');
    if (!meta.availableMin && template.availableMin) map.set('availableMin', template.availableMin);
    // Checked by the schema above with the same limits, so none of these is refused half-way.
    for (const item of template.items) addAgendaItem(doc, item);
  });
  return ok(template.items.length);
}
