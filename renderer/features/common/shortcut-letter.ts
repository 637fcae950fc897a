/**
 * The Latin letter a key press means to a letter shortcut (Ctrl+Z, V, Alt+P…), lower case, or
 * null. The typed character decides while it is a Latin letter: German QWERTZ types "z" on the
 * key where US has Y, and Ctrl+Z must be where the Z is printed. A layout without Latin letters
 * (Ukrainian types "я" there) falls back to the key's place, which names the US letter (QA,
 * session 23: undo, redo and V did nothing with a Cyrillic layout). Every letter shortcut of
 * the app asks this, so they all work alike on every layout.
 */
export function shortcutLetter(event: Pick<KeyboardEvent, 'key' | 'code'>): string | null {
  const typed = event.key.toLowerCase();
  if (/^[a-z]$/.test(typed)) return typed;
  const place = /^Key([A-Z])$/.exec(event.code);
  return place?.[1] ? place[1].toLowerCase() : null;
}
