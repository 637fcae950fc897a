import './phone.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { setupPhoneI18n } from './app/i18n';
import { connectPhone } from './connect';

/** The page lives as long as its one link: made once here, outside React's mounts (StrictMode mounts twice). */
async function start(): Promise<void> {
  await setupPhoneI18n();
  document.title = i18next.t('phone.page.title');
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html lacks #root');
  const link = connectPhone(location.hash);
  // A new code in the address (a QR code scanned again) is a new room: start afresh with it.
  window.addEventListener('hashchange', () => location.reload());
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) link.close();
  });
  createRoot(container).render(
    <StrictMode>
      <ErrorBoundary>
        <App link={link} />
      </ErrorBoundary>
    </StrictMode>,
  );
}

void start().catch(() => {
  // Not even the texts loaded: say it in the three languages at once, never a blank page.
  document.body.textContent = 'Plenum: Bitte neu laden. · Please reload. · Перезавантажте, будь ласка, сторінку.';
});
