import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupError } from '../../../shared/model';
import type { ImportStage } from '../../session/backup-import-protocol';
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
  'backup.archive': 'backup.errors.archive',
  'backup.truncated': 'backup.errors.truncated',
  'backup.foreign': 'backup.errors.foreign',
  'backup.newer': 'backup.errors.newer',
  'backup.invalid': 'backup.errors.invalid',
  'backup.duplicateId': 'backup.errors.duplicateId',
  'backup.damaged': 'backup.errors.damaged',
};

/**
/** The steps an import shows, in order (backup-import-protocol.ts IMPORT_STAGES: a type import keeps its zod out of the start). */
const STAGES: readonly ImportStage[] = ['reading', 'checking', 'building', 'saving'];

/**
 * Imports a picked backup file: the workshop opens, or `refusal` says why nothing was imported.
 * The toast and the navigation are the same as for a file the app was opened with. `stage` is
 * the step under way while busy; `cancel` stops the import before anything is stored (also when
 * the home screen goes away: its worker is terminated then).
 */
function useBackupImport() {
  const { t } = useTranslation();
  const store = useStore();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  const [busy, setBusy] = useState(false);
  const [stage, setStage] = useState<ImportStage | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [refusal, setRefusal] = useState<{ file: string; reason: string; detail?: string } | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const importFile = async (file: File) => {
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    setStage(null);
    setCancelled(false);
    setRefusal(null);
    try {
      preloadWorkshopScreen();
      // Loaded on first use: the backup format brings Yjs, which the home screen does not need.
      const { importBackupFile } = await import('../../session/backup-import');
      const result = await importBackupFile(store, file, Date.now(), { signal: controller.signal, onStage: setStage });
      if (!result.ok) {
        const { code, params, detail } = result.error;
        // The validator's English words only for support, folded away: the message says where in plain words.
        return setRefusal({ file: file.name, reason: t(BACKUP_ERROR_KEYS[code], { ...params, detail }), ...(code === 'backup.invalid' || code === 'backup.duplicateId' ? { detail } : {}) });
      }
      showImportedToast(showToast, result);
      navigate({ screen: 'workshop', id: result.id });
    } catch (error) {
      if (controller.signal.aborted) setCancelled(true);
      else setRefusal({ file: file.name, reason: errorText(error) });
    } finally {
      if (running.current === controller) running.current = null;
      setBusy(false);
      setStage(null);
    }
  };

  // The store's one transaction is not cut: once saving has begun the workshop arrives whole.
  const cancel = stage === 'saving' ? null : () => running.current?.abort();

  return { busy, stage, cancelled, refusal, importFile, cancel };
}

/** Imports a .plenum backup as a workshop of this laptop; a refused file says why and leaves everything as it was. */
export function ImportBackup() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { busy, stage, cancelled, refusal, importFile, cancel } = useBackupImport();
  const step = stage ? STAGES.indexOf(stage) + 1 : 0;

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
      {busy && (
        <div className="import-backup-progress" data-testid="import-progress" data-stage={stage ?? 'starting'} role="status">
          <progress max={STAGES.length} value={step} aria-label={t('backup.progressLabel')} />
          <span>{t('backup.progress', { step: Math.max(step, 1), steps: STAGES.length, stage: t(`backup.stages.${stage ?? 'reading'}`) })}</span>
          <button type="button" onClick={cancel ?? undefined} disabled={!cancel} data-testid="import-cancel">
            {t('common.cancel')}
          </button>
        </div>
      )}
      {cancelled && (
        <p className="muted import-backup-cancelled" role="status" data-testid="import-cancelled">
          {t('backup.cancelled')}
        </p>
      )}
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
