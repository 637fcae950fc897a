import { describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  addCard,
  addParticipant,
  addTable,
  agendaSnapshot,
  cardsSnapshot,
  castVote,
  closeVoteRound,
  createUndoHistory,
  openVoteRound,
  removeCard,
  setBoardLocked,
  syncDocs,
  createWorkshopDoc,
  applyWorkshopUpdates,
  encodeWorkshopState,
  updateAgendaItem,
  votesSnapshot,
  type Result,
  type WorkshopDoc,
} from '../../shared/model';
import type { Caller } from '../../shared/roles/commands';
import type { Role } from '../../shared/roles/permissions';
import { undoGuard } from '../../shared/roles/undo-guard';
import { newWorkshop } from '../support/workshop';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

/** A laptop of the room: its role and seat as the role hook would set them, changeable by the test. */
function laptop(doc: WorkshopDoc, role: Role, tableId: string | null) {
  const now = { role, tableId };
  const caller: Caller = { role: () => now.role, seat: () => ({ tableId: now.tableId, plenaryOpen: false }) };
  const undo = createUndoHistory(doc);
  const refused: string[] = [];
  undo.setGuard(undoGuard(doc, caller));
  undo.onRefused((reason) => refused.push(reason));
  return { undo, refused, now };
}

const texts = (doc: WorkshopDoc) => cardsSnapshot(doc).map((card) => card.text);

/** The moderator's laptop does `change` on its own copy, which then reaches this laptop's: not this laptop's step to undo. */
function fromModerator(doc: WorkshopDoc, change: (moderator: WorkshopDoc) => void): void {
  const moderator = createWorkshopDoc();
  applyWorkshopUpdates(moderator, [encodeWorkshopState(doc)]);
  change(moderator);
  syncDocs(moderator, doc);
  moderator.destroy();
}

describe('undo asks what the commands ask', () => {
  it('a table laptop cannot take its card off a board the moderator locked since; the step is dropped, the earlier ones stay', () => {
    const doc = newWorkshop();
    const table = value(addTable(doc, { name: 'Tisch 1' }));
    const { undo, refused } = laptop(doc, 'table', table.id);
    value(addCard(doc, { boardId: table.id, text: 'eins' }));
    value(addCard(doc, { boardId: table.id, text: 'vor der Sperre' }));
    fromModerator(doc, (moderator) => value(setBoardLocked(moderator, table.id, true)));
    expect(undo.undo()).toBe(false);
    expect(refused).toEqual(['locked']);
    expect(texts(doc)).toEqual(['eins', 'vor der Sperre']);
    // Unlocked again, the step before it may be undone.
    fromModerator(doc, (moderator) => value(setBoardLocked(moderator, table.id, false)));
    expect(undo.undo()).toBe(true);
    expect(texts(doc)).toEqual(['vor der Sperre']);
  });

  it('nor bring back a card it deleted on a board locked since', () => {
    const doc = newWorkshop();
    const table = value(addTable(doc, { name: 'Tisch 1' }));
    const { undo, refused } = laptop(doc, 'table', table.id);
    value(addCard(doc, { boardId: table.id, text: 'bleibt' }));
    const gone = value(addCard(doc, { boardId: table.id, text: 'gelöscht' }));
    value(removeCard(doc, gone.id));
    fromModerator(doc, (moderator) => value(setBoardLocked(moderator, table.id, true)));
    expect(undo.undo()).toBe(false);
    expect(refused).toEqual(['locked']);
    expect(texts(doc)).toEqual(['bleibt']);
    // The steps below are asked one by one too: the add of the deleted card changes nothing, the next one is refused.
    expect(undo.undo()).toBe(false);
    expect(refused).toEqual(['locked', 'locked']);
    expect(texts(doc)).toEqual(['bleibt']);
  });

  it('nor redo onto a board locked since', () => {
    const doc = newWorkshop();
    const table = value(addTable(doc, { name: 'Tisch 1' }));
    const { undo, refused } = laptop(doc, 'table', table.id);
    value(addCard(doc, { boardId: table.id, text: 'wieder' }));
    expect(undo.undo()).toBe(true);
    expect(texts(doc)).toEqual([]);
    fromModerator(doc, (moderator) => value(setBoardLocked(moderator, table.id, true)));
    expect(undo.redo()).toBe(false);
    expect(refused).toEqual(['locked']);
    expect(texts(doc)).toEqual([]);
    expect(undo.canRedo()).toBe(false);
  });

  it('a laptop demoted to a table cannot undo what it did to the agenda as a moderator', () => {
    const doc = newWorkshop();
    const item = value(addAgendaItem(doc, { title: 'Begrüßung', durationMin: 10 }));
    const { undo, refused, now } = laptop(doc, 'moderator', null);
    value(updateAgendaItem(doc, item.id, { title: 'VON TISCH 2' }));
    now.role = 'table';
    expect(undo.undo()).toBe(false);
    expect(refused).toEqual(['role']);
    expect(agendaSnapshot(doc).map((entry) => entry.title)).toEqual(['VON TISCH 2']);
  });

  it('dots of an ended round stay, for the moderator too, until the round is opened again', () => {
    const doc = newWorkshop();
    const person = (name: string) => value(addParticipant(doc, { name, organisation: '', stakeholderGroup: '', email: '' }));
    const voters = { table: person('Anna'), moderator: person('Bo') };
    const card = value(addCard(doc, { boardId: 'plenary', text: 'Idee' }));
    const other = value(addCard(doc, { boardId: 'plenary', text: 'Andere Idee' }));
    const round = value(openVoteRound(doc, { boardId: 'plenary', budget: 3 }));
    for (const role of ['table', 'moderator'] as const) {
      const { undo, refused } = laptop(doc, role, null);
      const before = votesSnapshot(doc).length;
      value(castVote(doc, { roundId: round.id, voterId: voters[role].id, targetId: card.id }));
      fromModerator(doc, (moderator) => value(closeVoteRound(moderator, round.id)));
      expect(undo.undo()).toBe(false);
      expect(refused).toEqual(['voteClosed']);
      expect(votesSnapshot(doc)).toHaveLength(before + 1);
      // Open again (the moderator's undo of the close does that): a dot put now may be taken back.
      fromModerator(doc, (moderator) => {
        const { voteRounds } = { voteRounds: moderator.getMap('voteRounds') };
        (voteRounds.get(round.id) as { set(key: string, value: unknown): void }).set('state', 'open');
      });
      value(castVote(doc, { roundId: round.id, voterId: voters[role].id, targetId: other.id }));
      expect(undo.undo()).toBe(true);
      expect(votesSnapshot(doc)).toHaveLength(before + 1);
      undo.destroy();
    }
  });

  it('the moderator undoes on a locked board as before', () => {
    const doc = newWorkshop();
    const table = value(addTable(doc, { name: 'Tisch 1' }));
    const { undo, refused } = laptop(doc, 'moderator', null);
    value(addCard(doc, { boardId: table.id, text: 'eins' }));
    fromModerator(doc, (moderator) => value(setBoardLocked(moderator, table.id, true)));
    expect(undo.undo()).toBe(true);
    expect(refused).toEqual([]);
    expect(texts(doc)).toEqual([]);
  });
});
