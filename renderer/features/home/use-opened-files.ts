import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../hooks/use-store';
import { host } from '../../host';
import { navigate } from '../../state/route';
import { useToasts } from '../../state/toasts';
import { backupTooBig } from '../../../shared/model';
import { importBackup, type ImportOutcome } from '../../session/backup-import';
import { BACKUP_ERROR_KEYS } from './ImportBackup';

/**
 * Imports the `.plenum` files the desktop app was opened with (double-click, "Open with"):
 * asked for when the window starts and whenever it gets the focus, which is what a second
 * double-click gives it. Each file is imported as the import button would; a refused one says
 * why and changes nothing.
 */
export function useOpenedFiles(enabled: boolean): void {
  const store = useStore();
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);

  useEffect(() => {
    if (!enabled) return;
    let taking = false;
    const take = async () => {
      if (taking) return;
      taking = true;
      try {
        const opened = await host['file:takeOpened']();
        if (!opened.ok) return;
        for (const file of opened.value) {
          // A file over the size limit arrives unread, with its size.
          const result: ImportOutcome = 'text' in file ? await importBackup(store, file.text) : { ok: false, error: backupTooBig(file.tooBig) };
          if (!result.ok) {
            const { code, params, detail } = result.error;
            showToast({ message: t('backup.openedRefused', { file: file.name, reason: t(BACKUP_ERROR_KEYS[code], { ...params, detail }) }), tone: 'error' }, 20_000);
            continue;
          }
          showToast({ message: t(result.copy ? 'backup.importedCopy' : 'backup.imported', { title: result.title }), tone: 'info' });
          navigate({ screen: 'workshop', id: result.id });
        }
      } finally {
        taking = false;
      }
    };
    void take();
    const onFocus = () => void take();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [enabled, store, t, showToast]);
}
