/** Why the start failed: the texts did not load, or the browser refuses this site any storage. */
export type StartFailure = 'load' | 'storage';

/**
 * Whether the browser refuses this site its storage (site data blocked): reading localStorage then
 * throws. Plenum keeps everything on the laptop, so it cannot run, and the message must say so
 * rather than send the moderator to check a connection that is fine.
 */
export function siteStorageBlocked(): boolean {
  try {
    return window.localStorage === null;
  } catch {
    return true;
  }
}

const MESSAGES: Record<StartFailure, { de: string; en: string; uk: string }> = {
  load: {
    de: 'Plenum konnte nicht geladen werden. Bitte die Verbindung prüfen und neu laden.',
    en: 'Plenum could not be loaded. Please check the connection and reload.',
    uk: 'Не вдалося завантажити Plenum. Перевірте з’єднання та перезавантажте сторінку.',
  },
  storage: {
    de: 'Plenum kann in diesem Browser nichts speichern: Websitedaten sind für diese Adresse blockiert. Bitte Websitedaten erlauben und neu laden.',
    en: 'Plenum cannot store anything in this browser: site data is blocked for this address. Please allow site data and reload.',
    uk: 'Plenum не може нічого зберігати в цьому браузері: дані сайту для цієї адреси заблоковано. Дозвольте дані сайту та перезавантажте сторінку.',
  },
};

/**
 * Shown when no language's texts load at the start (the web host gone or redeployed and the
 * reload did not help, or site storage blocked, which the language choice reads): i18n is what
 * failed, so the text is fixed, in each UI language.
 */
export function StartFailed({ reason }: { reason: StartFailure }) {
  const message = MESSAGES[reason];
  return (
    <div className="screen-message" role="alert" data-testid="start-failed" data-reason={reason}>
      <p lang="de">{message.de}</p>
      <p lang="en">{message.en}</p>
      <p lang="uk">{message.uk}</p>
      <button type="button" className="primary" onClick={() => window.location.reload()} data-testid="start-reload">
        Neu laden · Reload · Перезавантажити
      </button>
    </div>
  );
}
