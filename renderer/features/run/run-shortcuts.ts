import { useEffect } from 'react';
import { hostNow } from '../../network/host-clock';
import { nextProjectorView, runSnapshot, type WorkshopDoc } from '../../../shared/model';
import type { WorkshopCommands } from '../../../shared/roles/commands';
import { shortcutLetter } from '../common/shortcut-letter';

export interface RunShortcut {
  /** Keys by their web names, shown in the reader's language in the "?" overview (key-names.ts). */
  keys: string;
  labelKey: string;
  group: string;
}

/**
 * The run's shortcuts, for the "?" overview. PageDown/PageUp are what presenter remotes send,
 * so a clicker in the moderator's hand moves through the agenda.
 */
export const RUN_SHORTCUTS: readonly RunShortcut[] = [
  { keys: 'PageDown', labelKey: 'run.shortcutNext', group: 'run' },
  { keys: 'PageUp', labelKey: 'run.shortcutPrevious', group: 'run' },
  { keys: 'Ctrl+Shift+Space', labelKey: 'run.shortcutStartPause', group: 'run' },
  { keys: 'Alt+P', labelKey: 'run.shortcutProjector', group: 'run' },
];

/** Typing in a field must never move the agenda on. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** What a key press does to the run, or null when it is not a run shortcut (pure, for tests). */
export function runCommandFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>): 'next' | 'previous' | 'startPause' | 'projector' | null {
  const plain = !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
  if (plain && event.key === 'PageDown') return 'next';
  if (plain && event.key === 'PageUp') return 'previous';
  if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'Space') return 'startPause';
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && shortcutLetter(event) === 'p') return 'projector';
  return null;
}

/**
 * The moderator's run shortcuts, on the whole window while `enabled` (this laptop may run the
 * day). They dispatch through the guarded commands, so a shortcut cannot do what a button may not.
 * `onAskRestart` is called when start is refused because the day already ran (the bar asks first).
 */
export function useRunShortcuts(workshopId: string, doc: WorkshopDoc, commands: WorkshopCommands, enabled: boolean, onAskRestart: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const command = runCommandFor(event);
      if (!command) return;
      const run = runSnapshot(doc);
      const active = run.status === 'running' || run.status === 'paused';
      // PageDown/PageUp scroll the page as usual unless the day is running.
      if ((command === 'next' || command === 'previous') && !active && run.status !== 'ended') return;
      event.preventDefault();
      const now = hostNow(workshopId);
      if (command === 'next') commands.run.next(now);
      else if (command === 'previous') commands.run.previous(now);
      else if (command === 'startPause') {
        const result = commands.run.toggle(now);
        if (!result.ok && result.error.code === 'run.hasRecord') onAskRestart();
      }
      else commands.run.projector({ view: nextProjectorView(run.projectorView) });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [workshopId, doc, commands, enabled, onAskRestart]);
}
