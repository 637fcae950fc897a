import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type StakeholderGroupEntry, type WorkshopDoc } from '../../../shared/model';
import { useCommands } from '../roles/use-role';
import { useErrorText } from '../../hooks/use-error-text';
import { FieldError } from '../common/FieldError';

interface AddParticipantFormProps {
  doc: WorkshopDoc;
  groups: readonly StakeholderGroupEntry[];
  groupName(key: string): string;
}

/** Adds one person; the name field keeps focus so a list can be typed in one go. */
export function AddParticipantForm({ doc, groups, groupName }: AddParticipantFormProps) {
  const commands = useCommands(doc);
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [group, setGroup] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const result = commands.roster.add({ name, organisation, stakeholderGroup: group, email: '' });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setName('');
    setOrganisation('');
    (event.currentTarget as HTMLFormElement).querySelector('input')?.focus();
  };

  return (
    <form className="participant-add" onSubmit={add} noValidate>
      <label className="field grow">
        <span>{t('participants.add.name')}</span>
        <input value={name} onChange={(event) => setName(event.target.value)} aria-invalid={error ? 'true' : undefined} data-testid="participant-add-name" />
      </label>
      <label className="field grow">
        <span>{t('participants.add.organisation')}</span>
        <input value={organisation} onChange={(event) => setOrganisation(event.target.value)} data-testid="participant-add-organisation" />
      </label>
      <label className="field">
        <span>{t('participants.add.group')}</span>
        <select value={group} onChange={(event) => setGroup(event.target.value)} data-testid="participant-add-group">
          <option value="">{t('participants.noGroup')}</option>
          {groups.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {groupName(entry.key)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" data-testid="participant-add">
        {t('participants.add.submit')}
      </button>
      <FieldError message={error} />
    </form>
  );
}
