import { useCallback, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shownName, type Participant, type Table, type UndoHistory, type WorkshopDoc } from '../../../shared/model';
import { useHost } from '../../hooks/use-host';
import { fileErrorText, logHostError } from '../../host/host-error';
import { useToasts } from '../../state/toasts';
import { useUndoToast } from '../common/use-command-feedback';
import { useCommands } from '../roles/use-role';
import { rosterFile } from './roster-export';

/** Files larger than this are not a roster: refuse before decoding megabytes in the UI thread. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface RosterData {
  people: readonly Participant[];
  tables: readonly Table[];
  groupName(key: string): string;
  workshop: { title: string; date: string };
}

/**
 * The roster's commands: delete a participant (with Undo), read a chosen CSV file for the import
 * dialog, and export the roster as CSV through the host.
 */
export function useRosterCommands(doc: WorkshopDoc, undo: UndoHistory, { people, tables, groupName, workshop }: RosterData) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const showToast = useToasts((state) => state.show);
  const undoToast = useUndoToast();
  const commands = useCommands(doc);
  const [importing, setImporting] = useState<{ fileName: string; bytes: Uint8Array } | null>(null);

  // Stable, so the memoised rows do not all re-render when one changes.
  const remove = useCallback(
    (person: Participant) => {
      if (!commands.roster.remove(person.id).ok) return;
      undoToast((t) => t('participants.deleted', { name: shownName(person.name, t('participants.unnamed')) }), () => void commands.roster.restore(person));
    },
    [commands, undoToast],
  );

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file chosen again after a cancel must fire a change too.
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return showToast({ message: (t) => t('participants.import.tooLarge', { name: file.name }), tone: 'error' });
    try {
      setImporting({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      showToast({ message: (t) => t('participants.import.unreadableFile', { name: file.name }), tone: 'error' });
    }
  };

  const cancelImport = () => setImporting(null);
  const importDone = (count: number) => {
    setImporting(null);
    undoToast((t) => t('participants.import.done', { count }), () => undo.undo());
  };

  const exportCsv = async () => {
    const file = rosterFile(people, tables, groupName, workshop, t, i18n.language);
    const saved = await host['file:save']({ ...file, mimeType: 'text/csv;charset=utf-8' });
    if (!saved.ok) {
      const { error } = saved;
      logHostError(error);
      showToast({ message: (t) => t('participants.export.failed', { detail: fileErrorText(t, error) }), tone: 'error' });
    } else if (saved.value.saved) showToast({ message: (t) => t('participants.export.saved', { count: people.length }), tone: 'info' });
  };

  return { remove, importing, chooseFile, cancelImport, importDone, exportCsv };
}
