import * as Y from 'yjs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import {
  createUndoHistory,
  exportBackup,
  parkingLotSnapshot,
  parkQuestion,
  parseBackup,
  PARKED_TEXT_MAX,
  removeParkedQuestion,
  restoreBackup,
  restoreParkedQuestion,
  setParkedTakenUp,
  updateParkedText,
  workshopSnapshot,
  type WorkshopDoc,
} from '../../shared/model';
import { buildMinutes, renderHtml, renderMarkdown } from '../../shared/minutes';
import { renderDocx } from '../../shared/minutes/docx';
import { workshopCommands } from '../../shared/roles/commands';
import type { Role, Seat } from '../../shared/roles/permissions';
import { newWorkshop } from '../support/workshop';

function park(doc: WorkshopDoc, text: string) {
  const result = parkQuestion(doc, { text, now: 1_700_000_000_000 });
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

describe('the parking lot', () => {
  it('parks questions in order, rewords them, marks them taken up and removes them', () => {
    const doc = newWorkshop();
    const first = park(doc, '  Wer finanziert die Brücke?  ');
    const second = park(doc, 'Förderprogramm\nLand oder Bund?');
    expect(parkingLotSnapshot(doc).map((question) => question.text)).toEqual(['Wer finanziert die Brücke?', 'Förderprogramm\nLand oder Bund?']);
    expect(updateParkedText(doc, first.id, 'Wer zahlt die Brücke?').ok).toBe(true);
    expect(setParkedTakenUp(doc, second.id, true).ok).toBe(true);
    expect(parkingLotSnapshot(doc).map(({ text, takenUp }) => ({ text, takenUp }))).toEqual([
      { text: 'Wer zahlt die Brücke?', takenUp: false },
      { text: 'Förderprogramm\nLand oder Bund?', takenUp: true },
    ]);
    const removed = parkingLotSnapshot(doc)[0];
    if (!removed) throw new Error('missing');
    expect(removeParkedQuestion(doc, first.id).ok).toBe(true);
    expect(parkingLotSnapshot(doc).map((question) => question.id)).toEqual([second.id]);
    restoreParkedQuestion(doc, removed);
    expect(parkingLotSnapshot(doc)[0]).toEqual(removed);
  });

  it('refuses a blank or too long question and an unknown id, and changes nothing', () => {
    const doc = newWorkshop();
    const empty = parkQuestion(doc, { text: '   ' });
    const long = parkQuestion(doc, { text: 'x'.repeat(PARKED_TEXT_MAX + 1) });
    expect(empty.ok ? null : empty.error.code).toBe('text.empty');
    expect(long.ok ? null : long.error).toEqual({ code: 'text.tooLong', params: { max: PARKED_TEXT_MAX } });
    expect(updateParkedText(doc, 'nope', 'x').ok).toBe(false);
    expect(setParkedTakenUp(doc, 'nope', true).ok).toBe(false);
    expect(parkingLotSnapshot(doc)).toEqual([]);
  });

  it('reads what a broken peer wrote without failing', () => {
    const doc = newWorkshop();
    const lot = doc.getMap<unknown>('parkingLot');
    const junk = new Y.Map<unknown>();
    junk.set('text', 42);
    junk.set('takenUp', 'yes');
    lot.set('q1', junk);
    lot.set('not an id!', new Y.Map());
    lot.set('q2', 'a string, not a map');
    expect(parkingLotSnapshot(doc)).toEqual([{ id: 'q1', text: '', takenUp: false, createdAt: 0, order: expect.any(String) }]);
  });

  it('is undone by Ctrl+Z like every edit of this laptop', () => {
    const doc = newWorkshop();
    const undo = createUndoHistory(doc);
    park(doc, 'Later');
    expect(undo.undo()).toBe(true);
    expect(parkingLotSnapshot(doc)).toEqual([]);
  });

  it('lets a table park and reword questions while the plenary is open, and leaves taking them up to the moderator', () => {
    const doc = newWorkshop();
    const as = (role: Role, seat: Seat) => workshopCommands(doc, { role: () => role, seat: () => seat }).parkingLot;
    const closed = as('table', { tableId: 't1', plenaryOpen: false });
    const open = as('table', { tableId: 't1', plenaryOpen: true });
    const refused = closed.add({ text: 'Frage' });
    expect(refused.ok ? null : refused.error.code).toBe('role.forbidden');
    const parked = open.add({ text: 'Frage' });
    if (!parked.ok) throw new Error(parked.error.code);
    expect(open.edit(parked.value.id, 'Frage?').ok).toBe(true);
    expect(closed.edit(parked.value.id, 'Anders').ok).toBe(false);
    for (const attempt of [open.takenUp(parked.value.id, true), open.remove(parked.value.id)]) {
      expect(attempt.ok ? null : attempt.error.code).toBe('role.forbidden');
    }
    const moderator = as('moderator', { tableId: null, plenaryOpen: false });
    expect(moderator.takenUp(parked.value.id, true).ok).toBe(true);
    expect(parkingLotSnapshot(doc)).toMatchObject([{ text: 'Frage?', takenUp: true }]);
  });
});

describe('the parking lot in a backup', () => {
  it('goes through export and import as it was', () => {
    const doc = newWorkshop();
    park(doc, 'Erste');
    const second = park(doc, 'Zweite');
    setParkedTakenUp(doc, second.id, true);
    const parsed = parseBackup(exportBackup(doc));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(workshopSnapshot(restoreBackup(parsed.value)).parkingLot).toEqual(parkingLotSnapshot(doc));
  });

  it('is empty for a backup written before it existed', () => {
    const file = JSON.parse(exportBackup(newWorkshop())) as { checksum?: string; workshop: Record<string, unknown> };
    delete file.checksum;
    delete file.workshop.parkingLot;
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.value.parkingLot).toEqual([]);
  });

  it('refuses a question longer than the app accepts, naming it', () => {
    const doc = newWorkshop();
    park(doc, 'kurz');
    const file = JSON.parse(exportBackup(doc)) as { checksum?: string; workshop: { parkingLot: Array<{ text: string }> } };
    delete file.checksum;
    const [question] = file.workshop.parkingLot;
    if (question) question.text = 'x'.repeat(PARKED_TEXT_MAX + 1);
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed.ok ? null : parsed.error.detail).toMatch(/^workshop\.parkingLot\[0\]\.text: /);
  });
});

describe('the parking lot in the minutes', () => {
  function minutesOf(language: 'de' | 'uk') {
    const doc = newWorkshop();
    park(doc, 'Wer finanziert *die* Brücke?');
    const done = park(doc, 'Zeitplan');
    setParkedTakenUp(doc, done.id, true);
    return buildMinutes(workshopSnapshot(doc), { language, timeZone: 'Europe/Berlin', now: 0 });
  }

  it('is a section of the Markdown, open questions unticked, taken up ones ticked', () => {
    const markdown = renderMarkdown(minutesOf('de'));
    expect(markdown).toContain('## Themenspeicher\n\n- [ ] Wer finanziert \\*die\\* Brücke?\n- [x] Zeitplan — *aufgegriffen*\n');
    expect(renderMarkdown(minutesOf('uk'))).toContain('## Відкладені питання');
  });

  it('is a section of the HTML and the DOCX', async () => {
    const minutes = minutesOf('de');
    expect(renderHtml(minutes)).toContain('<h2>Themenspeicher</h2>\n<ul class="parking-lot"><li>Wer finanziert *die* Brücke?</li><li>Zeitplan <span class="meta">— aufgegriffen</span></li></ul>');
    const docx = (await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(minutes)) })).value;
    expect(docx).toMatch(/Themenspeicher\s+Wer finanziert \*die\* Brücke\?\s+Zeitplan — aufgegriffen/);
  });

  it('is left out when nothing was parked', () => {
    const minutes = buildMinutes(workshopSnapshot(newWorkshop()), { language: 'de', timeZone: 'Europe/Berlin', now: 0 });
    expect(renderMarkdown(minutes)).not.toContain('Themenspeicher');
    expect(renderHtml(minutes)).not.toContain('Themenspeicher');
  });
});
