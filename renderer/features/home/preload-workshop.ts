import { loadInBackground } from '../../state/background-loads';

/**
 * Starts loading the workshop screen's code when the home screen is about to open one (create,
 * import, join): it then loads beside that work instead of after it. The app preloads it anyway
 * once the list shows (renderer/app/lazy-screens.ts, the same module); this is for an action
 * taken before that. A failure is left to the screen's own load.
 */
export function preloadWorkshopScreen(): void {
  loadInBackground(() => import('../workshop/WorkshopScreen'));
}
