import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addAgendaItem,
  agendaTotalMinutes,
  moveAgendaItem,
  removeAgendaItem,
  restoreAgendaItem,
  type LiveWorkshop,
  type WorkshopDoc,
} from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { useLive } from '../../hooks/use-live';
import { useToasts } from '../../state/toasts';
import { AgendaItemRow } from './AgendaItemRow';
import { formatMinutes } from './format-minutes';

interface AgendaPanelProps {
  live: LiveWorkshop;
  doc: WorkshopDoc;
}

/** The agenda: items with planned durations, in running order. */
export function AgendaPanel({ live, doc }: AgendaPanelProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  const items = useLive(live, 'agenda');
  const [title, setTitle] = useState('');
  const [duration, setDuration] = useState('15');
  const [error, setError] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const result = addAgendaItem(doc, { title, durationMin: duration });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setTitle('');
  };

  const remove = (id: string) => {
    const item = items.find((entry) => entry.id === id);
    if (!item || !removeAgendaItem(doc, id).ok) return;
    showToast({
      message: t('agenda.deleted', { title: item.title }),
      tone: 'info',
      action: { label: t('common.undo'), run: () => restoreAgendaItem(doc, item) },
    });
  };

  const total = agendaTotalMinutes(items);

  return (
    <section className="panel agenda" aria-labelledby="agenda-heading">
      <div className="panel-head">
        <h2 id="agenda-heading">{t('agenda.heading')}</h2>
        <span className="muted" data-testid="agenda-total">
          {t('agenda.total', { duration: formatMinutes(total, t) })}
        </span>
      </div>
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
              onMove={(to) => moveAgendaItem(doc, item.id, to)}
              onRemove={() => remove(item.id)}
            />
          ))}
        </ol>
      )}
      <form className="agenda-add" onSubmit={add} noValidate>
        <label className="field grow">
          <span>{t('agenda.titleLabel')}</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} data-testid="agenda-title" placeholder={t('agenda.titlePlaceholder')} />
        </label>
        <label className="field narrow">
          <span>{t('agenda.durationLabel')}</span>
          <input
            value={duration}
            onChange={(event) => setDuration(event.target.value)}
            inputMode="numeric"
            data-testid="agenda-duration"
          />
        </label>
        <button type="submit" className="primary" data-testid="agenda-add">
          {t('agenda.add')}
        </button>
        {error && (
          <p className="field-error" role="alert" data-testid="agenda-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
