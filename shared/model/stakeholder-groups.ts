import { local, roots, type WorkshopDoc } from './doc';
import { isId, newId } from './ids';
import { compareOrdered, keyAtEnd, PENDING_ORDER } from './order';
import { entries, str } from './read';
import { fail, ok, type Result } from './result';
import { STAKEHOLDER_GROUPS, type StakeholderGroupEntry } from './schema';
import { isBlankText, validTitle } from './validate';

/*
 * The built-in groups are implicit: a workshop holds only what it changed (a built-in renamed
 * or removed, a group added). Nobody writes the defaults, so two laptops never seed them twice,
 * and a workshop written before this list existed reads the six built-in groups.
 *
 * The root is flat, one plain value per `<group key>/<field>`, not a map per group: two laptops
 * that both change a built-in group at once would each create "its" map under the same key, and
 * Yjs keeps only one of the two, losing the other laptop's rename or removal.
 */

type Field = 'label' | 'removed' | 'order';
const slot = (key: string, field: Field) => `${key}/${field}`;

const isBuiltin = (key: string): boolean => (STAKEHOLDER_GROUPS as readonly string[]).includes(key);

interface StoredGroup {
  label: string;
  removed: boolean;
  order: string;
}

/** What the root holds, per group key; a value of a wrong type reads as not set. */
function storedGroups(doc: WorkshopDoc): Map<string, StoredGroup> {
  const groups = new Map<string, StoredGroup>();
  roots(doc).stakeholderGroups.forEach((value, name) => {
    const cut = name.lastIndexOf('/');
    const key = name.slice(0, cut);
    const field = name.slice(cut + 1);
    if (cut <= 0 || !isId(key)) return;
    const group = groups.get(key) ?? { label: '', removed: false, order: PENDING_ORDER };
    if (field === 'label' && typeof value === 'string') group.label = value;
    else if (field === 'removed' && typeof value === 'boolean') group.removed = value;
    else if (field === 'order' && typeof value === 'string' && value !== '') group.order = value;
    groups.set(key, group);
  });
  return groups;
}

/** The workshop's stakeholder groups: built-in ones first in their fixed order, then the added ones. */
export function stakeholderGroupsSnapshot(doc: WorkshopDoc): StakeholderGroupEntry[] {
  const stored = storedGroups(doc);
  const builtins: StakeholderGroupEntry[] = [];
  for (const key of STAKEHOLDER_GROUPS) {
    const group = stored.get(key);
    if (group?.removed) continue;
    builtins.push({ key, label: group?.label ?? '', builtin: true });
  }
  const added = [...stored]
    .filter(([key, group]) => !isBuiltin(key) && !group.removed && group.label !== '')
    .map(([key, group]) => ({ id: key, order: group.order, label: group.label }))
    .sort(compareOrdered)
    .map(({ id, label }) => ({ key: id, label, builtin: false }));
  return [...builtins, ...added];
}

/** Whether another group already carries this name (case-insensitive). */
function labelTaken(doc: WorkshopDoc, label: string, exceptKey = ''): boolean {
  const wanted = label.toLocaleLowerCase();
  return stakeholderGroupsSnapshot(doc).some((group) => group.key !== exceptKey && group.label.toLocaleLowerCase() === wanted);
}

/** @internal writes a new group inside the caller's transaction; the label is already valid. */
export function writeStakeholderGroup(doc: WorkshopDoc, label: string): StakeholderGroupEntry {
  const ordered = [...storedGroups(doc)]
    .filter(([key]) => !isBuiltin(key))
    .map(([id, group]) => ({ id, order: group.order }))
    .sort(compareOrdered);
  const key = newId();
  const map = roots(doc).stakeholderGroups;
  map.set(slot(key, 'label'), label);
  map.set(slot(key, 'order'), keyAtEnd(ordered));
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
  const label = current.builtin && isBlankText(rawLabel) ? ok('') : validTitle(rawLabel);
  if (!label.ok) return label;
  if (label.value !== '' && labelTaken(doc, label.value, key)) return fail('stakeholder.duplicate', { name: label.value });
  local(doc, () => roots(doc).stakeholderGroups.set(slot(key, 'label'), label.value));
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
    // Marked, not deleted: a laptop that renames it at the same time must not bring it back.
    stakeholderGroups.set(slot(key, 'removed'), true);
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
    stakeholderGroups.set(slot(key, 'removed'), false);
    for (const id of memberIds) {
      const person = participants.get(id);
      if (person && str(person, 'stakeholderGroup') === '') person.set('stakeholderGroup', key);
    }
  });
}

/**
 * @internal writes a whole list (a backup's) into an empty document inside the caller's
 * transaction: built-in groups missing from it removed, renamed ones with their name, added
 * ones in the list's order under their keys.
 */
export function writeStakeholderGroupList(doc: WorkshopDoc, list: readonly StakeholderGroupEntry[]): void {
  const map = roots(doc).stakeholderGroups;
  const listed = new Map(list.map((group) => [group.key, group]));
  for (const key of STAKEHOLDER_GROUPS) {
    const group = listed.get(key);
    if (!group) map.set(slot(key, 'removed'), true);
    else if (group.label !== '') map.set(slot(key, 'label'), group.label);
  }
  let order: string | null = null;
  for (const group of list) {
    if (isBuiltin(group.key)) continue;
    order = keyAtEnd(order === null ? [] : [{ id: '', order }]);
    map.set(slot(group.key, 'label'), group.label);
    map.set(slot(group.key, 'order'), order);
  }
}
