import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addCard, CARD_COLOURS, STAKEHOLDER_GROUPS, type CardColour, type Participant, type StakeholderGroup, type WorkshopDoc } from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { AuthorPicker, authorShortcut } from './AuthorPicker';
import type { EntryPrefs } from './board-prefs';

interface QuickEntryProps {
  doc: WorkshopDoc;
  boardId: string;
  participants: readonly Participant[];
  prefs: EntryPrefs;
  setPrefs(patch: Partial<EntryPrefs>): void;
}

/** Type, Enter, and the next card is ready: with the author, colour and tag chosen once. */
export function QuickEntry({ doc, boardId, participants, prefs, setPrefs }: QuickEntryProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = pickerPeople(participants, boardId);

  const submit = () => {
    const result = addCard(doc, { boardId, text: draft, authorId: prefs.authorId, colour: prefs.colour, stakeholderGroup: prefs.stakeholderGroup });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const picked = authorShortcut(event, people);
    if (picked !== undefined) {
      event.preventDefault();
      setPrefs({ authorId: picked });
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <div className="quick-entry">
      <AuthorPicker people={people} all={participants} authorId={prefs.authorId} onPick={(authorId) => setPrefs({ authorId })} doc={doc} boardId={boardId} />
      <textarea
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('board.entryPlaceholder')}
        aria-label={t('board.entryLabel')}
        aria-describedby={`entry-hint-${boardId}`}
        rows={2}
        className={prefs.colour ? `colour-${prefs.colour}` : undefined}
        data-testid="card-entry"
      />
      <div className="quick-entry-foot">
        <span id={`entry-hint-${boardId}`} className="muted">
          {t('board.entryHint')}
        </span>
        <span className="spacer" />
        <label className="board-option">
          {t('board.colour')}
          <select value={prefs.colour ?? ''} onChange={(event) => setPrefs({ colour: (event.target.value || null) as CardColour | null })} data-testid="entry-colour">
            <option value="">{t('board.colours.default')}</option>
            {CARD_COLOURS.map((colour) => (
              <option key={colour} value={colour}>
                {t(`board.colours.${colour}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="board-option">
          {t('board.stakeholderTag')}
          <select value={prefs.stakeholderGroup ?? ''} onChange={(event) => setPrefs({ stakeholderGroup: (event.target.value || null) as StakeholderGroup | null })} data-testid="entry-tag">
            <option value="">{t('board.noTag')}</option>
            {STAKEHOLDER_GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`stakeholders.${group}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={submit} data-testid="card-add">
          {t('board.addCard')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="card-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The people offered as one-click authors: those seated at this table, else everybody (up to nine). */
function pickerPeople(participants: readonly Participant[], boardId: string): Participant[] {
  const seated = participants.filter((person) => person.tableId === boardId);
  return (seated.length > 0 ? seated : participants).slice(0, 9);
}
