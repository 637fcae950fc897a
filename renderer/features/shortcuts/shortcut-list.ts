import type { Action } from '../../../shared/roles/permissions';
import { RUN_SHORTCUTS } from '../run/run-shortcuts';

export interface Shortcut {
  /** Keys by their web names, e.g. "Ctrl+Z"; "Alt+1…9" for a range. Shown in the reader's language (key-names.ts). */
  keys: string;
  /** i18n key of what it does. */
  labelKey: string;
  /** i18n key under shortcuts.groups of the section it is listed in. */
  group: 'general' | 'board' | 'dragging' | 'agenda' | 'run';
  /** What the laptop's role must allow for the keys to do anything: a table is not shown the moderator's. */
  needs?: Action;
}

/** Every keyboard shortcut of the app, for the "?" overview. A feature that adds one lists it here. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: '?', labelKey: 'shortcuts.overview', group: 'general' },
  { keys: 'Ctrl+Z', labelKey: 'shortcuts.undo', group: 'general' },
  { keys: 'Ctrl+Shift+Z', labelKey: 'shortcuts.redo', group: 'general' },
  { keys: '/', labelKey: 'shortcuts.search', group: 'general' },
  { keys: 'Enter', labelKey: 'shortcuts.addCard', group: 'board' },
  { keys: 'Shift+Enter', labelKey: 'shortcuts.newLine', group: 'board' },
  { keys: 'Alt+0', labelKey: 'shortcuts.anonymous', group: 'board' },
  { keys: 'Alt+1…9', labelKey: 'shortcuts.author', group: 'board' },
  { keys: 'Enter', labelKey: 'shortcuts.editCard', group: 'board' },
  { keys: 'Delete', labelKey: 'shortcuts.deleteCard', group: 'board' },
  { keys: 'V', labelKey: 'shortcuts.vote', group: 'board' },
  { keys: 'Space', labelKey: 'shortcuts.pickUp', group: 'dragging' },
  { keys: '← ↑ → ↓', labelKey: 'shortcuts.moveTarget', group: 'dragging' },
  { keys: 'Space', labelKey: 'shortcuts.drop', group: 'dragging' },
  { keys: 'Escape', labelKey: 'shortcuts.cancelDrag', group: 'dragging' },
  { keys: 'Alt+↑ / Alt+↓', labelKey: 'shortcuts.moveAgendaItem', group: 'agenda', needs: 'agenda.edit' },
  ...RUN_SHORTCUTS.map((shortcut) => ({ keys: shortcut.keys, labelKey: shortcut.labelKey, group: 'run' as const, needs: 'run.control' as const })),
];

export const SHORTCUT_GROUPS = ['general', 'board', 'dragging', 'agenda', 'run'] as const;
