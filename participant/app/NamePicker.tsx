import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneCommandInput } from '../../shared/phone/client';
import type { PhoneView } from '../../shared/phone/protocol';
import { useAnswers, useRoom } from './room';

/** Lower case without accents or extra spaces: "Jürgen" is found by "jurgen". */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** What names this phone: a pick from the list or a typed name. */
type Claim = Extract<PhoneCommandInput, { type: 'claim' | 'claimName' }>;

/** A list this long gets a search field: scrolling through forty names one-handed is slow. */
const SEARCH_FROM = 8;

/**
 * Who the person is: a name from the roster (those who agreed to be named), or typed. The
 * laptop matches a typed name to the roster as it does a pick, and adds it when it is new.
 */
export function NamePicker({ view, onDone, onBack }: { view: PhoneView; onDone: () => void; onBack: (() => void) | null }) {
  const { t } = useTranslation();
  const { send, announce } = useRoom();
  const [filter, setFilter] = useState('');
  const [typed, setTyped] = useState('');
  const [waiting, setWaiting] = useState<{ id: string; name: string; command: Claim } | null>(null);
  // Another phone is this person already: is it the same person on a second device, or another one of that name?
  const [taken, setTaken] = useState<{ name: string; command: Claim } | null>(null);
  const [tellApart, setTellApart] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const typedField = useRef<HTMLInputElement>(null);
  const question = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const typedId = useId();

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (taken) question.current?.focus();
  }, [taken]);

  useAnswers((answer) => {
    if (answer.id !== waiting?.id) return;
    setWaiting(null);
    if (!answer.ok) {
      if (answer.refusal.code === 'nameTaken') setTaken({ name: waiting.name, command: waiting.command });
      return;
    }
    announce(t('phone.name.done', { name: waiting.name }), 'ok');
    onDone();
  });

  const wanted = folded(filter);
  const names = wanted ? view.roster.filter((person) => folded(person.name).includes(wanted)) : view.roster;

  const claim = (command: Claim, name: string) => {
    setTaken(null);
    setTellApart(false);
    setWaiting({ id: send(command), name, command });
  };
  const pick = (participantId: string, name: string) => claim({ type: 'claim', participantId }, name);
  const submitTyped = (event: FormEvent) => {
    event.preventDefault();
    const name = typed.trim();
    if (!name) return;
    claim({ type: 'claimName', name }, name);
  };
  const someoneElse = () => {
    setTaken(null);
    setTellApart(true);
    typedField.current?.focus();
  };

  return (
    <section className="name-picker" aria-labelledby="name-title" aria-busy={waiting !== null} data-testid="name-picker">
      <h1 id="name-title" ref={heading} tabIndex={-1}>
        {t('phone.name.title')}
      </h1>
      <p>{t('phone.name.intro')}</p>
      {taken && (
        <div className="name-taken" role="alert" ref={question} tabIndex={-1} data-testid="name-taken">
          <p>{t('phone.name.taken', { name: taken.name })}</p>
          <div className="name-taken-choices">
            <button type="button" className="primary" onClick={() => claim({ ...taken.command, samePerson: true }, taken.name)}>
              {t('phone.name.takenYes')}
            </button>
            <button type="button" className="secondary" onClick={someoneElse}>
              {t('phone.name.takenNo')}
            </button>
          </div>
        </div>
      )}
      {view.roster.length >= SEARCH_FROM && (
        <div className="field">
          <label htmlFor={searchId}>{t('phone.name.search')}</label>
          <input id={searchId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} autoComplete="off" />
        </div>
      )}
      {view.roster.length > 0 && (
        <ul className="names" aria-label={t('phone.name.listLabel')}>
          {names.map((person) => (
            <li key={person.participantId}>
              <button
                type="button"
                className={view.me?.participantId === person.participantId ? 'name current' : 'name'}
                aria-pressed={view.me?.participantId === person.participantId}
                disabled={waiting !== null}
                onClick={() => pick(person.participantId, person.name || t('phone.unnamedPerson'))}
              >
                {person.name || t('phone.unnamedPerson')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {wanted && names.length === 0 && <p className="hint">{t('phone.name.noMatch')}</p>}
      <form className="field typed-name" onSubmit={submitTyped}>
        <label htmlFor={typedId}>{t('phone.name.typeLabel')}</label>
        <input ref={typedField} id={typedId} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="name" maxLength={200} enterKeyHint="done" aria-describedby={tellApart ? `${typedId}-hint` : undefined} />
        {tellApart && (
          <p className="hint" id={`${typedId}-hint`}>
            {t('phone.name.takenHint')}
          </p>
        )}
        <button type="submit" className="primary" disabled={waiting !== null || !typed.trim()}>
          {waiting !== null ? t('phone.name.saving') : t('phone.name.submit')}
        </button>
      </form>
      {onBack && (
        <button type="button" className="secondary" onClick={onBack}>
          {t('phone.name.back')}
        </button>
      )}
    </section>
  );
}
