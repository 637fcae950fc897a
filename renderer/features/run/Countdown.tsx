import { useTranslation } from 'react-i18next';
import type { RunClock } from '../../../shared/model';
import { formatCountdown } from './format-clock';
import './run.css';

/** The remaining time of the running item, coloured by phase (muted while paused: it stands still); "+m:ss" once it runs over. */
export function Countdown({ clock, className = '' }: { clock: RunClock; className?: string }) {
  const { t } = useTranslation();
  const text = formatCountdown(clock.remainingMs);
  const label =
    clock.phase === 'over' ? t('run.overBy', { time: text.slice(1) }) : t('run.remaining', { time: text });
  return (
    <span className={`countdown phase-${clock.phase}${clock.status === 'paused' ? ' paused' : ''} ${className}`} role="timer" aria-label={label} data-testid="countdown" data-phase={clock.phase} data-paused={clock.status === 'paused' || undefined}>
      {text}
    </span>
  );
}
