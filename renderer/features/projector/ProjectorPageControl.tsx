import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openPageChannel } from './page-channel';

/** Typing in a field must never turn the wall's page. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * In the moderator's run bar while the projector window of this laptop shows pages: "2/3" with
 * buttons to turn, and Alt+Shift+← / → from anywhere in the window (plain arrows move in lists
 * and fields, and Alt+← is the browser's Back).
 */
export function ProjectorPageControl({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState({ page: 0, pages: 1 });
  const channel = useRef<ReturnType<typeof openPageChannel>>(null);

  useEffect(() => {
    const opened = openPageChannel((message) => {
      if (message.kind === 'state' && message.workshopId === workshopId) setState({ page: message.page, pages: message.pages });
    });
    channel.current = opened;
    opened?.post({ kind: 'hello', workshopId });
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      event.preventDefault();
      opened?.post({ kind: 'turn', workshopId, step: event.key === 'ArrowRight' ? 1 : -1 });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opened?.close();
      channel.current = null;
    };
  }, [workshopId]);

  if (state.pages <= 1) return null;
  const turn = (step: 1 | -1) => channel.current?.post({ kind: 'turn', workshopId, step });
  return (
    <span className="button-group run-projector-pages" role="group" aria-label={t('projector.pagesLabel')} data-testid="projector-page-control">
      <button type="button" className="icon" onClick={() => turn(-1)} aria-label={t('projector.pagePrevious')} title={`${t('projector.pagePrevious')} (Alt+Shift+←)`} data-testid="projector-page-previous">
        ‹
      </button>
      <span className="run-projector-page" aria-live="polite" data-testid="projector-page-state">
        {t('projector.pageShort', { page: state.page + 1, pages: state.pages })}
      </span>
      <button type="button" className="icon" onClick={() => turn(1)} aria-label={t('projector.pageNext')} title={`${t('projector.pageNext')} (Alt+Shift+→)`} data-testid="projector-page-next">
        ›
      </button>
    </span>
  );
}
