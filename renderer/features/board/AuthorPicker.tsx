import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLENARY_BOARD_ID, stakeholderGroupsSnapshot, textKey, type Participant, type WorkshopDoc } from '../../../shared/model';
import { useGroupName } from '../participants/use-group-names';
import { useCommands } from '../roles/use-role';
import { useErrorText } from '../../hooks/use-error-text';
import { FieldError } from '../common/FieldError';
import { useShownNames } from '../../hooks/use-shown-names';

/**
 * Alt+0 writes anonymously, Alt+1…9 as the first nine people offered. Returns the picked
 * author (null: anonymous), or undefined when the key is not such a shortcut.
 */
export function authorShortcut(event: KeyboardEvent, people: readonly Participant[]): string | null | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || !/^Digit\d$/.test(event.code)) return undefined;
  const digit = Number(event.code.slice(5));
  if (digit === 0) return null;
  return people[digit - 1]?.id;
}

/**
 * Each person's name as the picker offers it: with their organisation (else their stakeholder
 * group) beside it when someone else on the roster reads the same, so two "Anna Schmidt" can be
 * told apart. `shownName` is the name as shown, `groupName` a group key's shown name.
 */
export function authorLabels(people: readonly Participant[], shownName: (person: Participant) => string, groupName: (key: string) => string): Map<string, string> {
  const count = new Map<string, number>();
  for (const person of people) {
    const key = textKey(shownName(person));
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return new Map(people.map((person) => {
    const name = shownName(person);
    if ((count.get(textKey(name)) ?? 0) < 2) return [person.id, name];
    const detail = person.organisation.trim() || (person.stakeholderGroup === '' ? '' : groupName(person.stakeholderGroup));
    return [person.id, detail === '' ? name : `${name} · ${detail}`];
  }));
}

interface AuthorPickerProps {
  /** The people offered as one-click choices (at most nine). */
  people: readonly Participant[];
  all: readonly Participant[];
  authorId: string | null;
  onPick(authorId: string | null): void;
  doc: WorkshopDoc;
  boardId: string;
}

/** Up to this many people the authors are offered as chips; more fold into one choice. */
export const CHIPS_UP_TO = 4;

/** Who writes the next card on a shared laptop: picked once, kept until changed. */
export function AuthorPicker({ people, all, authorId, onPick, doc, boardId }: AuthorPickerProps) {
  const { t } = useTranslation();
  const names = useShownNames();
  const errorText = useErrorText();
  const commands = useCommands(doc);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const others = all.filter((person) => !people.includes(person));
  // Read with the roster: a group renamed meanwhile shows with the next change of the people.
  const groups = useMemo(() => stakeholderGroupsSnapshot(doc), [doc, all]); // eslint-disable-line react-hooks/exhaustive-deps
  const groupName = useGroupName(groups);
  const labels = useMemo(() => authorLabels(all, (person) => names.person(person.name), groupName), [all, names, groupName]);
  const label = (person: Participant) => labels.get(person.id) ?? names.person(person.name);

  const add = () => {
    const result = commands.roster.addAuthor({ name, organisation: '', stakeholderGroup: '', email: '', tableId: boardId === PLENARY_BOARD_ID ? '' : boardId });
    if (!result.ok) return setError(errorText(result.error));
    onPick(result.value.id);
    setName('');
    setError(null);
    setAdding(false);
  };

  // Past a few names a row of chips takes more room than the cards: one choice then, with the
  // Alt+number shortcuts named in it.
  const folded = all.length > CHIPS_UP_TO;
  const picked = all.find((person) => person.id === authorId);
  return (
    <div className="author-picker" role={folded ? 'group' : 'radiogroup'} aria-label={t('board.writingAs')} data-testid="author-picker">
      {folded ? (
        <label className="board-option">
          {t('board.writingAs')}
          <select value={authorId ?? ''} onChange={(event) => onPick(event.target.value || null)} title={picked ? label(picked) : undefined} data-testid="author-select">
            <option value="">{t('board.anonymous')} (Alt+0)</option>
            {people.map((person, index) => (
              <option key={person.id} value={person.id}>
                {label(person)} (Alt+{index + 1})
              </option>
            ))}
            {others.map((person) => (
              <option key={person.id} value={person.id}>
                {label(person)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <>
          <span className="muted">{t('board.writingAs')}</span>
          <button type="button" role="radio" aria-checked={authorId === null} className="chip" onClick={() => onPick(null)} title="Alt+0" data-testid="author-anonymous">
            {t('board.anonymous')}
          </button>
          {[...people, ...others].map((person) => {
            const index = people.indexOf(person);
            return (
              <button key={person.id} type="button" role="radio" aria-checked={authorId === person.id} className="chip" onClick={() => onPick(person.id)} title={index >= 0 ? `${label(person)} (Alt+${index + 1})` : label(person)} data-testid="author-chip">
                {label(person)}
              </button>
            );
          })}
        </>
      )}
      {adding ? (
        <span className="inline-form">
          <input
            value={name}
            autoFocus
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') add();
              else if (event.key === 'Escape') setAdding(false);
            }}
            aria-label={t('board.newAuthorName')}
            placeholder={t('board.newAuthorName')}
            data-testid="author-new-name"
          />
          <button type="button" onClick={add}>
            {t('board.addAuthor')}
          </button>
        </span>
      ) : (
        <button type="button" className="link small" onClick={() => setAdding(true)} data-testid="author-add">
          {t('board.addAuthor')}
        </button>
      )}
      <FieldError message={error} inline />
    </div>
  );
}
