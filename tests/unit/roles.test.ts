import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  actionItemsSnapshot,
  addActionItem,
  addAgendaItem,
  addCard,
  addTable,
  agendaSnapshot,
  createWorkshopDoc,
  encodeWorkshopState,
  initWorkshop,
  metaSnapshot,
  PLENARY_BOARD_ID,
  promoteLaptop,
  removeTable,
  rolesSnapshot,
  runSnapshot,
  setPlenaryOpen,
  voteRoundsSnapshot,
  watchRoles,
  workshopSnapshot,
  type WorkshopDoc,
} from '../../shared/model';
import { ACTIONS, can, canWriteOn, roleOf, type Role, type Seat } from '../../shared/roles/permissions';
import { workshopCommands, type WorkshopCommands } from '../../shared/roles/commands';

const LAPTOP = 'd7c1a1e0-5b4f-4c7e-9a55-3f2a9c1b0e11';
const OTHER = '0b9a6f7e-2c3d-4e5f-8a9b-1c2d3e4f5a6b';

function workshop(): WorkshopDoc {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'w1', title: 'Wiederaufbau', language: 'de', now: 1 });
  return doc;
}

function commandsAs(doc: WorkshopDoc, role: Role, seat: Seat = { tableId: null, plenaryOpen: false }): WorkshopCommands {
  return workshopCommands(doc, { role: () => role, seat: () => seat });
}

describe('the permission table', () => {
  const tableMay = ['cards.write', 'author.add', 'vote.cast', 'actions.write'];

  it('lets the moderator do everything', () => {
    for (const action of ACTIONS) expect(can('moderator', action), action).toBe(true);
  });

  it('lets a table laptop capture, vote and write action items, and nothing that runs the room', () => {
    for (const action of ACTIONS) expect(can('table', action), action).toBe(tableMay.includes(action));
    for (const action of ['agenda.edit', 'run.control', 'vote.manage', 'board.lock', 'tables.edit', 'roster.edit', 'roles.change', 'plenary.open'] as const) {
      expect(can('table', action), action).toBe(false);
    }
  });
});

describe('roleOf', () => {
  it('makes the host, a takeover host and a workshop that is not shared the moderator', () => {
    expect(roleOf({ connection: 'host', laptopId: LAPTOP, moderators: [] })).toBe('moderator');
    expect(roleOf({ connection: null, laptopId: LAPTOP, moderators: [] })).toBe('moderator');
  });

  it('makes a joined laptop a table until the moderator promotes it', () => {
    expect(roleOf({ connection: 'table', laptopId: LAPTOP, moderators: [OTHER] })).toBe('table');
    expect(roleOf({ connection: 'table', laptopId: LAPTOP, moderators: [OTHER, LAPTOP] })).toBe('moderator');
    // No id yet (storage refused one): never a moderator by an empty entry.
    expect(roleOf({ connection: 'table', laptopId: '', moderators: [''] })).toBe('table');
  });
});

describe('canWriteOn', () => {
  const plenary = { id: PLENARY_BOARD_ID, kind: 'plenary' as const };
  const mine = { id: 't1', kind: 'table' as const };
  const theirs = { id: 't2', kind: 'table' as const };

  it('lets a table write on its own board and on the plenary only while it is open', () => {
    expect(canWriteOn('table', mine, { tableId: 't1', plenaryOpen: false })).toBe(true);
    expect(canWriteOn('table', theirs, { tableId: 't1', plenaryOpen: true })).toBe(false);
    expect(canWriteOn('table', mine, { tableId: null, plenaryOpen: true })).toBe(false);
    expect(canWriteOn('table', plenary, { tableId: 't1', plenaryOpen: false })).toBe(false);
    expect(canWriteOn('table', plenary, { tableId: 't1', plenaryOpen: true })).toBe(true);
  });

  it('lets the moderator write everywhere', () => {
    for (const board of [plenary, mine, theirs]) expect(canWriteOn('moderator', board, { tableId: null, plenaryOpen: false })).toBe(true);
  });
});

describe('the command guard', () => {
  it('refuses every moderator command from a table laptop and leaves the document as it was', () => {
    const doc = workshop();
    const table = addTable(doc, { name: 'Tisch 1' });
    const item = addAgendaItem(doc, { title: 'Begrüßung', durationMin: 10, kind: 'plenary' });
    if (!table.ok || !item.ok) throw new Error('setup failed');
    const before = encodeWorkshopState(doc);
    const commands = commandsAs(doc, 'table', { tableId: table.value.id, plenaryOpen: true });
    const attempts = [
      () => commands.agenda.add({ title: 'Neu', durationMin: 5, kind: 'input' }),
      () => commands.agenda.update(item.value.id, { title: 'Anders' }),
      () => commands.agenda.remove(item.value.id),
      () => commands.agenda.move(item.value.id, 0),
      () => commands.agenda.settings({ startTime: '09:00' }),
      () => commands.run.toggle(1000),
      () => commands.run.next(1000),
      () => commands.run.previous(1000),
      () => commands.run.signal(1000),
      () => commands.run.projector({ view: 'plenary' }),
      () => commands.votes.open({ boardId: PLENARY_BOARD_ID, budget: 3, allowStacking: false, hideResults: false }),
      () => commands.locks.board(table.value.id, true),
      () => commands.tables.add({ name: 'Tisch 2' }),
      () => commands.tables.remove(table.value.id),
      () => commands.roster.add({ name: 'Olena', organisation: '', stakeholderGroup: '', email: '', tableId: '' }),
      () => commands.roster.mix([]),
      () => commands.workshop.rename('Umbenannt'),
      () => commands.workshop.place({ venue: 'Rathaus', room: 'Saal 2' }),
      () => commands.room.openPlenary(false),
      () => commands.room.promote(LAPTOP, 'Tisch 1'),
    ];
    for (const attempt of attempts) {
      const result = attempt();
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('role.forbidden');
    }
    expect(encodeWorkshopState(doc)).toEqual(before);
  });

  it('runs the same commands for the moderator', () => {
    const doc = workshop();
    const commands = commandsAs(doc, 'moderator');
    expect(commands.agenda.add({ title: 'Begrüßung', durationMin: 10, kind: 'plenary' }).ok).toBe(true);
    expect(commands.run.toggle(1000).ok).toBe(true);
    expect(runSnapshot(doc).status).toBe('running');
    expect(commands.votes.open({ boardId: PLENARY_BOARD_ID, budget: 3, allowStacking: false, hideResults: false }).ok).toBe(true);
    expect(voteRoundsSnapshot(doc)).toHaveLength(1);
    expect(commands.room.promote(LAPTOP, 'Tisch 1').ok).toBe(true);
    expect(rolesSnapshot(doc).moderators).toEqual([{ laptopId: LAPTOP, name: 'Tisch 1' }]);
    expect(commands.workshop.place({ venue: ' Rathaus ', room: 'Saal 2' }).ok).toBe(true);
    expect(metaSnapshot(doc)).toMatchObject({ venue: 'Rathaus', room: 'Saal 2' });
    // The header hands over what it holds: only the place is written, whatever else rides along.
    const whole = { ...metaSnapshot(doc), title: 'Anders', venue: 'Bürgerhaus' };
    expect(commands.workshop.place(whole).ok).toBe(true);
    expect(metaSnapshot(doc)).toMatchObject({ title: 'Wiederaufbau', venue: 'Bürgerhaus', room: 'Saal 2' });
  });

  it('asks for the role at the moment of the call: a promotion takes effect at once', () => {
    const doc = workshop();
    addAgendaItem(doc, { title: 'Begrüßung', durationMin: 10, kind: 'plenary' });
    let role: Role = 'table';
    const commands = workshopCommands(doc, { role: () => role, seat: () => ({ tableId: null, plenaryOpen: false }) });
    expect(commands.run.toggle(1000).ok).toBe(false);
    role = 'moderator';
    expect(commands.run.toggle(1000).ok).toBe(true);
  });

  it('lets a table add cards to its own board, and to the plenary only while it is open', () => {
    const doc = workshop();
    const mine = addTable(doc, { name: 'Tisch 1' });
    const theirs = addTable(doc, { name: 'Tisch 2' });
    if (!mine.ok || !theirs.ok) throw new Error('setup failed');
    const seat = { tableId: mine.value.id, plenaryOpen: false };
    const commands = workshopCommands(doc, { role: () => 'table', seat: () => seat });
    expect(commands.cards.add({ boardId: mine.value.id, text: 'Biomethan' }).ok).toBe(true);
    expect(commands.cards.add({ boardId: theirs.value.id, text: 'Fremd' })).toMatchObject({ ok: false, error: { code: 'role.forbidden' } });
    expect(commands.cards.add({ boardId: PLENARY_BOARD_ID, text: 'Plenum' })).toMatchObject({ ok: false, error: { code: 'role.forbidden' } });
    seat.plenaryOpen = true;
    expect(commands.cards.add({ boardId: PLENARY_BOARD_ID, text: 'Plenum' }).ok).toBe(true);
    expect(workshopSnapshot(doc).cards.map((card) => card.text).sort()).toEqual(['Biomethan', 'Plenum']);
  });

  it("lets a table write its own table's action items, the plenary's only while it is open, and no other table's", () => {
    const doc = workshop();
    const mine = addTable(doc, { name: 'Tisch 1' });
    const theirs = addTable(doc, { name: 'Tisch 2' });
    if (!mine.ok || !theirs.ok) throw new Error('setup failed');
    const plenaryItem = addActionItem(doc, { title: 'Protokoll verschicken', boardId: null });
    const theirItem = addActionItem(doc, { title: 'Dächer kartieren', boardId: theirs.value.id });
    const theirCard = addCard(doc, { boardId: theirs.value.id, text: 'Solar' });
    if (!plenaryItem.ok || !theirItem.ok || !theirCard.ok) throw new Error('setup failed');
    const seat = { tableId: mine.value.id, plenaryOpen: false };
    const commands = workshopCommands(doc, { role: () => 'table', seat: () => seat });
    const otherBoard = { ok: false, error: { code: 'role.otherBoard' } };

    const own = commands.actions.add({ title: 'Netz prüfen', boardId: mine.value.id });
    if (!own.ok) throw new Error('a table could not add to its own table');
    expect(commands.actions.update(own.value.id, { status: 'done' }).ok).toBe(true);
    expect(commands.actions.writable(mine.value.id)).toBe(true);
    // Not the plenary's (closed) nor another table's: not added, changed, moved there or deleted.
    expect(commands.actions.add({ title: 'Ins Plenum', boardId: null })).toMatchObject(otherBoard);
    expect(commands.actions.add({ title: 'Zu Tisch 2', boardId: theirs.value.id })).toMatchObject(otherBoard);
    expect(commands.actions.fromCard(theirCard.value.id)).toMatchObject(otherBoard);
    expect(commands.actions.update(plenaryItem.value.id, { title: 'Anders' })).toMatchObject(otherBoard);
    expect(commands.actions.update(theirItem.value.id, { status: 'done' })).toMatchObject(otherBoard);
    expect(commands.actions.update(own.value.id, { boardId: theirs.value.id })).toMatchObject(otherBoard);
    expect(commands.actions.remove(plenaryItem.value.id)).toMatchObject(otherBoard);
    expect(commands.actions.remove(theirItem.value.id)).toMatchObject(otherBoard);
    expect(commands.actions.restore({ ...theirItem.value, id: 'x'.repeat(21) })).toMatchObject(otherBoard);
    expect(commands.actions.writable(null)).toBe(false);
    expect(actionItemsSnapshot(doc).map((item) => [item.title, item.status]).sort()).toEqual([
      ['Dächer kartieren', 'open'],
      ['Netz prüfen', 'done'],
      ['Protokoll verschicken', 'open'],
    ]);

    seat.plenaryOpen = true;
    expect(commands.actions.writable(null)).toBe(true);
    expect(commands.actions.update(plenaryItem.value.id, { title: 'Protokoll an alle' }).ok).toBe(true);
    expect(commands.actions.remove(theirItem.value.id)).toMatchObject(otherBoard);

    // Without a table picked a table laptop is told to pick one; the moderator writes everywhere.
    const unseated = workshopCommands(doc, { role: () => 'table', seat: () => ({ tableId: null, plenaryOpen: false }) });
    expect(unseated.actions.add({ title: 'Wohin?', boardId: null })).toMatchObject({ ok: false, error: { code: 'role.noTable' } });
    const moderator = commandsAs(doc, 'moderator');
    // An item of a table deleted since: the moderator still changes it; a table does not.
    const gone = addTable(doc, { name: 'Tisch 3' });
    if (!gone.ok) throw new Error('setup failed');
    const orphan = moderator.actions.add({ title: 'Verwaist', boardId: gone.value.id });
    if (!orphan.ok) throw new Error('setup failed');
    expect(removeTable(doc, gone.value.id).ok).toBe(true);
    expect(moderator.actions.writable(gone.value.id)).toBe(true);
    expect(moderator.actions.update(orphan.value.id, { status: 'done' }).ok).toBe(true);
    expect(commands.actions.update(orphan.value.id, { status: 'open' })).toMatchObject(otherBoard);
    expect(moderator.actions.remove(theirItem.value.id).ok).toBe(true);
    expect(moderator.actions.add({ title: 'Plenum', boardId: null }).ok).toBe(true);
  });

  it('lets a table name a new author for its cards but not edit the roster', () => {
    const doc = workshop();
    const commands = commandsAs(doc, 'table');
    const person = commands.roster.addAuthor({ name: 'Olena', organisation: '', stakeholderGroup: '', email: '', tableId: '' });
    expect(person.ok).toBe(true);
    if (!person.ok) return;
    expect(commands.roster.update(person.value.id, { name: 'Olga' }).ok).toBe(false);
    expect(commands.roster.remove(person.value.id).ok).toBe(false);
    expect(agendaSnapshot(doc)).toEqual([]);
  });
});

describe('roles in the document', () => {
  it('syncs promotions and the open plenary to every laptop, and keeps both of two promotions made at once', () => {
    const a = workshop();
    const b = createWorkshopDoc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    promoteLaptop(a, LAPTOP, 'Tisch 1');
    promoteLaptop(b, OTHER, 'Tisch 2');
    setPlenaryOpen(b, true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(rolesSnapshot(a)).toEqual(rolesSnapshot(b));
    expect(rolesSnapshot(a).moderators.map((entry) => entry.laptopId).sort()).toEqual([OTHER, LAPTOP].sort());
    expect(rolesSnapshot(a).plenaryOpen).toBe(true);
  });

  it('ignores what a peer wrote that is not a role', () => {
    const doc = workshop();
    const map = doc.getMap<unknown>('roles');
    doc.transact(() => {
      map.set('moderator:', 'empty id');
      map.set('moderator:bad id with spaces', 'x');
      map.set(`moderator:${LAPTOP}`, 42);
      map.set('plenaryOpen', 'yes');
      map.set('something', new Y.Map());
    });
    expect(rolesSnapshot(doc)).toEqual({ moderators: [{ laptopId: LAPTOP, name: '' }], plenaryOpen: false });
  });

  it('tells a watcher about every change, and is not part of the workshop snapshot or a backup', () => {
    const doc = workshop();
    let calls = 0;
    const stop = watchRoles(doc, () => calls++);
    setPlenaryOpen(doc, true);
    setPlenaryOpen(doc, true);
    promoteLaptop(doc, LAPTOP, 'Tisch 1');
    stop();
    setPlenaryOpen(doc, false);
    expect(calls).toBe(2);
    expect(Object.keys(workshopSnapshot(doc))).not.toContain('roles');
  });
});
