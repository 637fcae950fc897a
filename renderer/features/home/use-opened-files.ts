import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../hooks/use-store';
import { useHost } from '../../hooks/use-host';
import { navigate } from '../../state/route';
import { useToasts } from '../../state/toasts';
import { BACKUP_ERROR_KEYS } from './ImportBackup';
import { showImportedToast } from './imported-toast';
import { preloadWorkshopScreen } from './preload-workshop';

/**
 * Imports the `.plenum` files the desktop app was opened with (double-click, "Open with"):
 * asked for when the window starts and whenever it gets the focus, which is what a second
 * double-click gives it. Each file is imported as the import button would; a refused one says
 * why and changes nothing.
 */
export function useOpenedFiles(enabled: boolean): void {
  const store = useStore();
  const host = useHost();
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);

  useEffect(() => {
    if (!enabled) return;
    let taking = false;
    const take = async () => {
      if (taking) return;
      taking = true;
      try {
        // Asked first: the import (Yjs, the backup format) loads only when there is a file to import.
        const opened = await host['file:takeOpened']();
        if (!opened.ok || opened.value.length === 0) return;
        preloadWorkshopScreen();
        // Undefined when its chunk did not load (or the page reloads for it, see renderer/app/chunk-reload.ts).
        const importer = await import('../../session/backup-import').catch(() => undefined);
        const importOpenedFiles = importer?.importOpenedFiles;
        if (!importOpenedFiles) {
          // The files are taken from the host already: each one says it was not imported, and why.
          for (const file of opened.value) {
            showToast({ message: (t) => t('backup.openedRefused', { file: file.name, reason: t('errors.codeNotLoaded') }), tone: 'error' }, 20_000);
          }
          return;
        }
        await importOpenedFiles({ 'file:takeOpened': () => Promise.resolve(opened) }, store, (result) => {
          if (!result.ok) {
            const { code, params, detail } = result.error;
            showToast({ message: (t) => t('backup.openedRefused', { file: result.file, reason: t(BACKUP_ERROR_KEYS[code], { ...params, detail }) }), tone: 'error' }, 20_000);
            return;
          }
          showImportedToast(showToast, result);
          navigate({ screen: 'workshop', id: result.id });
        });
      } finally {
        taking = false;
      }
    };
    void take();
    const onFocus = () => void take();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [enabled, store, host, t, showToast]);
}
