import type { TFunction } from 'i18next';

/** "1 h 30 min" in the UI language. */
export function formatMinutes(total: number, t: TFunction): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return t('time.minutes', { count: minutes });
  if (minutes === 0) return t('time.hours', { count: hours });
  return `${t('time.hours', { count: hours })} ${t('time.minutes', { count: minutes })}`;
}
