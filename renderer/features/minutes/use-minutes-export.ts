import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopDoc, WorkshopSnapshot } from '../../../shared/model';
import type { Minutes, MinutesFormat } from '../../../shared/minutes';
import { useHost } from '../../hooks/use-host';
import { fileErrorText, logHostError } from '../../host/host-error';
import { CODE_NOT_LOADED } from '../../host/web';
import { exportMailDraft, exportMinutes, exportWorkshopBackup, type ExportOutcome } from './minutes-export';

export type ExportJob = MinutesFormat | 'backup' | 'eml';

/**
 * The minutes' exports, one at a time: which one runs (`busy`), and what came of the last one
 * (`message`, in the UI language). `latest` gives the latest snapshot and the minutes built from it.
 */
export function useMinutesExport(doc: WorkshopDoc, latest: () => { snapshot: WorkshopSnapshot; minutes: Minutes }, recipients: readonly string[], mailto: string) {
  const { t } = useTranslation();
  const host = useHost();
  const [busy, setBusy] = useState<ExportJob | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);

  const report = (result: ExportOutcome) => {
    if (result.kind === 'cancelled') return setMessage(null);
    if (result.kind === 'backupTooBig') return setMessage({ text: t('minutes.backupTooBig', { sizeMb: result.sizeMb, limitMb: result.limitMb }), tone: 'error' });
    if (result.kind === 'failed') {
      if (result.reason === 'popup-blocked') return setMessage({ text: t('minutes.popupBlocked'), tone: 'error' });
      if (result.reason === CODE_NOT_LOADED) return setMessage({ text: t('errors.codeNotLoaded'), tone: 'error' });
      logHostError(result.reason);
      return setMessage({ text: t('minutes.failed', { reason: fileErrorText(t, result.reason) }), tone: 'error' });
    }
    const text = result.kind === 'saved' ? t('minutes.saved', { path: result.path }) : result.kind === 'downloaded' ? t('minutes.downloaded', { name: result.name }) : t('minutes.printDialog');
    setMessage({ text, tone: 'info' });
  };

  const run = async (job: ExportJob, work: () => Promise<ExportOutcome>) => {
    setBusy(job);
    setMessage(null);
    try {
      report(await work());
    } finally {
      setBusy(null);
    }
  };

  const exportFormat = (format: MinutesFormat) =>
    void run(format, () => {
      const { snapshot, minutes } = latest();
      return exportMinutes(host, minutes, format, snapshot);
    });
  const exportBackup = () => void run('backup', () => exportWorkshopBackup(host, doc, latest().minutes));
  const exportMail = () => void run('eml', () => exportMailDraft(host, latest().minutes, recipients));
  const openMail = (event: MouseEvent<HTMLAnchorElement>) => {
    // Electron opens no mailto: link itself (navigation is locked to the app): the host hands it on.
    event.preventDefault();
    void host['mail:open']({ url: mailto });
  };

  return { busy, message, exportFormat, exportBackup, exportMail, openMail };
}
