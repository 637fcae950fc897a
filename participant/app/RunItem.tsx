import { useTranslation } from 'react-i18next';
import type { PhoneView } from '../../shared/phone/protocol';
import { formatOverrun, formatRemaining, phoneClock } from './clock';
import { useNow } from './use-link';

/** The running agenda item and its countdown, on the laptop's clock (the view's offset applied). */
export function RunItem({ view, clockOffsetMs }: { view: PhoneView; clockOffsetMs: number }) {
  const { t } = useTranslation();
  const { run } = view;
  const now = useNow(run.status === 'running');
  const clock = phoneClock(run, now + clockOffsetMs);
  const item = run.item;
  let body;
  if (run.status === 'idle') body = <p className="hint">{t('phone.run.idle')}</p>;
  else if (run.status === 'ended') body = <p className="hint">{t('phone.run.ended')}</p>;
  else if (!item) body = <p className="hint">{t('phone.run.noItem')}</p>;
  else
    body = (
      <>
        <p className="item-kind">{t(`agenda.kind.${item.kind}`)}</p>
        <h2 className="item-title">{item.title}</h2>
        <p className={`countdown phase-${clock.phase}`} data-testid="phone-countdown">
          {clock.phase === 'over' ? t('run.overBy', { time: formatOverrun(clock.overrunMs) }) : t('run.remaining', { time: formatRemaining(clock.remainingMs) })}
          {run.status === 'paused' && <span className="paused"> · {t('run.status.paused')}</span>}
        </p>
        {clock.signalled && clock.phase !== 'over' && (
          <p className="signal" role="status">
            {t('run.twoMinutesLeft')}
          </p>
        )}
        {item.task && (
          <div className="task">
            <h3>{t('agenda.taskLabel')}</h3>
            <p>{item.task}</p>
          </div>
        )}
      </>
    );
  return (
    <section className="run-item" aria-labelledby="run-heading" data-testid="phone-run">
      <h2 id="run-heading" className="section-label" tabIndex={-1}>
        {t('phone.run.heading')}
      </h2>
      {body}
    </section>
  );
}
