import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, systemTimeZone, type Language } from '../../../shared/model';
import { buildMinutes, mailDraft, mailRecipients, mailtoUrl, MINUTES_FORMATS, renderHtml } from '../../../shared/minutes';
import { withPrintFont } from '../../../shared/minutes/print-font';
import type { WorkshopSnapshot } from '../../../shared/model';
import type { WorkshopSession } from '../../session/workshop-session';
import { ExportStatus } from './ExportStatus';
import { previewFontCss } from '../../host/print-fonts';
import { MinutesDetailsForm } from './MinutesDetailsForm';
import { useMinutesExport } from './use-minutes-export';
import { useWorkshopSnapshot } from './use-workshop-snapshot';
import './minutes.css';

/** Windows hands at most about 2,000 characters of a mailto: link to the mail program. */
const MAILTO_SAFE_LENGTH = 2000;

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The minutes: language, live preview, export in every format, backup and the mail to the participants. */
export function MinutesPanel({ session }: { session: WorkshopSession; role?: 'host' | 'table' | null }) {
  const { t, i18n } = useTranslation();
  const snapshot = useWorkshopSnapshot(session.live);
  const [language, setLanguage] = useState<Language>(() => (isLanguage(i18n.language) ? i18n.language : snapshot.meta.language));

  // One way to the minutes for the preview, the mail and every export, so the preview shows what is exported.
  const minutesOf = useCallback((from: WorkshopSnapshot) => buildMinutes(from, { language }), [language]);
  // The preview may lag a keystroke behind a large workshop; exports always read the latest. It is
  // the exported HTML, in the font the PDF is drawn in.
  const deferred = useDeferredValue(snapshot);
  const preview = useMemo(() => withPrintFont(renderHtml(minutesOf(deferred)), previewFontCss), [deferred, minutesOf]);
  const recipients = useMemo(() => mailRecipients(snapshot.participants), [snapshot.participants]);
  const mailto = useMemo(() => mailtoUrl(mailDraft(minutesOf(snapshot), recipients)), [snapshot, minutesOf, recipients]);

  const latest = () => ({ snapshot, minutes: minutesOf(snapshot) });
  const { busy, message, exportFormat, exportBackup, exportMail, openMail } = useMinutesExport(session.doc, latest, recipients, mailto);

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
      {snapshot.meta.timeZone === '' && (
        // Planned times are the agenda's clock, actual ones this computer's zone: said before the minutes go out.
        <p className="host-notice" role="note" data-testid="minutes-zone-unset">
          {t('minutes.zoneUnset', { zone: systemTimeZone() })}
        </p>
      )}

      <div className="minutes-layout">
        <div className="minutes-actions">
          <h3>{t('minutes.export')}</h3>
          <div className="minutes-buttons">
            {MINUTES_FORMATS.map((format) => (
              <button key={format} type="button" onClick={() => exportFormat(format)} disabled={busy !== null} data-testid={`minutes-export-${format}`}>
                {busy === format ? t('minutes.working') : t(`minutes.formats.${format}`)}
              </button>
            ))}
          </div>
          {/* Next to the buttons, at the top of the panel: what an export is doing and what came of it, seen without scrolling. */}
          <ExportStatus busy={busy} message={message} />
          {/* Below the buttons, not above: on a laptop's screen the fields pushed what an export did out of view. The preview beside them shows each change. */}
          <MinutesDetailsForm session={session} />

          <h3>{t('minutes.backupHeading')}</h3>
          <p className="muted small">{t('minutes.backupHint')}</p>
          <button type="button" onClick={exportBackup} disabled={busy !== null} data-testid="minutes-backup">
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
            <button type="button" onClick={exportMail} disabled={busy !== null} data-testid="minutes-eml">
              {busy === 'eml' ? t('minutes.working') : t('minutes.mailEml')}
            </button>
          </div>
          <p className="muted small">{t('minutes.mailHint')}</p>
          {mailto.length > MAILTO_SAFE_LENGTH && (
            <p className="muted small" data-testid="minutes-mailto-long">
              {t('minutes.mailTooLong')}
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
