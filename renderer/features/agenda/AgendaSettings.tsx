import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaFit, updateMeta, type AgendaItem, type WorkshopDoc, type WorkshopMeta } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { formatMinutes } from './format-minutes';

interface AgendaSettingsProps {
  doc: WorkshopDoc;
  meta: WorkshopMeta;
  items: readonly AgendaItem[];
}

/** When the day starts and how long it has; the planned total against it, with a warning when it does not fit. */
export function AgendaSettings(props: AgendaSettingsProps) {
  // Keyed by the stored values: when another laptop (or undo) changes them, the fields start again from the document.
  return <AgendaSettingsForm key={`${props.meta.startTime}|${props.meta.availableMin}`} {...props} />;
}

function AgendaSettingsForm({ doc, meta, items }: AgendaSettingsProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [start, setStart] = useState(meta.startTime);
  const [available, setAvailable] = useState(meta.availableMin ? String(meta.availableMin) : '');
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    if (start === meta.startTime && available === (meta.availableMin ? String(meta.availableMin) : '')) return;
    const result = updateMeta(doc, { startTime: start, availableMin: available });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setStart(result.value.startTime);
  };

  const fit = agendaFit(items, meta.availableMin);
  return (
    <div className="agenda-settings">
      <label className="field narrow">
        <span>{t('agenda.startTime')}</span>
        <input
          value={start}
          onChange={(event) => setStart(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => event.key === 'Enter' && save()}
          placeholder="09:30"
          inputMode="numeric"
          data-testid="agenda-start-time"
        />
      </label>
      <label className="field narrow">
        <span>{t('agenda.available')}</span>
        <input
          value={available}
          onChange={(event) => setAvailable(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => event.key === 'Enter' && save()}
          placeholder={t('agenda.availablePlaceholder')}
          inputMode="numeric"
          data-testid="agenda-available"
        />
      </label>
      <p className={`agenda-fit${fit.overByMin > 0 ? ' over' : ''}`} role="status" data-testid="agenda-total">
        {fit.availableMin === 0
          ? t('agenda.total', { duration: formatMinutes(fit.plannedMin, t) })
          : t('agenda.totalOf', { duration: formatMinutes(fit.plannedMin, t), available: formatMinutes(fit.availableMin, t) })}
        {fit.overByMin > 0 && (
          <strong className="agenda-warning" data-testid="agenda-over">
            {' '}
            ⚠ {t('agenda.overBy', { duration: formatMinutes(fit.overByMin, t) })}
          </strong>
        )}
        {fit.spareMin > 0 && <span className="muted"> · {t('agenda.spare', { duration: formatMinutes(fit.spareMin, t) })}</span>}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
