import { useTranslation } from 'react-i18next';
import type { PhoneView } from '../../shared/phone/protocol';
import { useAnswers, useRoom } from './room';
import { useRef } from 'react';

/** The open round as a card needs it, with the targets whose dot is on its way. */
export type Round = NonNullable<PhoneView['round']> & { busyTargets: ReadonlySet<string> };

/** Texts shown in a button's label are cut: a screen reader need not read a whole card twice. */
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * A card's or group's dots: the person's own on it, everyone's when the results are shown, and a
 * button to give one or take one back. Over budget is the laptop's to refuse (its text explains).
 */
export function Dots({ round, targetId, label }: { round: Round; targetId: string; label: string }) {
  const { t } = useTranslation();
  const { send, announce } = useRoom();
  const sent = useRef(new Map<string, string>());
  const mine = round.mine.filter((vote) => vote.targetId === targetId);
  const total = round.totals?.find((entry) => entry.targetId === targetId)?.dots ?? 0;
  const busy = round.busyTargets.has(targetId);

  useAnswers((answer) => {
    const done = sent.current.get(answer.id);
    if (done === undefined) return;
    sent.current.delete(answer.id);
    if (answer.ok) announce(done, 'ok');
  });

  const give = () => sent.current.set(send({ type: 'vote', roundId: round.id, targetId }), t('phone.vote.given'));
  const takeBack = () => {
    const last = mine.at(-1);
    if (last) sent.current.set(send({ type: 'unvote', voteId: last.id }), t('phone.vote.takenBack'));
  };

  return (
    <div className="dots" data-testid="phone-dots" aria-busy={busy}>
      <p className="dot-counts">
        {mine.length > 0 && <span className="my-dots">{t('votes.myDots', { count: mine.length })}</span>}
        {round.totals !== null && total > 0 && <span className="total-dots">{t('votes.dotsOn', { count: total })}</span>}
      </p>
      <div className="row">
        <button type="button" className="dot-button" onClick={give} disabled={busy || (!round.allowStacking && mine.length > 0)} aria-label={t('phone.vote.give', { text: short(label) })}>
          {t('votes.addDot')}
        </button>
        {mine.length > 0 && (
          <button type="button" className="secondary" onClick={takeBack} disabled={busy} aria-label={t('phone.vote.takeBackFrom', { text: short(label) })}>
            {t('votes.takeBack')}
          </button>
        )}
      </div>
    </div>
  );
}
