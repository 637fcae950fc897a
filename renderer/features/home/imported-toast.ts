import { useEffect } from 'react';
import type { BackupRepair } from '../../../shared/model';
import { systemTimeZone } from '../../../shared/model/plain';
import { clockTimeIn, shownTimeZone } from '../../../shared/time-zone';
import { useToasts, type ToastText } from '../../state/toasts';

/** How long the toast of a backup without a time zone stays: it has a second sentence to read. */
export const ZONELESS_TOAST_MS = 15_000;
/** How long the list of what was changed on import stays: a few lines to read and check (held while pointed at; it has a close button). */
export const REPAIRED_TOAST_MS = 60_000;
/** Changes listed one by one; more are counted, so the toast never covers the screen. */
export const REPAIRS_LISTED = 5;

/**
 * What the toast of an imported backup says. A backup that names no time zone (written before
 * workshops had one) shows its clock times in this computer's zone: a workshop from Berlin
 * imported in New York showed "planned 14:00, actual 08:02" with no word why.
 */
export function importedToast(result: { title: string; copy: boolean; zoneless: boolean }): ToastText {
  return (t) => {
    const imported = t(result.copy ? 'backup.importedCopy' : 'backup.imported', { title: result.title });
    return result.zoneless ? `${imported} ${t('backup.importedNoZone', { zone: systemTimeZone() })}` : imported;
  };
}

/**
 * What the toast of a backup with mended values says: each change, where and from what to what.
 * The clock times of an item's start and end in the workshop's zone, as the agenda shows them.
 */
export function repairedToast(result: { title: string; timeZone: string; repairs: readonly BackupRepair[] }): ToastText {
  return (t) => {
    const zone = shownTimeZone(result.timeZone);
    const lines = result.repairs.slice(0, REPAIRS_LISTED).map(({ code, params }) => {
      const times =
        code === 'endBeforeStart'
          ? { start: clockTimeIn(Number(params.start), zone), end: clockTimeIn(Number(params.end), zone) }
          : code === 'endWithoutStart'
            ? { end: clockTimeIn(Number(params.end), zone) }
            : {};
      return `• ${t(`backup.repairs.${code}`, { ...params, ...times })}`;
    });
    const more = result.repairs.length - REPAIRS_LISTED;
    if (more > 0) lines.push(t('backup.repairs.more', { count: more }));
    return [t('backup.repaired', { title: result.title }), ...lines].join('\n');
  };
}

/**
 * The zoneless toast still up, by workshop. It names this computer's zone and asks for the
 * workshop's: once the workshop has one (the moderator picked it, or a peer's arrived) the toast
 * would be wrong for the rest of its 15 s.
 */
const zonelessToasts = new Map<string, number>();

/** Shows the toast of an imported backup, and what was changed in it; one without a time zone goes as soon as its workshop has one. */
export function showImportedToast(
  show: ReturnType<typeof useToasts.getState>['show'],
  result: { id: string; title: string; copy: boolean; zoneless: boolean; timeZone: string; repairs: readonly BackupRepair[] },
): void {
  // Apart from the "imported" toast: that one goes once the workshop has a time zone; nothing takes back what was changed.
  if (result.repairs.length > 0) show({ message: repairedToast(result), tone: 'info' }, REPAIRED_TOAST_MS);
  if (!result.zoneless) {
    show({ message: importedToast(result), tone: 'info' });
    return;
  }
  const toastId = show({ message: importedToast(result), tone: 'info', onExpire: () => forget(result.id, toastId) }, ZONELESS_TOAST_MS);
  zonelessToasts.set(result.id, toastId);
}

function forget(workshopId: string, toastId: number): void {
  if (zonelessToasts.get(workshopId) === toastId) zonelessToasts.delete(workshopId);
}

/** Takes away the zoneless toast of the open workshop once the workshop has a time zone. */
export function useZonelessToastGone(workshopId: string, timeZone: string): void {
  const dismiss = useToasts((state) => state.dismiss);
  useEffect(() => {
    const toastId = zonelessToasts.get(workshopId);
    if (timeZone === '' || toastId === undefined) return;
    zonelessToasts.delete(workshopId);
    dismiss(toastId);
  }, [workshopId, timeZone, dismiss]);
}
