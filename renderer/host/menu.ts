import { menuCommandSchema, type MenuCommand } from '../../shared/menu-command';

/**
 * Calls `listener` with each click in the native menu (Electron only; a browser has no menu and
 * this does nothing). What arrives is parsed first: an unknown command is reported and dropped.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const bridge = window.plenum?.onMenuCommand;
  if (!bridge) return () => undefined;
  return bridge((raw) => {
    const parsed = menuCommandSchema.safeParse(raw);
    if (parsed.success) listener(parsed.data);
    else console.warn('menu command ignored', parsed.error.issues[0]?.message);
  });
}
