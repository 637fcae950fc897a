import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isBlankText,
  type ModelError,
  type StakeholderGroupEntry,
  type WorkshopDoc,
} from '../../../shared/model';
import { useCommands } from '../roles/use-role';
import { useErrorText } from '../../hooks/use-error-text';
import { useToasts } from '../../state/toasts';
import { InlineText } from '../common/InlineText';
import { FieldError } from '../common/FieldError';

interface StakeholderGroupsPanelProps {
  doc: WorkshopDoc;
  groups: readonly StakeholderGroupEntry[];
  groupName(key: string): string;
}

/** The workshop's stakeholder-group list: rename, remove (with Undo), add. */
export function StakeholderGroupsPanel({ doc, groups, groupName }: StakeholderGroupsPanelProps) {
  const commands = useCommands(doc);
  const { t } = useTranslation();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const explain = (failure: ModelError) =>
    failure.code === 'stakeholder.duplicate' ? t('participants.groups.duplicate', { name: failure.params?.name ?? '' }) : errorText(failure);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const result = commands.roster.addGroup(draft);
    if (!result.ok) return setError(explain(result.error));
    setError(null);
    setDraft('');
  };

  const rename = (group: StakeholderGroupEntry, value: string): string | null => {
    // Typing the translated name back (or nothing) gives a built-in group its own name again.
    const reset = group.builtin && (isBlankText(value) || value.trim() === t(`stakeholders.${group.key}`));
    const result = commands.roster.renameGroup(group.key, reset ? '' : value);
    return result.ok ? null : explain(result.error);
  };

  const remove = (group: StakeholderGroupEntry) => {
    // A built-in group without a name of its own is named in the language the toast is read in.
    const { key, label, builtin } = group;
    const name = builtin && label === '' ? null : groupName(key);
    const result = commands.roster.removeGroup(key);
    if (!result.ok) return;
    showToast({
      message: (t) => t('participants.groups.removed', { name: name ?? t(`stakeholders.${key}`), count: result.value.memberIds.length }),
      tone: 'info',
      action: { label: (t) => t('common.undo'), run: () => void commands.roster.restoreGroup(group.key, result.value.memberIds) },
    });
  };

  return (
    <section className="panel groups-panel" aria-labelledby="groups-heading">
      <h2 id="groups-heading">{t('participants.groups.heading')}</h2>
      <p className="muted">{t('participants.groups.explain')}</p>
      <ul className="group-list" data-testid="group-list">
        {groups.map((group) => (
          <li key={group.key}>
            <InlineText value={groupName(group.key)} label={t('participants.groups.renameOf', { name: groupName(group.key) })} onCommit={(value) => rename(group, value)} />
            <button type="button" className="icon danger-quiet" aria-label={t('participants.groups.removeOf', { name: groupName(group.key) })} title={t('participants.groups.remove')} onClick={() => remove(group)}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form className="group-add" onSubmit={add} noValidate>
        <input value={draft} onChange={(event) => setDraft(event.target.value)} aria-label={t('participants.groups.addLabel')} placeholder={t('participants.groups.addPlaceholder')} data-testid="group-add-name" />
        <button type="submit">{t('participants.groups.add')}</button>
        <FieldError message={error} />
      </form>
    </section>
  );
}
