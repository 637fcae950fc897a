import { newId, validLaptopId } from '../../shared/model';

const KEY = 'plenum.laptopId';
let fallback: string | null = null;

/**
 * This laptop's id: random, made once and kept in its browser storage, so a promotion to
 * moderator (written in the workshop under this id) holds across restarts and rejoins. Not a
 * secret and not an identity check: it names a laptop, like the name it shows in presence.
 */
export function laptopId(): string {
  try {
    const stored = localStorage.getItem(KEY);
    if (validLaptopId(stored)) return stored;
    const made = newId();
    localStorage.setItem(KEY, made);
    return made;
  } catch {
    // Storage refused (private mode, quota): an id for this run, so promotion still works until reload.
    fallback ??= newId();
    return fallback;
  }
}
