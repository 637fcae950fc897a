import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaFit, type AgendaItem, type WorkshopDoc, type WorkshopMeta } from '../../../shared/model';
import { useCan, useCommands } from '../roles/use-role';
import { useErrorText } from '../../hooks/use-error-text';
import { formatMinutes } from './format-minutes';
import { FieldError } from '../common/FieldError';
import { TimeZoneField } from './TimeZoneField';

interface AgendaSettingsProps {
  doc: WorkshopDoc;
  meta: WorkshopMeta;
  items: readonly AgendaItem[];
}

const minutesText = (minutes: number) => (minutes ? String(minutes) : '');

/** When the day starts, in which time zone, and how long it has; the planned total against it, with a warning when it does not fit. */
export function AgendaSettings({ doc, meta, items }: AgendaSettingsProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const commands = useCommands(doc);
  const editable = useCan('agenda.edit');
  const zoneEditable = useCan('workshop.edit');
  const readOnlyHint = editable ? undefined : t('roles.onlyModerator');
  const [start, setStart] = useState(meta.startTime);
  const [available, setAvailable] = useState(minutesText(meta.availableMin));
  const [stored, setStored] = useState({ start: meta.startTime, available: meta.availableMin });
  const [error, setError] = useState<string | null>(null);
  // Another laptop (or undo) changed a field: that field shows the document's value again; the other keeps its draft.
  if (stored.start !== meta.startTime || stored.available !== meta.availableMin) {
    if (stored.start !== meta.startTime) setStart(meta.startTime);
    if (stored.available !== meta.availableMin) setAvailable(minutesText(meta.availableMin));
    setStored({ start: meta.startTime, available: meta.availableMin });
  }

  /** Writes one field, and only when it changed: a blur must not overwrite what another laptop just set. */
  const save = (field: 'startTime' | 'availableMin') => {
    const draft = field === 'startTime' ? start : available;
    const current = field === 'startTime' ? meta.startTime : minutesText(meta.availableMin);
    if (draft.trim() === current) return setError(null);
    const result = commands.agenda.settings({ [field]: draft });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    if (field === 'startTime') setStart(result.value.startTime);
  };

  const setZone = (zone: string) => {
    const result = commands.workshop.timeZone(zone);
    setError(result.ok ? null : errorText(result.error));
  };

  const fit = agendaFit(items, meta.availableMin);
  return (
    <div className="agenda-settings">
      <label className="field narrow">
        <span>{t('agenda.startTime')}</span>
        <input
          value={start}
          onChange={(event) => setStart(event.target.value)}
          onBlur={() => save('startTime')}
          onKeyDown={(event) => event.key === 'Enter' && save('startTime')}
          placeholder="09:30"
          readOnly={!editable}
          title={readOnlyHint}
          inputMode="numeric"
          data-testid="agenda-start-time"
        />
      </label>
      <label className="field narrow">
        <span>{t('agenda.available')}</span>
        <input
          value={available}
          onChange={(event) => setAvailable(event.target.value)}
          onBlur={() => save('availableMin')}
          onKeyDown={(event) => event.key === 'Enter' && save('availableMin')}
          placeholder="240"
          readOnly={!editable}
          title={readOnlyHint}
          inputMode="numeric"
          data-testid="agenda-available"
        />
      </label>
      <TimeZoneField value={meta.timeZone} onChange={zoneEditable ? setZone : null} />
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
      <FieldError message={error} />
    </div>
  );
}
