import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardsSnapshot, LIMITS, PLENARY_BOARD_ID, workshopSnapshot } from '../../shared/model';
import {
  createPhoneGate,
  deviceKey,
  parsePhoneMessage,
  PHONE_MESSAGE_MAX_BYTES,
  PHONE_REFUSALS,
  phoneReplySchema,
  receivePhoneMessage,
} from '../../shared/phone';
import { phoneRoomFixture, T0 } from '../support/phone-room';
import { junkValue } from '../support/junk';
import { deriveSeed, seededRandom } from '../support/prng';

const DEVICE = '0f1e2d3c-4b5a-4969-8877-665544332211';
const frame = (command: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ v: 1, device: DEVICE, command, ...extra });
const codeOf = (raw: unknown) => {
  const result = parsePhoneMessage(raw);
  return result.ok ? 'ok' : result.error.code;
};

describe('reading what a phone sends', () => {
  it('reads every command of the protocol', () => {
    const commands = [
      { type: 'hello', id: 'a1' },
      { type: 'claim', id: 'a2', participantId: 'p-1' },
      { type: 'claimName', id: 'a3', name: 'Dana' },
      { type: 'addCard', id: 'a4', boardId: PLENARY_BOARD_ID, text: 'Idee', anonymous: true },
      { type: 'addCard', id: 'a5', boardId: PLENARY_BOARD_ID, text: 'Idee' },
      { type: 'editOwnCard', id: 'a6', cardId: 'c-1', text: 'Neu' },
      { type: 'deleteOwnCard', id: 'a7', cardId: 'c-1' },
      { type: 'vote', id: 'a8', roundId: 'r-1', targetId: 'c-1' },
      { type: 'unvote', id: 'a9', voteId: 'v-1' },
    ];
    for (const command of commands) expect(parsePhoneMessage(frame(command))).toEqual({ ok: true, value: { v: 1, device: DEVICE, command } });
  });

  it('refuses what is not exactly a command: junk, wrong types, unknown keys, commands a phone may not send', () => {
    const malformed: unknown[] = [
      undefined,
      42,
      { v: 1 },
      '',
      'not json',
      '{"v":1,',
      'null',
      '[]',
      '"hello"',
      frame({ type: 'hello' }),
      frame({ type: 'hello', id: '' }),
      frame({ type: 'hello', id: 'x'.repeat(65) }),
      frame({ type: 'hello', id: 'a b' }),
      JSON.stringify({ v: 2, device: DEVICE, command: { type: 'hello', id: 'a1' } }),
      JSON.stringify({ v: 1, device: 'short', command: { type: 'hello', id: 'a1' } }),
      JSON.stringify({ v: 1, device: 'x'.repeat(16) + '\n', command: { type: 'hello', id: 'a1' } }),
      JSON.stringify({ v: 1, command: { type: 'hello', id: 'a1' } }),
      frame({ type: 'addCard', id: 'a1', boardId: PLENARY_BOARD_ID, text: 42 }),
      frame({ type: 'addCard', id: 'a1', boardId: PLENARY_BOARD_ID, text: ['Idee'] }),
      frame({ type: 'addCard', id: 'a1', boardId: PLENARY_BOARD_ID, text: 'Idee', anonymous: 'yes' }),
      frame({ type: 'addCard', id: 'a1', boardId: 'a/b', text: 'Idee' }),
      frame({ type: 'addCard', id: 'a1', boardId: PLENARY_BOARD_ID, text: 'Idee', authorId: 'someone-else' }),
      frame({ type: 'addCard', id: 'a1', boardId: PLENARY_BOARD_ID, text: 'Idee' }, { extra: true }),
      frame({ type: 'vote', id: 'a1', roundId: 'r-1', targetId: 'c-1', count: 5 }),
      frame({ type: 'vote', id: 'a1', roundId: 'r-1' }),
      frame({ type: 'closeRound', id: 'a1', roundId: 'r-1' }),
      frame({ type: 'endVote', id: 'a1' }),
      frame({ type: 'updateAgendaItem', id: 'a1', itemId: 'i-1', title: 'x' }),
      frame({ type: 'editCard', id: 'a1', cardId: 'c-1', text: 'x' }),
      // Prototype pollution: an own "__proto__" key is an unknown key, and no object's prototype changes.
      `{"v":1,"device":"${DEVICE}","command":{"type":"hello","id":"a1","__proto__":{"polluted":true}}}`,
      `{"v":1,"device":"${DEVICE}","__proto__":{"polluted":true},"command":{"type":"hello","id":"a1"}}`,
      `{"v":1,"device":"${DEVICE}","command":{"type":"addCard","id":"a1","boardId":"plenary","text":"x","constructor":{"prototype":{"polluted":true}}}}`,
    ];
    for (const raw of malformed) expect([String(raw).slice(0, 80), codeOf(raw)]).toEqual([String(raw).slice(0, 80), 'malformed']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('names a refused command by its id where it can be read, so the phone knows which one', () => {
    const result = parsePhoneMessage(frame({ type: 'vote', id: 'a7', roundId: 'r-1' }));
    expect(result).toEqual({ ok: false, error: { code: 'malformed', commandId: 'a7' } });
  });

  it('refuses an oversized text as too long, and an oversized message before reading it', () => {
    const long = frame({ type: 'addCard', id: 'a1', boardId: PLENARY_BOARD_ID, text: 'x'.repeat(LIMITS.cardTextMax + 1) });
    expect(parsePhoneMessage(long)).toEqual({ ok: false, error: { code: 'tooLong', params: { max: LIMITS.cardTextMax }, commandId: 'a1' } });
    const edit = frame({ type: 'editOwnCard', id: 'a2', cardId: 'c-1', text: 'x'.repeat(LIMITS.cardTextMax + 1) });
    expect(codeOf(edit)).toBe('tooLong');
    // Multi-byte characters count as bytes: under the limit in characters, over it in bytes.
    const wide = frame({ type: 'addCard', id: 'a3', boardId: PLENARY_BOARD_ID, text: '🙂'.repeat(PHONE_MESSAGE_MAX_BYTES / 4) });
    expect(wide.length).toBeLessThan(PHONE_MESSAGE_MAX_BYTES);
    expect(codeOf(wide)).toBe('tooLarge');
    expect(codeOf('x'.repeat(PHONE_MESSAGE_MAX_BYTES + 1))).toBe('tooLarge');
    // The largest card a laptop keeps still fits a message.
    const largest = frame({ type: 'addCard', id: 'a4', boardId: PLENARY_BOARD_ID, text: 'x'.repeat(LIMITS.cardTextMax) });
    expect(codeOf(largest)).toBe('ok');
    expect(codeOf(frame({ type: 'claimName', id: 'a5', name: 'x'.repeat(LIMITS.titleMax * 2 + 1) }))).toBe('invalidName');
  });

  it('hashes the device id: the document never holds the id a phone proves itself with', () => {
    expect(deviceKey(DEVICE)).toMatch(/^[0-9a-f]{32}$/);
    expect(deviceKey(DEVICE)).not.toContain(DEVICE.replace(/-/g, '').slice(0, 8));
    expect(deviceKey(DEVICE)).not.toBe(deviceKey(DEVICE.replace('0f', '0e')));
  });
});

describe('a hostile phone at the moderator’s laptop', () => {
  it('changes nothing with junk, forbidden or foreign commands, and every answer is a valid reply', () => {
    const room = phoneRoomFixture();
    room.openPlenary();
    const gate = createPhoneGate();
    const good = room.phone('1111111111111111');
    good.send({ type: 'claim', participantId: room.anna.id });
    const added = good.send({ type: 'addCard', boardId: PLENARY_BOARD_ID, text: 'Annas Idee' });
    const annaCard = added.ok ? (added.value.cardId ?? '') : '';
    const hostile = '2222222222222222';
    receivePhoneMessage(room.doc, gate, JSON.stringify({ v: 1, device: hostile, command: { type: 'claim', id: 'h0', participantId: room.anna.id, samePerson: true } }), T0);
    const before = JSON.stringify(workshopSnapshot(room.doc));
    const random = seededRandom(deriveSeed(20_261_205, 'phone-junk', 0));
    const frames: unknown[] = [
      JSON.stringify({ v: 1, device: hostile, command: { type: 'deleteOwnCard', id: 'h1', cardId: annaCard } }),
      JSON.stringify({ v: 1, device: hostile, command: { type: 'editOwnCard', id: 'h2', cardId: annaCard, text: 'gekapert' } }),
      JSON.stringify({ v: 1, device: hostile, command: { type: 'closeRound', id: 'h3' } }),
      JSON.stringify({ v: 1, device: hostile, command: { type: 'addCard', id: 'h4', boardId: PLENARY_BOARD_ID, text: 'x'.repeat(LIMITS.cardTextMax + 1) } }),
      JSON.stringify({ v: 1, device: hostile, command: { type: 'addCard', id: 'h5', boardId: room.tableB.id, text: 'fremd' } }),
      JSON.stringify({ v: 1, device: hostile, command: { type: 'vote', id: 'h6', roundId: 'no-round', targetId: annaCard } }),
      JSON.stringify({ v: 1, device: hostile, command: { type: 'claim', id: 'h7', participantId: 'nobody' } }),
      ...Array.from({ length: 600 }, (_, index) => {
        // Commands of every kind with junk in their fields; a board it may write on is never among them.
        const type = ['addCard', 'editOwnCard', 'deleteOwnCard', 'vote', 'unvote', 'claim'][index % 6];
        const board = junkValue(random);
        const fields: Record<string, unknown> = { text: junkValue(random), cardId: random() < 0.5 ? annaCard : junkValue(random), roundId: junkValue(random), targetId: junkValue(random), voteId: junkValue(random), participantId: junkValue(random), boardId: board === PLENARY_BOARD_ID ? room.tableB.id : board };
        // Some fields left out, as a broken page would.
        const kept = Object.entries(fields).filter(() => random() >= 0.3);
        return JSON.stringify({ v: 1, device: hostile, command: { type, id: `hj${index}`, ...Object.fromEntries(kept) } });
      }),
      ...Array.from({ length: 300 }, () => JSON.stringify(junkValue(random))),
      ...Array.from({ length: 100 }, () => junkValue(random)),
    ];
    let now = T0;
    const codes = new Set<string>();
    for (const raw of frames) {
      now += 1000; // slow enough that the rate gate lets every frame through to the checks
      const reply = receivePhoneMessage(room.doc, gate, raw, now);
      if (reply !== null) {
        expect(phoneReplySchema.safeParse(reply).success).toBe(true);
        expect(reply.type).toBe('refused');
        if (reply.type === 'refused') codes.add(reply.code);
      }
    }
    // The frames reached every kind of check, not only the parser.
    expect([...codes].sort()).toEqual(expect.arrayContaining(['boardClosed', 'malformed', 'notFound', 'notYourCard', 'roundClosed', 'tooLong']));
    expect(JSON.stringify(workshopSnapshot(room.doc))).toBe(before);
    // And the honest phone goes on.
    expect(good.send({ type: 'editOwnCard', cardId: annaCard, text: 'Annas zweite Idee' }).ok).toBe(true);
    expect(cardsSnapshot(room.doc).map((card) => card.text)).toEqual(['Annas zweite Idee']);
  });
});

describe('the phone page’s words for a refusal', () => {
  it('has a text for every refusal code in German, English and Ukrainian, with the placeholders its params fill', () => {
    const params: Partial<Record<string, string[]>> = { tooLarge: ['maxKb'], tooLong: ['max'], overBudget: ['budget'] };
    for (const language of ['de', 'en', 'uk']) {
      const texts = (JSON.parse(readFileSync(`shared/i18n/locales/${language}/phone.json`, 'utf8')) as { phone: { refused: Record<string, string> } }).phone.refused;
      expect(Object.keys(texts).sort(), language).toEqual([...PHONE_REFUSALS].sort());
      for (const code of PHONE_REFUSALS) {
        // Each once, however often the text uses it ("1 of 1").
        const placeholders = [...new Set([...(texts[code] ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]))];
        expect([language, code, placeholders]).toEqual([language, code, params[code] ?? []]);
      }
    }
  });
});
