import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isBlankText } from '../../shared/model/plain';

/**
 * Names the window (and the browser tab, the taskbar entry, the Electron window's title) after
 * what it shows: "Plenum" on the home screen, the workshop's title in a workshop, "… – Beamer"
 * for the projector, so a moderator with three windows open picks the right one.
 */
export function useWindowTitle(screen: 'home' | 'workshop' | 'projector', workshopTitle = ''): void {
  const { t } = useTranslation();
  const title = isBlankText(workshopTitle) ? t('workshop.untitled') : workshopTitle.trim();
  const text = screen === 'home' ? t('app.windowTitle') : t(screen === 'workshop' ? 'app.workshopWindowTitle' : 'app.projectorWindowTitle', { title });
  useEffect(() => {
    document.title = text;
  }, [text]);
}
