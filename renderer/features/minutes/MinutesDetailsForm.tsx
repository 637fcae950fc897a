import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result, WorkshopMeta } from '../../../shared/model';
import type { MinutesDetails } from '../../../shared/roles/commands';
import { useErrorText } from '../../hooks/use-error-text';
import { useLive } from '../../hooks/use-live';
import type { WorkshopSession } from '../../session/workshop-session';
import { DateField } from '../common/DateField';
import { FieldError } from '../common/FieldError';
import { useCan, useCommands } from '../roles/use-role';
import './minutes-details.css';

type TextKey = 'moderator' | 'minuteTaker' | 'distribution' | 'nextSteps';

interface DetailFieldProps {
  field: TextKey;
  stored: string;
  multiline?: boolean;
  /** Null on a laptop that may not change it. */
  save: ((patch: MinutesDetails) => Result<unknown>) | null;
}

/**
 * One text of the minutes' header or close, written when the field is left (or Enter in a
 * one-line field); another laptop's change or an undo shows at once unless this one is typing.
 */
function DetailField({ field, stored, multiline = false, save }: DetailFieldProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(stored);
  const [shown, setShown] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  if (shown !== stored) {
    setShown(stored);
    setDraft(stored);
    setError(null);
  }
  const commit = () => {
    if (!save || draft === stored) return setError(null);
    const result = save({ [field]: draft });
    setError(result.ok ? null : errorText(result.error));
  };
  const common = {
    value: draft,
    readOnly: !save,
    title: save ? undefined : t('roles.onlyModerator'),
    placeholder: t(`minutes.details.${field}Placeholder`),
    'aria-invalid': error ? ('true' as const) : undefined,
    onBlur: commit,
    'data-testid': `minutes-${field}`,
  };
  return (
    <label className={`field minutes-detail-${field}`}>
      <span>{t(`minutes.details.${field}`)}</span>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => setDraft(event.target.value)} />
      ) : (
        <input {...common} onChange={(event) => setDraft(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && commit()} />
      )}
      <FieldError message={error} />
    </label>
  );
}

/** What only the minutes say: who moderated and took them, who receives them, next steps and the follow-up date. */
export function MinutesDetailsForm({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const meta: WorkshopMeta = useLive(session.live, 'meta');
  const commands = useCommands(session.doc);
  const save = useCan('workshop.edit') ? commands.workshop.minutes : null;
  const [dateError, setDateError] = useState<string | null>(null);
  const setFollowUp = (followUpDate: string) => {
    if (!save || followUpDate === meta.followUpDate) return;
    const result = save({ followUpDate });
    setDateError(result.ok ? null : errorText(result.error));
  };

  return (
    <section className="minutes-details" aria-labelledby="minutes-details-heading" data-testid="minutes-details">
      <h3 id="minutes-details-heading">{t('minutes.details.heading')}</h3>
      <div className="minutes-details-grid">
        <DetailField field="moderator" stored={meta.moderator} save={save} />
        <DetailField field="minuteTaker" stored={meta.minuteTaker} save={save} />
        <div className="field minutes-detail-followUp">
          <DateField
            label={t('minutes.details.followUpDate')}
            value={meta.followUpDate}
            onChange={setFollowUp}
            commitOnLeave
            testId="minutes-followUpDate"
            readOnly={!save}
            title={save ? undefined : t('roles.onlyModerator')}
          />
          <FieldError message={dateError} />
        </div>
        <DetailField field="distribution" stored={meta.distribution} save={save} />
        <DetailField field="nextSteps" stored={meta.nextSteps} multiline save={save} />
      </div>
      <p className="muted small">{t('minutes.details.itemsHint')}</p>
    </section>
  );
}
