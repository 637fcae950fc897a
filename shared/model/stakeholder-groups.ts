import { itemMap, local, roots, type WorkshopDoc } from './doc';
import { newId } from './ids';
import { compareOrdered, keyAtEnd } from './order';
import { bool, entries, orderOf, str } from './read';
import { fail, ok, type Result } from './result';
import { STAKEHOLDER_GROUPS, type StakeholderGroupEntry } from './schema';
import { validTitle } from './validate';

/*
 * The built-in groups are implicit: a workshop holds only what it changed (a built-in renamed
 * or removed, a group added). Nobody writes the defaults, so two laptops never seed them twice,
 * and a workshop written before this list existed reads the six built-in groups.
 */

const isBuiltin = (key: string): boolean => (STAKEHOLDER_GROUPS as readonly string[]).includes(key);

/** The workshop's stakeholder groups: built-in ones first in their fixed order, then the added ones. */
export function stakeholderGroupsSnapshot(doc: WorkshopDoc): StakeholderGroupEntry[] {
  const stored = new Map(entries(roots(doc).stakeholderGroups));
  const builtins: StakeholderGroupEntry[] = [];
  for (const key of STAKEHOLDER_GROUPS) {
    const entry = stored.get(key);
    if (entry && bool(entry, 'removed')) continue;
    builtins.push({ key, label: entry ? str(entry, 'label') : '', builtin: true });
  }
  const added = [...stored]
    .filter(([key, entry]) => !isBuiltin(key) && !bool(entry, 'removed') && str(entry, 'label') !== '')
    .map(([key, entry]) => ({ id: key, order: orderOf(entry), label: str(entry, 'label') }))
    .sort(compareOrdered)
    .map(({ id, label }) => ({ key: id, label, builtin: false }));
  return [...builtins, ...added];
}

/** Whether another added group already carries this name (case-insensitive). */
function labelTaken(doc: WorkshopDoc, label: string, exceptKey = ''): boolean {
  const wanted = label.toLocaleLowerCase();
  return stakeholderGroupsSnapshot(doc).some((group) => group.key !== exceptKey && group.label.toLocaleLowerCase() === wanted);
}

/** @internal writes a new group inside the caller's transaction; the label is already valid. */
export function writeStakeholderGroup(doc: WorkshopDoc, label: string): StakeholderGroupEntry {
  const map = roots(doc).stakeholderGroups;
  const ordered = entries(map)
    .filter(([key]) => !isBuiltin(key))
    .map(([id, entry]) => ({ id, order: orderOf(entry) }))
    .sort(compareOrdered);
  const key = newId();
  map.set(key, itemMap({ label, order: keyAtEnd(ordered), removed: false }));
  return { key, label, builtin: false };
}

/** Adds a group to this workshop's list, at its end. */
export function addStakeholderGroup(doc: WorkshopDoc, rawLabel: string): Result<StakeholderGroupEntry> {
  const label = validTitle(rawLabel);
  if (!label.ok) return label;
  if (labelTaken(doc, label.value)) return fail('stakeholder.duplicate', { name: label.value });
  return ok(local(doc, () => writeStakeholderGroup(doc, label.value)));
}

/** Renames a group; an empty name gives a built-in group back its translated name. */
export function renameStakeholderGroup(doc: WorkshopDoc, key: string, rawLabel: string): Result<true> {
  const current = stakeholderGroupsSnapshot(doc).find((group) => group.key === key);
  if (!current) return fail('notFound');
  const label = current.builtin && rawLabel.trim() === '' ? ok('') : validTitle(rawLabel);
  if (!label.ok) return label;
  if (label.value !== '' && labelTaken(doc, label.value, key)) return fail('stakeholder.duplicate', { name: label.value });
  local(doc, () => {
    const map = roots(doc).stakeholderGroups;
    const entry = map.get(key);
    if (entry) entry.set('label', label.value);
    else map.set(key, itemMap({ label: label.value, removed: false }));
  });
  return ok(true);
}

/**
 * Takes a group off the list. Its participants lose the group in the same transaction, so
 * nobody holds a key the list no longer explains; one undo brings both back.
 */
export function removeStakeholderGroup(doc: WorkshopDoc, key: string): Result<{ entry: StakeholderGroupEntry; memberIds: string[] }> {
  const entry = stakeholderGroupsSnapshot(doc).find((group) => group.key === key);
  if (!entry) return fail('notFound');
  const memberIds: string[] = [];
  local(doc, () => {
    const { stakeholderGroups, participants } = roots(doc);
    const stored = stakeholderGroups.get(key);
    // Marked, not deleted: a laptop that renames it at the same time must not bring it back.
    if (stored) stored.set('removed', true);
    else stakeholderGroups.set(key, itemMap({ label: '', removed: true }));
    for (const [id, person] of entries(participants)) {
      if (str(person, 'stakeholderGroup') !== key) continue;
      person.set('stakeholderGroup', '');
      memberIds.push(id);
    }
  });
  return ok({ entry, memberIds });
}

/** Puts a removed group back with the participants it had, for the "Undo" of a removal message. */
export function restoreStakeholderGroup(doc: WorkshopDoc, key: string, memberIds: readonly string[]): void {
  local(doc, () => {
    const { stakeholderGroups, participants } = roots(doc);
    stakeholderGroups.get(key)?.set('removed', false);
    for (const id of memberIds) {
      const person = participants.get(id);
      if (person && str(person, 'stakeholderGroup') === '') person.set('stakeholderGroup', key);
    }
  });
}
