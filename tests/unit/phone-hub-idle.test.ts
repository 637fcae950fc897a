import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPhoneHub } from '../../renderer/network/phone-hub';
import { addCard, PLENARY_BOARD_ID } from '../../shared/model';
import { phoneRoomFixture } from '../support/phone-room';

// The moderator's laptop runs the phone hub in every workshop, with or without phones. A push
// reads the whole document; with nobody to show it to, an edit must not schedule one (it ran
// right after every card, on the laptop that also has to pass the card on: docs/performance.md,
// issue 17). Views with phones: tests/unit/phone-transport.test.ts.

afterEach(() => {
  vi.useRealTimers();
});

describe('the phone hub without phones', () => {
  it('schedules no view push when the document changes', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fixture = phoneRoomFixture();
    fixture.openPlenary();
    const hub = startPhoneHub({ doc: fixture.doc, room: '5b0c7a52-3d0e-4f4f-9b1e-2a8f9c3d4e5f', secret: 'ABCD0EFGH1JK' });
    try {
      const before = vi.getTimerCount();
      for (let index = 0; index < 3; index += 1) expect(addCard(fixture.doc, { boardId: PLENARY_BOARD_ID, text: `Karte ${index}` }).ok).toBe(true);
      expect(vi.getTimerCount()).toBe(before);
    } finally {
      hub.destroy();
    }
  });
});
