import { describe, expect, it } from 'vitest';
import { buildMinutes, renderHtml, renderMarkdown } from '../../shared/minutes';
import { PLENARY_BOARD_ID } from '../../shared/model';
import { seedDaySnapshot } from '../support/seed-day';

/*
 * A board far bigger than any day: 130,000 cards on the plenary. The minutes built from such a
 * board once overflowed the call stack (`out.push(...cards)` passes every card as an argument).
 * The snapshot is built directly: a Yjs document of that size would take longer than the test.
 * DOCX had the same fault and is fixed the same way, but packing 130,000 paragraphs takes most of
 * a minute, too long for this suite.
 */
const CARDS = 130_000;

function hugeBoard() {
  const snapshot = seedDaySnapshot();
  const base = snapshot.cards[0];
  if (!base) throw new Error('no card');
  snapshot.cards = Array.from({ length: CARDS }, (_, index) => ({
    ...base,
    id: `card-${index}`,
    boardId: PLENARY_BOARD_ID,
    groupId: null,
    order: `a${String(index).padStart(6, '0')}`,
    text: `Karte ${index}`,
  }));
  snapshot.groups = [];
  return buildMinutes(snapshot, { language: 'de', timeZone: 'Europe/Berlin', now: 0 });
}

describe('minutes of a board with 130,000 cards', () => {
  const minutes = hugeBoard();

  it('export as Markdown with every card', () => {
    const markdown = renderMarkdown(minutes);
    // Counts and booleans: a failure here must not print megabytes.
    expect(markdown.match(/^- Karte \d+ — /gm)?.length).toBe(CARDS);
    expect(markdown.includes(`- Karte ${CARDS - 1} — `)).toBe(true);
  }, 30_000);

  it('export as HTML with every card', () => {
    const html = renderHtml(minutes);
    expect(html.match(/<li>Karte \d+ </g)?.length).toBe(CARDS);
  }, 30_000);
});
