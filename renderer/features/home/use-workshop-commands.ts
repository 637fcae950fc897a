import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model';
import { useStore } from '../../hooks/use-store';
import { describeError, useErrorText } from '../../hooks/use-error-text';
import type { NewWorkshopFields } from '../../session/workshop-library';
import { navigate } from '../../state/route';
import { useToasts } from '../../state/toasts';
import { preloadWorkshopScreen } from './preload-workshop';

/**
 * The library brings the whole session with it (Yjs, networking): loaded when a command needs it,
 * not with the home screen (it is usually preloaded by then, see renderer/app/lazy-screens.ts).
 */
const library = () => import('../../session/workshop-library');

/**
 * What the home screen does with a workshop. `onCreate` and `onRename` resolve to the message a
 * form shows (null when done); the others report through a toast. `reload` reads the list again.
 */
export function useWorkshopCommands(reload: () => void) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);

  const report = (error: unknown) => showToast({ message: (t) => describeError(t, error), tone: 'error' });

  const onCreate = async (fields: NewWorkshopFields) => {
    preloadWorkshopScreen();
    let createWorkshop: Awaited<ReturnType<typeof library>>['createWorkshop'];
    try {
      ({ createWorkshop } = await library());
    } catch {
      // Its chunk did not load (connection lost, the host updated): the form is free again, the toast says why.
      showToast({ message: (t) => t('errors.codeNotLoaded'), tone: 'error' });
      return null;
    }
    const result = await createWorkshop(store, fields, i18n.language as Language);
    if (!result.ok) return errorText(result.error);
    navigate({ screen: 'workshop', id: result.value });
    return null;
  };

  const onRename = async (id: string, title: string) => {
    try {
      const { renameWorkshop } = await library();
      const result = await renameWorkshop(store, id, title);
      if (!result.ok) return errorText(result.error);
      reload();
      return null;
    } catch (error) {
      return errorText(error);
    }
  };

  const onDuplicate = async (id: string, title: string) => {
    try {
      const { duplicateWorkshop } = await library();
      await duplicateWorkshop(store, id, t('home.copyOf', { title }));
      reload();
      showToast({ message: (t) => t('home.duplicated', { title }), tone: 'info' });
    } catch (error) {
      report(error);
    }
  };

  /** Deletes with an undo in the toast: the workshop stays on disk until it is purged. */
  const onDelete = async (id: string, title: string) => {
    try {
      await store.markDeleted(id);
      reload();
      showToast(
        {
          message: (t) => t('home.deleted', { title }),
          tone: 'info',
          action: { label: (t) => t('common.undo'), run: () => void store.restoreWorkshop(id).then(reload, report) },
        },
        10_000,
      );
    } catch (error) {
      report(error);
    }
  };

  return { onCreate, onRename, onDuplicate, onDelete };
}
