import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dotsLeft, MAX_BUDGET, type Vote, type VoteRound, type WorkshopDoc, type VoteTargets } from '../../../shared/model';
import { can } from '../../../shared/roles/permissions';
import { useCommands } from '../roles/use-role';
import { useErrorText } from '../../hooks/use-error-text';
import { FieldError } from '../common/FieldError';

interface VoteBarProps {
  doc: WorkshopDoc;
  boardId: string;
  round: VoteRound | null;
  votes: readonly Vote[];
  /** The cards and groups that exist: a dot on a deleted one is the voter's again. */
  targets: VoteTargets;
  voterId: string | null;
  voterName: string | null;
  role: 'moderator' | 'table';
}

/** Opens and closes a dot-voting round on a board, and tells the voter how many dots are left. */
export function VoteBar({ doc, boardId, round, votes, targets, voterId, voterName, role }: VoteBarProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const commands = useCommands(doc);
  const manages = can(role, 'vote.manage');
  const [setup, setSetup] = useState(false);
  const [budget, setBudget] = useState('3');
  const [stacking, setStacking] = useState(false);
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The form replaces the start button: cancelling it (button or Escape) gives the focus back there.
  const startButton = useRef<HTMLButtonElement>(null);
  const backToStart = useRef(false);
  useEffect(() => {
    if (setup || !backToStart.current) return;
    backToStart.current = false;
    startButton.current?.focus();
  }, [setup]);
  // Opening replaces the form with the open round's bar: the focus goes to its Close button.
  const closeButton = useRef<HTMLButtonElement>(null);
  const toClose = useRef(false);
  const isOpen = round?.state === 'open';
  useEffect(() => {
    if (!isOpen || !toClose.current) return;
    toClose.current = false;
    closeButton.current?.focus();
  }, [isOpen]);
  // A round opened elsewhere, or the role taken away, ends the form: it must not come back with the
  // next round's end and take the focus from wherever the user is by then.
  if (setup && (isOpen || !manages)) setSetup(false);
  const cancel = () => {
    backToStart.current = true;
    setError(null);
    setSetup(false);
  };
  const onFormKey = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  };

  const open = () => {
    const result = commands.votes.open({ boardId, budget: Number(budget), allowStacking: stacking, hideResults: hidden });
    if (!result.ok) return setError(errorText(result.error));
    toClose.current = true;
    setError(null);
    setSetup(false);
  };

  if (round?.state === 'open') {
    const left = voterId ? dotsLeft(round, votes, voterId, targets) : null;
    return (
      <div className="vote-bar open" role="status" data-testid="vote-bar">
        <strong>{t('votes.roundOpen', { count: round.budget })}</strong>
        <span>{round.allowStacking ? t('votes.stackingOn') : t('votes.stackingOff')}</span>
        {round.hideResults && <span>{t('votes.resultsHidden')}</span>}
        <span className="spacer" />
        <span data-testid="dots-left">{left === null ? t('votes.pickVoter') : t('votes.dotsLeft', { count: left, name: voterName ?? '' })}</span>
        {manages && (
          <button type="button" className="small" ref={closeButton} onClick={() => void commands.votes.close(round.id)} data-testid="vote-close">
            {t('votes.close')}
          </button>
        )}
      </div>
    );
  }

  // A table laptop votes in a round the moderator opened; it starts none.
  if (!manages) return null;

  return (
    <div className={setup ? 'vote-bar setup' : 'vote-bar'}>
      {setup ? (
        <form
          className="vote-setup"
          onSubmit={(event) => {
            event.preventDefault();
            open();
          }}
          onKeyDown={onFormKey}
        >
          <label className="board-option">
            {t('votes.budget')}
            <input type="number" min={1} max={MAX_BUDGET} value={budget} onChange={(event) => setBudget(event.target.value)} autoFocus data-testid="vote-budget" />
          </label>
          <label className="board-option">
            <input type="checkbox" checked={stacking} onChange={(event) => setStacking(event.target.checked)} />
            {t('votes.allowStacking')}
          </label>
          <label className="board-option">
            <input type="checkbox" checked={hidden} onChange={(event) => setHidden(event.target.checked)} data-testid="vote-hide" />
            {t('votes.hideResults')}
          </label>
          <button type="submit" className="primary" data-testid="vote-open-confirm">
            {t('votes.open')}
          </button>
          <button type="button" onClick={cancel} data-testid="vote-cancel">
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="small" ref={startButton} onClick={() => setSetup(true)} data-testid="vote-open">
          {t('votes.start')}
        </button>
      )}
      <FieldError message={error} />
    </div>
  );
}
