import { useDeferredValue, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/model';
import { buildMinutes, mailDraft, mailRecipients, mailtoUrl, MINUTES_FORMATS, renderHtml, type MinutesFormat } from '../../../shared/minutes';
import { useHost } from '../../hooks/use-host';
import type { WorkshopSession } from '../../session/workshop-session';
import { exportMailDraft, exportMinutes, exportWorkshopBackup, type ExportOutcome } from './minutes-export';
import { useWorkshopSnapshot } from './use-workshop-snapshot';
import './minutes.css';

/** Windows hands at most about 2,000 characters of a mailto: link to the mail program. */
const MAILTO_SAFE_LENGTH = 2000;

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The minutes: language, live preview, export in every format, backup and the mail to the participants. */
export function MinutesPanel({ session }: { session: WorkshopSession; role?: 'host' | 'table' | null }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const snapshot = useWorkshopSnapshot(session.live);
  const [language, setLanguage] = useState<Language>(() => (isLanguage(i18n.language) ? i18n.language : snapshot.meta.language));
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);

  // The preview may lag a keystroke behind a large workshop; exports always read the latest.
  const deferred = useDeferredValue(snapshot);
  const preview = useMemo(() => renderHtml(buildMinutes(deferred, { language })), [deferred, language]);
  const recipients = useMemo(() => mailRecipients(snapshot.participants), [snapshot.participants]);
  const mailto = useMemo(() => mailtoUrl(mailDraft(buildMinutes(snapshot, { language }), recipients)), [snapshot, language, recipients]);

  const report = (result: ExportOutcome) => {
    if (result.kind === 'cancelled') return setMessage(null);
    if (result.kind === 'backupTooBig') return setMessage({ text: t('minutes.backupTooBig', { sizeMb: result.sizeMb, limitMb: result.limitMb }), tone: 'error' });
    if (result.kind === 'failed') {
      return setMessage({ text: result.reason === 'popup-blocked' ? t('minutes.popupBlocked') : t('minutes.failed', { reason: result.reason }), tone: 'error' });
    }
    const text = result.kind === 'saved' ? t('minutes.saved', { path: result.path }) : result.kind === 'downloaded' ? t('minutes.downloaded', { name: result.name }) : t('minutes.printDialog');
    setMessage({ text, tone: 'info' });
  };

  const run = async (key: string, work: () => Promise<ExportOutcome>) => {
    setBusy(key);
    setMessage(null);
    try {
      report(await work());
    } finally {
      setBusy(null);
    }
  };

  const minutesNow = () => buildMinutes(snapshot, { language });
  const exportFormat = (format: MinutesFormat) => run(format, () => exportMinutes(host, minutesNow(), format));
  const openMail = (event: MouseEvent<HTMLAnchorElement>) => {
    // Electron opens no mailto: link itself (navigation is locked to the app): the host hands it on.
    event.preventDefault();
    void host['mail:open']({ url: mailto });
  };

  return (
    <section className="panel minutes-panel" aria-labelledby="minutes-heading" data-testid="minutes-panel">
      <div className="panel-head">
        <h2 id="minutes-heading">{t('minutes.heading')}</h2>
        <label className="field minutes-language">
          <span>{t('minutes.language')}</span>
          <select value={language} onChange={(event) => isLanguage(event.target.value) && setLanguage(event.target.value)} data-testid="minutes-language">
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`minutes.languages.${code}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted minutes-intro">{t('minutes.intro')}</p>

      <div className="minutes-layout">
        <div className="minutes-actions">
          <h3>{t('minutes.export')}</h3>
          <div className="minutes-buttons">
            {MINUTES_FORMATS.map((format) => (
              <button key={format} type="button" onClick={() => void exportFormat(format)} disabled={busy !== null} data-testid={`minutes-export-${format}`}>
                {busy === format ? t('minutes.working') : t(`minutes.formats.${format}`)}
              </button>
            ))}
          </div>

          <h3>{t('minutes.backupHeading')}</h3>
          <p className="muted small">{t('minutes.backupHint')}</p>
          <button type="button" onClick={() => void run('backup', () => exportWorkshopBackup(host, session.doc, minutesNow()))} disabled={busy !== null} data-testid="minutes-backup">
            {busy === 'backup' ? t('minutes.working') : t('minutes.backupExport')}
          </button>

          <h3>{t('minutes.mailHeading')}</h3>
          <p className="muted small" data-testid="minutes-recipients">
            {recipients.length > 0 ? t('minutes.recipients', { count: recipients.length }) : t('minutes.noRecipients')}
          </p>
          <div className="minutes-buttons">
            <a className={`button-link${recipients.length === 0 ? ' disabled' : ''}`} href={mailto} onClick={openMail} data-testid="minutes-mailto" aria-disabled={recipients.length === 0}>
              {t('minutes.mailOpen')}
            </a>
            <button type="button" onClick={() => void run('eml', () => exportMailDraft(host, minutesNow(), recipients))} disabled={busy !== null} data-testid="minutes-eml">
              {busy === 'eml' ? t('minutes.working') : t('minutes.mailEml')}
            </button>
          </div>
          <p className="muted small">{t('minutes.mailHint')}</p>
          {mailto.length > MAILTO_SAFE_LENGTH && (
            <p className="muted small" data-testid="minutes-mailto-long">
              {t('minutes.mailTooLong')}
            </p>
          )}

          {message && (
            <p className={message.tone === 'error' ? 'field-error' : 'minutes-message'} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="minutes-message">
              {message.text}
            </p>
          )}
        </div>

        <div className="minutes-preview">
          <h3>{t('minutes.preview')}</h3>
          {/* sandbox without allow-scripts: nothing in the minutes runs, whatever a card says (same origin only lets the page read its own styles) */}
          <iframe title={t('minutes.previewTitle')} srcDoc={preview} sandbox="allow-same-origin" data-testid="minutes-preview" />
        </div>
      </div>
    </section>
  );
}
