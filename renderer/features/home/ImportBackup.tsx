import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupError } from '../../../shared/model';
import { useStore } from '../../hooks/use-store';
import { useErrorText } from '../../hooks/use-error-text';
import { navigate } from '../../state/route';
import { useToasts } from '../../state/toasts';
import '../minutes/minutes.css';
import { FieldError } from '../common/FieldError';
import { showImportedToast } from './imported-toast';
import { preloadWorkshopScreen } from './preload-workshop';

/** The message of each reason a backup is refused. */
export const BACKUP_ERROR_KEYS: Record<BackupError['code'], string> = {
  'backup.tooBig': 'backup.errors.tooBig',
  'backup.notJson': 'backup.errors.notJson',
  'backup.truncated': 'backup.errors.truncated',
  'backup.foreign': 'backup.errors.foreign',
  'backup.newer': 'backup.errors.newer',
  'backup.invalid': 'backup.errors.invalid',
  'backup.damaged': 'backup.errors.damaged',
};

/**
 * Imports a picked backup file: the workshop opens, or `refusal` says why nothing was imported.
 * The toast and the navigation are the same as for a file the app was opened with.
 */
function useBackupImport() {
  const { t } = useTranslation();
  const store = useStore();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ file: string; reason: string; detail?: string } | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setRefusal(null);
    try {
      preloadWorkshopScreen();
      // Loaded on first use: the backup format brings Yjs, which the home screen does not need.
      const { importBackupFile } = await import('../../session/backup-import');
      const result = await importBackupFile(store, file);
      if (!result.ok) {
        const { code, params, detail } = result.error;
        // The validator's English words only for support, folded away: the message says where in plain words.
        return setRefusal({ file: file.name, reason: t(BACKUP_ERROR_KEYS[code], { ...params, detail }), ...(code === 'backup.invalid' ? { detail } : {}) });
      }
      showImportedToast(showToast, result);
      navigate({ screen: 'workshop', id: result.id });
    } catch (error) {
      setRefusal({ file: file.name, reason: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return { busy, refusal, importFile };
}

/** Imports a .plenum backup as a workshop of this laptop; a refused file says why and leaves everything as it was. */
export function ImportBackup() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { busy, refusal, importFile } = useBackupImport();

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void importFile(file);
  };

  return (
    <div className="import-backup">
      <div className="import-backup-row">
        <button type="button" onClick={() => input.current?.click()} disabled={busy} data-testid="import-backup">
          {busy ? t('backup.importing') : t('backup.import')}
        </button>
        <span className="muted">{t('backup.importHint')}</span>
        <input ref={input} type="file" accept=".plenum,application/json" hidden onChange={onFile} data-testid="import-backup-file" />
      </div>
      <FieldError message={refusal && `${t('backup.refused', { file: refusal.file })} ${refusal.reason} ${t('backup.nothingImported')}`} testId="import-backup-error" />
      {refusal?.detail && (
        <details className="import-backup-details" data-testid="import-backup-details">
          <summary>{t('backup.supportDetails')}</summary>
          <code>{refusal.detail}</code>
        </details>
      )}
    </div>
  );
}
