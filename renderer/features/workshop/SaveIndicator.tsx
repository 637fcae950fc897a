import { useTranslation } from 'react-i18next';
import { useSubscribable } from '../../hooks/use-subscribable';
import type { WorkshopSaver } from '../../session/saver';

/** Says whether the last change is on disk. */
export function SaveIndicator({ saver }: { saver: WorkshopSaver }) {
  const { t } = useTranslation();
  const status = useSubscribable(saver);
  return (
    <span className={`save-indicator save-${status.state}`} title={t(`save.${status.state}`)} data-testid="save-indicator" data-state={status.state} aria-live="polite">
      <span className="save-text">{t(`save.${status.state}`)}</span>
    </span>
  );
}
