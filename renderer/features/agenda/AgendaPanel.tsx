import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, agendaSchedule, startMinuteOfDay, type LiveWorkshop, type WorkshopDoc } from '../../../shared/model';
import { useCan, useCommands } from '../roles/use-role';
import { useErrorText } from '../../hooks/use-error-text';
import { useLive } from '../../hooks/use-live';
import { useToasts } from '../../state/toasts';
import { AgendaItemRow } from './AgendaItemRow';
import { AgendaSettings } from './AgendaSettings';
import { useHost } from '../../hooks/use-host';
import { loadAgendaTemplate, saveAgendaTemplate } from './agenda-template-file';
import './agenda.css';
import { FieldError } from '../common/FieldError';

interface AgendaPanelProps {
  live: LiveWorkshop;
  doc: WorkshopDoc;
}

/** The agenda: items with kinds and planned durations in running order, timed from the day's start. */
export function AgendaPanel({ live, doc }: AgendaPanelProps) {
  const { t } = useTranslation();
  const host = useHost();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  const items = useLive(live, 'agenda');
  const meta = useLive(live, 'meta');
  const run = useLive(live, 'run');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('plenary');
  const [duration, setDuration] = useState('15');
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const commands = useCommands(doc);
  const editable = useCan('agenda.edit');

  const add = (event: FormEvent) => {
    event.preventDefault();
    const result = commands.agenda.add({ title, durationMin: duration, kind });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setTitle('');
  };

  const remove = (id: string) => {
    const item = items.find((entry) => entry.id === id);
    if (!item || !commands.agenda.remove(id).ok) return;
    showToast({
      message: t('agenda.deleted', { title: item.title }),
      tone: 'info',
      action: { label: t('common.undo'), run: () => void commands.agenda.restore(item) },
    });
  };

  const saveTemplate = async () => {
    const result = await saveAgendaTemplate(host, doc, meta.title);
    if (result.error) showToast({ message: t('agenda.templateSaveFailed', { detail: result.error }), tone: 'error' });
    else if (result.saved) showToast({ message: t('agenda.templateSaved'), tone: 'info' });
  };

  const loadTemplate = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await loadAgendaTemplate(commands, file);
    if (!result.ok) return showToast({ message: errorText(result.error), tone: 'error' });
    showToast({ message: t('agenda.templateLoaded', { count: result.value }), tone: 'info' });
  };

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
              editable={editable}
              onMove={(to) => void commands.agenda.move(item.id, to)}
              onRemove={() => remove(item.id)}
              onDropItem={(id) => void commands.agenda.move(id, index)}
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
          <input value={title} onChange={(event) => setTitle(event.target.value)} data-testid="agenda-title" placeholder={t('agenda.titlePlaceholder')} />
        </label>
        <label className="field">
          <span>{t('agenda.kindLabel')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value)} data-testid="agenda-kind">
            {AGENDA_KINDS.map((entry) => (
              <option key={entry} value={entry}>
                {t(`agenda.kind.${entry}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field narrow">
          <span>{t('agenda.durationLabel')}</span>
          <input value={duration} onChange={(event) => setDuration(event.target.value)} inputMode="numeric" data-testid="agenda-duration" />
        </label>
        <button type="submit" className="primary" data-testid="agenda-add">
          {t('agenda.add')}
        </button>
        <FieldError message={error} testId="agenda-error" />
      </form>
      )}
    </section>
  );
}
