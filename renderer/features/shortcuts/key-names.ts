/**
 * The keys' names as a keyboard in the reader's language prints them ("Strg", "Entf", "Пробіл"),
 * one term per key under shortcuts.keys: the shortcut lists write keys in the web's own names
 * (KeyboardEvent.key), which are English, and the "?" overview showed them as such in de and uk.
 */
export const KEY_NAMES = {
  Ctrl: 'ctrl',
  Shift: 'shift',
  Alt: 'alt',
  Enter: 'enter',
  Delete: 'delete',
  Space: 'space',
  Escape: 'escape',
  PageDown: 'pageDown',
  PageUp: 'pageUp',
} as const;

export type KeyName = (typeof KEY_NAMES)[keyof typeof KEY_NAMES];

const NAMED = new RegExp(`(?<![A-Za-z])(${Object.keys(KEY_NAMES).join('|')})(?![A-Za-z])`, 'g');

/** "Ctrl+Shift+Z" as shown in the reader's language; letters, arrows and signs stay as they are. */
export function showKeys(keys: string, name: (key: KeyName) => string): string {
  return keys.replace(NAMED, (found: string) => name(KEY_NAMES[found as keyof typeof KEY_NAMES]));
}
