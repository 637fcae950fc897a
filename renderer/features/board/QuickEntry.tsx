import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Participant, type WorkshopDoc } from '../../../shared/model';
import { useCommands } from '../roles/use-role';
import { describeError } from '../../hooks/use-error-text';
import { AuthorPicker, authorShortcut } from './AuthorPicker';
import type { EntryPrefs } from '../../state/board-prefs';
import { ColourSelect, StakeholderSelect } from './OptionSelects';
import { FieldError } from '../common/FieldError';
import { leaveEntry } from './card-focus';

interface QuickEntryProps {
  doc: WorkshopDoc;
  boardId: string;
  participants: readonly Participant[];
  prefs: EntryPrefs;
  setPrefs(patch: Partial<EntryPrefs>): void;
  /** The card just added, so the board can bring it into view. */
  onAdded(cardId: string): void;
}

/** Type, Enter, and the next card is ready: with the author, colour and tag chosen once. */
export function QuickEntry({ doc, boardId, participants, prefs, setPrefs, onAdded }: QuickEntryProps) {
  const { t } = useTranslation();
  const commands = useCommands(doc);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = useMemo(() => pickerPeople(participants, boardId), [participants, boardId]);
  const lastAdded = useRef<string | null>(null);

  const submit = () => {
    const result = commands.cards.add({ boardId, text: draft, authorId: prefs.authorId, colour: prefs.colour, stakeholderGroup: prefs.stakeholderGroup });
    if (!result.ok) return setError(describeError(t, result.error));
    setError(null);
    setDraft('');
    lastAdded.current = result.value.id;
    onAdded(result.value.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const picked = authorShortcut(event, people);
    if (picked !== undefined) {
      event.preventDefault();
      setPrefs({ authorId: picked });
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      leaveEntry(event.currentTarget, lastAdded.current);
    }
  };

  // One line to type in and one slim line of choices: the cards, not the form, fill the screen.
  return (
    <div className="quick-entry" data-testid="quick-entry">
      <div className="quick-entry-line">
        <textarea
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            // The hint after an empty Enter has done its job once the person writes.
            setError(null);
          }}
          onKeyDown={onKeyDown}
          placeholder={t('board.entryPlaceholder')}
          aria-label={t('board.entryLabel')}
          aria-describedby={`entry-hint-${boardId}`}
          title={t('board.entryHint')}
          rows={1}
          // Empty, it has nothing of its own to undo: Ctrl+Z takes back the card just added (use-undo-shortcuts.ts).
          data-undo-when-empty
          className={prefs.colour ? `colour-${prefs.colour}` : undefined}
          data-testid="card-entry"
        />
        <button type="button" className="primary" onClick={submit} data-testid="card-add">
          {t('board.addCard')}
        </button>
      </div>
      <span id={`entry-hint-${boardId}`} className="visually-hidden">
        {t('board.entryHint')}
      </span>
      <EntryChoices doc={doc} boardId={boardId} people={people} participants={participants} prefs={prefs} setPrefs={setPrefs} />
      <FieldError message={error} testId="card-error" />
    </div>
  );
}

interface EntryChoicesProps extends Pick<QuickEntryProps, 'doc' | 'boardId' | 'participants' | 'prefs' | 'setPrefs'> {
  people: readonly Participant[];
}

/** Author, colour and tag of the next card; memoised, as none of them changes when a card is added. */
const EntryChoices = memo(function EntryChoices({ doc, boardId, people, participants, prefs, setPrefs }: EntryChoicesProps) {
  const { t } = useTranslation();
  return (
    <div className="quick-entry-foot">
      <AuthorPicker people={people} all={participants} authorId={prefs.authorId} onPick={(authorId) => setPrefs({ authorId })} doc={doc} boardId={boardId} />
      <span className="spacer" />
      <label className="board-option">
        {t('board.colour')}
        <ColourSelect value={prefs.colour} onChange={(colour) => setPrefs({ colour })} noneLabel={t('board.colours.default')} data-testid="entry-colour" />
      </label>
      <label className="board-option">
        {t('board.stakeholderTag')}
        <StakeholderSelect value={prefs.stakeholderGroup} onChange={(stakeholderGroup) => setPrefs({ stakeholderGroup })} noneLabel={t('board.noTag')} data-testid="entry-tag" />
      </label>
    </div>
  );
});

/** The people offered as one-click authors: those seated at this table, else everybody (up to nine). */
function pickerPeople(participants: readonly Participant[], boardId: string): Participant[] {
  const seated = participants.filter((person) => person.tableId === boardId);
  return (seated.length > 0 ? seated : participants).slice(0, 9);
}
