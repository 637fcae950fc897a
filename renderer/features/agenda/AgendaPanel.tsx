import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, agendaSchedule, startMinuteOfDay, type LiveWorkshop, type WorkshopDoc } from '../../../shared/model';
import { useCan } from '../roles/use-role';
import { useLive } from '../../hooks/use-live';
import { useWorkshopTimeZone } from '../../hooks/use-time-zone';
import { AgendaItemRow } from './AgendaItemRow';
import { AgendaSettings } from './AgendaSettings';
import { useAgendaCommands } from './use-agenda-commands';
import './agenda.css';
import { FieldError } from '../common/FieldError';

interface AgendaPanelProps {
  live: LiveWorkshop;
  doc: WorkshopDoc;
}

/** The agenda: items with kinds and planned durations in running order, timed from the day's start. */
export function AgendaPanel({ live, doc }: AgendaPanelProps) {
  const { t } = useTranslation();
  const items = useLive(live, 'agenda');
  const meta = useLive(live, 'meta');
  const run = useLive(live, 'run');
  const fileInput = useRef<HTMLInputElement>(null);
  const editable = useCan('agenda.edit');
  const timeZone = useWorkshopTimeZone(live);
  const { form, add, remove, move, saveTemplate, loadTemplate } = useAgendaCommands(doc, items, meta.title);

  const schedule = agendaSchedule(items, startMinuteOfDay(meta.startTime));
  const currentIndex = items.findIndex((item) => item.id === run.currentId);

  return (
    <section className="panel agenda" aria-labelledby="agenda-heading">
      <div className="panel-head">
        <h2 id="agenda-heading">{t('agenda.heading')}</h2>
        <span className="agenda-template-actions">
          <button type="button" className="ghost" onClick={() => void saveTemplate()} disabled={items.length === 0} data-testid="agenda-save-template">
            {t('agenda.saveTemplate')}
          </button>
          {editable && (
            <>
              <button type="button" className="ghost" onClick={() => fileInput.current?.click()} data-testid="agenda-load-template">
                {t('agenda.loadTemplate')}
              </button>
              <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={(event) => void loadTemplate(event)} data-testid="agenda-template-file" />
            </>
          )}
        </span>
      </div>
      <AgendaSettings doc={doc} meta={meta} items={items} />
      {items.length === 0 ? (
        <p className="muted empty">{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda-list" data-testid="agenda-list">
          {items.map((item, index) => (
            <AgendaItemRow
              key={item.id}
              item={item}
              index={index}
              count={items.length}
              doc={doc}
              startMin={schedule[index]?.startMin ?? null}
              runState={index === currentIndex ? 'current' : item.actualEnd > 0 ? 'done' : null}
              timeZone={timeZone}
              editable={editable}
              onMove={(to) => move(item.id, to)}
              onRemove={() => remove(item.id)}
              onDropItem={(id) => move(id, index)}
            />
          ))}
        </ol>
      )}
      {!editable && (
        <p className="muted" data-testid="agenda-readonly">
          {t('roles.agendaReadOnly')}
        </p>
      )}
      {editable && (
      <form className="agenda-add" onSubmit={add} noValidate>
        <label className="field grow">
          <span>{t('agenda.titleLabel')}</span>
          <input value={form.title} onChange={(event) => form.setTitle(event.target.value)} data-testid="agenda-title" placeholder={t('agenda.titlePlaceholder')} />
        </label>
        <label className="field">
          <span>{t('agenda.kindLabel')}</span>
          <select value={form.kind} onChange={(event) => form.setKind(event.target.value)} data-testid="agenda-kind">
            {AGENDA_KINDS.map((entry) => (
              <option key={entry} value={entry}>
                {t(`agenda.kind.${entry}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field narrow">
          <span>{t('agenda.durationLabel')}</span>
          <input value={form.duration} onChange={(event) => form.setDuration(event.target.value)} inputMode="numeric" data-testid="agenda-duration" />
        </label>
        <label className="field grow">
          <span>{t('agenda.speakerLabel')}</span>
          <input value={form.speaker} onChange={(event) => form.setSpeaker(event.target.value)} placeholder={t('agenda.speakerPlaceholder')} data-testid="agenda-speaker" />
        </label>
        {form.kind === 'groupWork' && (
          <label className="field agenda-add-task">
            <span>{t('agenda.taskLabel')}</span>
            <textarea value={form.task} onChange={(event) => form.setTask(event.target.value)} rows={2} placeholder={t('agenda.taskPlaceholder')} data-testid="agenda-task" />
          </label>
        )}
        <button type="submit" className="primary" data-testid="agenda-add">
          {t('agenda.add')}
        </button>
        <FieldError message={form.error} testId="agenda-error" />
      </form>
      )}
    </section>
  );
}
