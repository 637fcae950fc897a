import { useTranslation } from 'react-i18next';
import type { ExportJob } from './use-minutes-export';

interface ExportStatusProps {
  busy: ExportJob | null;
  message: { text: string; tone: 'info' | 'error' } | null;
}

/**
 * What the running export does and what came of the last one. The live region is always there,
 * so a screen reader hears each change. A PDF gets a progress bar without a value: the host draws
 * it in one go (under a second for a 2,000-card workshop) and reports nothing until it is done, so
 * the bar says that it works and the text what happens, not a share it cannot know.
 */
export function ExportStatus({ busy, message }: ExportStatusProps) {
  const { t } = useTranslation();
  return (
    <div className="minutes-status">
      <div role="status" aria-live="polite" data-testid="minutes-status">
        {busy === 'pdf' && (
          <div className="minutes-progress" data-testid="minutes-progress">
            <progress aria-label={t('minutes.pdfProgressLabel')} />
            <span>{t('minutes.pdfProgress')}</span>
          </div>
        )}
        {message?.tone === 'info' && (
          <p className="minutes-message" data-testid="minutes-message">
            {message.text}
          </p>
        )}
      </div>
      {message?.tone === 'error' && (
        <p className="field-error" role="alert" data-testid="minutes-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
