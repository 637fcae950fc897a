import type * as MenuCommandModule from '../../shared/menu-command';
import type { MenuCommand } from '../../shared/menu-command';

/**
 * Calls `listener` with each click in the native menu (Electron only; a browser has no menu and
 * this does nothing). What arrives is parsed first: an unknown command is reported and dropped.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const bridge = window.plenum?.onMenuCommand;
  if (!bridge) return () => undefined;
  let listening = true;
  // The schema (zod) is loaded with the first click, not with the window's start. One promise for
  // every click, so the commands are handled in the order they came.
  let schema: Promise<typeof MenuCommandModule> | undefined;
  const stop = bridge((raw) => {
    schema ??= import('../../shared/menu-command');
    schema.then(
      (module: typeof MenuCommandModule | undefined) => {
        if (!listening) return;
        if (!module) {
          // The load failed and the page's reload handler took its error (chunk-reload.ts).
          schema = undefined;
          console.warn('menu command ignored: its check did not load');
          return;
        }
        const parsed = module.menuCommandSchema.safeParse(raw);
        if (parsed.success) listener(parsed.data);
        else console.warn('menu command ignored', parsed.error.issues[0]?.message);
      },
      (error: unknown) => {
        // The next click tries again.
        schema = undefined;
        console.warn('menu command ignored: its check did not load', error);
      },
    );
  });
  return () => {
    listening = false;
    stop();
  };
}
