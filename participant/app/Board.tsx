import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingCommand } from '../../shared/phone/client';
import type { PhoneView } from '../../shared/phone/protocol';
import { LIMITS } from '../../shared/model/plain';
import { loadDraft, saveDraft, type Draft } from './draft';
import { useAnswers, useRoom } from './room';
import { Dots, type Round } from './Dots';

type BoardView = NonNullable<PhoneView['board']>;
type CardView = BoardView['cards'][number];

/** A card longer than this shows its beginning and "Show more": a pasted page must not fill many screens of a phone (narrower than the laptops' 280). */
export const PHONE_CARD_CLAMP = 200;

/** The card's text as shown: its beginning, or all the view carries; "…" where either stops short of the card's text. */
export function shownCardText(card: Pick<CardView, 'text' | 'cut'>, expanded: boolean): { text: string; clamped: boolean } {
  const chars = Array.from(card.text);
  if (!expanded && chars.length > PHONE_CARD_CLAMP) {
    const start = chars.slice(0, PHONE_CARD_CLAMP).join('');
    // At a word's end when that keeps most of it, so one long word does not leave a stub.
    const space = start.lastIndexOf(' ');
    return { text: `${(space > start.length * 0.6 ? start.slice(0, space) : start).trimEnd()} …`, clamped: true };
  }
  return { text: card.cut ? `${card.text.trimEnd()} …` : card.text, clamped: false };
}

/** The board the phone is shown: add an idea, the cards (own ones editable), and the dots of an open round. */
export function Board({ view, pending }: { view: PhoneView; pending: readonly PendingCommand[] }) {
  const { t } = useTranslation();
  const board = view.board;
  if (!board) {
    return (
      <section className="board" aria-labelledby="board-heading" data-testid="phone-board">
        <h2 id="board-heading" className="section-label">
          {t('phone.board.heading')}
        </h2>
        <p className="hint">{t('phone.board.none')}</p>
      </section>
    );
  }
  const sending = pending.flatMap((entry) => (entry.command.type === 'addCard' && entry.command.boardId === board.id ? [{ id: entry.id, text: entry.command.text }] : []));
  const busyTargets = new Set(
    pending.flatMap((entry) => {
      if (entry.command.type === 'vote') return [entry.command.targetId];
      if (entry.command.type === 'unvote') {
        const voteId = entry.command.voteId;
        return view.round?.mine.filter((vote) => vote.id === voteId).map((vote) => vote.targetId) ?? [];
      }
      return [];
    }),
  );
  const round: Round | null = view.round ? { ...view.round, busyTargets } : null;
  // Numbered as the laptops number it, where the laptop sent the number (an older one does not).
  const unnamedTable = board.unnamedNumber === undefined ? t('phone.unnamedTable') : t('phone.unnamedTableNumbered', { number: board.unnamedNumber });
  const heading = board.kind === 'table' ? t('phone.board.tableHeading', { table: board.title || unnamedTable }) : t('phone.board.heading');
  const groupsById = new Map(board.groups.map((group) => [group.id, group]));
  // Board order is oldest first: a phone shows the newest on top, where the thumb is.
  const newestFirst = [...board.cards].reverse();
  const ungrouped = newestFirst.filter((card) => card.groupId === null || !groupsById.has(card.groupId));

  return (
    <section className="board" aria-labelledby="board-heading" data-testid="phone-board">
      <h2 id="board-heading" className="section-label">
        {heading}
      </h2>
      {board.locked && <p className="hint">{t('phone.board.locked')}</p>}
      {round && <VoteSummary round={round} />}
      {board.writable && view.me ? <AddCard key={board.id} boardId={board.id} /> : <p className="hint">{t('phone.board.closed')}</p>}
      <ul className="cards" aria-label={heading}>
        {sending.map((card) => (
          <li key={card.id} className="card sending" data-testid="phone-card-sending">
            <p className="card-text">{card.text}</p>
            <p className="card-meta">{t('phone.board.sending')}</p>
          </li>
        ))}
      </ul>
      {board.groups.map((group) => {
        const cards = board.cards.filter((card) => card.groupId === group.id);
        return (
          <section key={group.id} className="group" aria-labelledby={`group-${group.id}`} data-testid="phone-group">
            <div className="group-head">
              <h3 id={`group-${group.id}`}>
                {group.title}
                {group.locked && <span className="badge"> {t('phone.board.groupLocked')}</span>}
              </h3>
              {round && <Dots round={round} targetId={group.id} label={group.title} />}
            </div>
            <ul className="cards">
              {cards.map((card) => (
                <Card key={card.id} card={card} round={round} deletable={!board.locked && !group.locked} />
              ))}
            </ul>
          </section>
        );
      })}
      {board.groups.length > 0 && ungrouped.length > 0 && <h3 className="ungrouped">{t('phone.board.ungrouped')}</h3>}
      <ul className="cards" data-testid="phone-cards">
        {ungrouped.map((card) => (
          <Card key={card.id} card={card} round={round} deletable={!board.locked} />
        ))}
      </ul>
      {board.cards.length === 0 && sending.length === 0 && <p className="hint">{t('phone.board.empty')}</p>}
      {board.omitted > 0 && <p className="hint omitted">{t('phone.board.omitted', { count: board.omitted })}</p>}
    </section>
  );
}

function VoteSummary({ round }: { round: Round }) {
  const { t } = useTranslation();
  return (
    <div className="vote-summary" data-testid="phone-vote-summary">
      <p className="vote-heading">{t('phone.vote.heading')}</p>
      <p className="dots-left" aria-live="polite">
        {t('phone.vote.left', { left: round.left, count: round.budget })}
      </p>
      {round.totals === null && <p className="hint">{t('phone.vote.hidden')}</p>}
    </div>
  );
}

/** The new card's field: what was typed stays (also across reloads) until the laptop took it. */
function AddCard({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const { send, announce, link } = useRoom();
  const [draft, setDraft] = useState<Draft>(() => {
    const stored = loadDraft(boardId);
    // Sent before a reload and no longer held by the link: its answer is gone, so the text is the person's to send again.
    return stored.commandId && !link.pending.some((entry) => entry.id === stored.commandId) ? { ...stored, commandId: null } : stored;
  });
  const fieldId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => saveDraft(boardId, draft), [boardId, draft]);

  useAnswers((answer) => {
    if (answer.id !== draft.commandId) return;
    if (answer.ok) {
      setDraft((current) => ({ ...current, text: '', commandId: null }));
      announce(t('phone.board.added'), 'ok');
      field.current?.focus();
    } else {
      setDraft((current) => ({ ...current, commandId: null }));
    }
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.text.trim();
    if (!text || draft.commandId) return;
    const commandId = send(draft.anonymous ? { type: 'addCard', boardId, text, anonymous: true } : { type: 'addCard', boardId, text });
    setDraft((current) => ({ ...current, commandId }));
  };

  const waiting = draft.commandId !== null;
  return (
    <form className="add-card" onSubmit={submit} data-testid="phone-add-card">
      <label htmlFor={fieldId}>{t('phone.board.addLabel')}</label>
      <textarea
        id={fieldId}
        ref={field}
        rows={3}
        value={draft.text}
        readOnly={waiting}
        maxLength={LIMITS.cardTextMax}
        onChange={(event) => setDraft((current) => ({ ...current, text: event.target.value }))}
        enterKeyHint="send"
      />
      <label className="check">
        <input type="checkbox" checked={draft.anonymous} disabled={waiting} onChange={(event) => setDraft((current) => ({ ...current, anonymous: event.target.checked }))} />
        <span>{t('phone.board.anonymous')}</span>
      </label>
      <button type="submit" className="primary" disabled={waiting || !draft.text.trim()} aria-busy={waiting}>
        {waiting ? t('phone.board.sending') : t('phone.board.add')}
      </button>
    </form>
  );
}

/** One card: its text and author; the person's own can be edited (unless cut for the view) and deleted (unless locked). */
function Card({ card, round, deletable }: { card: CardView; round: Round | null; deletable: boolean }) {
  const { t } = useTranslation();
  const { send, announce } = useRoom();
  const [mode, setMode] = useState<'show' | 'edit' | 'confirm'>('show');
  const [expanded, setExpanded] = useState(false);
  const [text, setText] = useState(card.text);
  const [waiting, setWaiting] = useState<{ id: string; done: string } | null>(null);
  const editId = useId();
  const editButton = useRef<HTMLButtonElement>(null);

  useAnswers((answer) => {
    if (answer.id !== waiting?.id) return;
    setWaiting(null);
    if (!answer.ok) return;
    announce(waiting.done, 'ok');
    setMode('show');
  });

  const save = (event: FormEvent) => {
    event.preventDefault();
    setWaiting({ id: send({ type: 'editOwnCard', cardId: card.id, text: text.trim() }), done: t('phone.board.saved') });
  };
  const remove = () => setWaiting({ id: send({ type: 'deleteOwnCard', cardId: card.id }), done: t('phone.board.deleted') });
  const cancel = () => {
    setMode('show');
    setText(card.text);
    // Back where the person was: the button that opened the editor.
    queueMicrotask(() => editButton.current?.focus());
  };

  return (
    <li className={card.mine ? 'card mine' : 'card'} data-testid="phone-card" data-mine={card.mine}>
      {mode === 'edit' ? (
        <form onSubmit={save} className="edit-card">
          <label htmlFor={editId}>{t('phone.board.editLabel')}</label>
          <textarea id={editId} rows={3} value={text} maxLength={LIMITS.cardTextMax} onChange={(event) => setText(event.target.value)} autoFocus />
          <div className="row">
            <button type="submit" className="primary" disabled={waiting !== null || !text.trim()}>
              {waiting ? t('phone.board.sending') : t('phone.board.save')}
            </button>
            <button type="button" className="secondary" onClick={cancel}>
              {t('phone.board.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <CardText card={card} expanded={expanded} onExpand={setExpanded} />
      )}
      <p className="card-meta">
        {card.mine && <span className="badge mine-badge">{t('phone.board.mine')}</span>}
        {card.author !== null && <span className="author">{card.author || t('phone.unnamedPerson')}</span>}
      </p>
      {round && mode === 'show' && <Dots round={round} targetId={card.id} label={card.text} />}
      {card.mine && mode === 'show' && (
        <div className="row own">
          {!card.cut && (
            <button
              type="button"
              ref={editButton}
              className="secondary"
              onClick={() => {
                setText(card.text);
                setMode('edit');
              }}
            >
              {t('phone.board.edit')}
            </button>
          )}
          {deletable && (
            <button type="button" className="secondary danger" onClick={() => setMode('confirm')}>
              {t('phone.board.delete')}
            </button>
          )}
        </div>
      )}
      {mode === 'confirm' && (
        <div className="row confirm" role="group" aria-label={t('phone.board.confirmDelete')}>
          <p>{t('phone.board.confirmDelete')}</p>
          <button type="button" className="primary danger" onClick={remove} disabled={waiting !== null} autoFocus>
            {t('phone.board.confirmYes')}
          </button>
          <button type="button" className="secondary" onClick={cancel}>
            {t('phone.board.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

/** A long card's beginning with "Show more"; a card the view cut says the moderator's board has it whole. */
function CardText({ card, expanded, onExpand }: { card: CardView; expanded: boolean; onExpand(expanded: boolean): void }) {
  const { t } = useTranslation();
  const shown = shownCardText(card, expanded);
  const long = shown.clamped || (expanded && Array.from(card.text).length > PHONE_CARD_CLAMP);
  return (
    <>
      <p className="card-text" data-testid="phone-card-text">
        {shown.text}
      </p>
      {card.cut && !shown.clamped && <p className="hint card-cut">{t('phone.board.cutNote')}</p>}
      {long && (
        <button type="button" className="link-button card-more" aria-expanded={expanded} onClick={() => onExpand(!expanded)} data-testid="phone-card-more">
          {expanded ? t('phone.board.showLess') : t('phone.board.showMore')}
        </button>
      )}
    </>
  );
}
