import { useEffect } from 'react';
import { systemTimeZone } from '../../../shared/model/plain';
import { useToasts, type ToastText } from '../../state/toasts';

/** How long the toast of a backup without a time zone stays: it has a second sentence to read. */
export const ZONELESS_TOAST_MS = 15_000;

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
 * The zoneless toast still up, by workshop. It names this computer's zone and asks for the
 * workshop's: once the workshop has one (the moderator picked it, or a peer's arrived) the toast
 * would be wrong for the rest of its 15 s.
 */
const zonelessToasts = new Map<string, number>();

/** Shows the toast of an imported backup; one without a time zone goes as soon as its workshop has one. */
export function showImportedToast(
  show: ReturnType<typeof useToasts.getState>['show'],
  result: { id: string; title: string; copy: boolean; zoneless: boolean },
): void {
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
