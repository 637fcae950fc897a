import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../hooks/use-error-text';
import { useSubscribable } from '../../hooks/use-subscribable';
import type { WorkshopSaver } from '../../session/saver';

/** A storage failure stays on screen until the data is written: never a silent loss. */
export function SaveStatusBanner({ saver }: { saver: WorkshopSaver }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useSubscribable(saver);
  if (status.state !== 'error') return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="storage-error">
      <strong>{t('save.failedTitle')}</strong>
      <span>{errorText(status.error)}</span>
      <span>{t('save.pending', { count: status.pending })}</span>
      <button type="button" onClick={() => saver.retry()}>
        {t('save.retry')}
      </button>
    </div>
  );
}
