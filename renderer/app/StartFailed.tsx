/**
 * Shown when no language's texts load at the start (the web host gone or redeployed and the
 * reload did not help): i18n is what failed, so the text is fixed, in each UI language.
 */
export function StartFailed() {
  return (
    <div className="screen-message" role="alert" data-testid="start-failed">
      <p lang="de">Plenum konnte nicht geladen werden. Bitte die Verbindung prüfen und neu laden.</p>
      <p lang="en">Plenum could not be loaded. Please check the connection and reload.</p>
      <p lang="uk">Не вдалося завантажити Plenum. Перевірте з’єднання та перезавантажте сторінку.</p>
      <button type="button" className="primary" onClick={() => window.location.reload()} data-testid="start-reload">
        Neu laden · Reload · Перезавантажити
      </button>
    </div>
  );
}
