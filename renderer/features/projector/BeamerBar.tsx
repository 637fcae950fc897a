import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Full screen by the page's own request, or a window as large as its screen (F11, Electron's full screen). */
function isFullScreen(): boolean {
  return document.fullscreenElement !== null || (window.innerWidth >= window.screen.width && window.innerHeight >= window.screen.height);
}

/**
 * Until the projector window fills its screen: a hint to move it onto the projector and a button
 * that makes it full screen. Gone once it is, so the wall shows only the workshop.
 */
export function BeamerBar() {
  const { t } = useTranslation();
  const [full, setFull] = useState(isFullScreen);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const update = () => setFull(isFullScreen());
    document.addEventListener('fullscreenchange', update);
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('fullscreenchange', update);
      window.removeEventListener('resize', update);
    };
  }, []);

  if (full) return null;
  const goFull = () => {
    document.documentElement.requestFullscreen().then(
      () => setFailed(false),
      () => setFailed(true),
    );
  };
  return (
    <div className="projector-beamer-bar" data-testid="beamer-bar">
      <p>{failed ? t('projector.fullscreenFailed') : t('projector.moveHint')}</p>
      <button type="button" onClick={goFull} data-testid="beamer-fullscreen">
        {t('projector.fullscreen')}
      </button>
    </div>
  );
}
