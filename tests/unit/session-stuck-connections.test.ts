import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS } from '../../renderer/network/presence';
import { FIRST_WAIT_MS, JITTER, MAX_WAIT_MS, SILENT_MS, STALE_ON_ANNOUNCE_MS, watchStuckConnections, type OpeningConnection } from '../../renderer/network/stuck-connections';

/** A made-up y-webrtc connection: `receive()` is data arriving on it. */
function conn(state: { connected?: boolean; closed?: boolean } = {}) {
  const listeners: Array<() => void> = [];
  const made: OpeningConnection & { destroyed: number; receive(): void } = {
    connected: state.connected ?? false,
    closed: state.closed ?? false,
    destroyed: 0,
    peer: {
      on: (_event: 'data', listener: () => void) => listeners.push(listener),
    },
    destroy() {
      made.destroyed += 1;
      made.closed = true;
    },
    receive: () => listeners.forEach((listener) => listener()),
  };
  return made;
}

/** No jitter: random() = 0.5 stretches a wait by 0. */
const middle = () => 0.5;

describe('connections that do not carry data', () => {
  it('are closed once they have been watched for FIRST_WAIT_MS without data, whether open or not; closed ones are left alone', () => {
    const watch = watchStuckConnections(middle);
    const opening = conn();
    const deaf = conn({ connected: true });
    const gone = conn({ closed: true });
    const conns = new Map([
      ['a', opening],
      ['b', deaf],
      ['c', gone],
    ]);
    watch.track('a', opening, 1000);
    watch.track('b', deaf, 1000);
    expect(watch.check(conns, 1000 + FIRST_WAIT_MS - 1)).toEqual([]);
    expect(watch.check(conns, 1000 + FIRST_WAIT_MS)).toEqual(['a', 'b']);
    expect([opening.destroyed, deaf.destroyed, gone.destroyed]).toEqual([1, 1, 0]);
  });

  it('are kept once data came through, also data that arrived before the first check, as long as data keeps coming', () => {
    let now = 0;
    const watch = watchStuckConnections(middle, () => now);
    const working = conn();
    watch.track('a', working, 0);
    working.connected = true;
    working.receive();
    // Each laptop renews its presence every HEARTBEAT_MS: that is the data of an idle room.
    for (now = HEARTBEAT_MS; now <= 100 * FIRST_WAIT_MS; now += HEARTBEAT_MS) {
      expect(watch.check(new Map([['a', working]]), now)).toEqual([]);
      working.receive();
    }
    expect(working.destroyed).toBe(0);
  });

  it('that carried data and then fell silent for SILENT_MS are closed: the other laptop vanished', () => {
    let now = 0;
    const watch = watchStuckConnections(middle, () => now);
    const vanished = conn({ connected: true });
    const conns = new Map([['a', vanished]]);
    watch.track('a', vanished, 0);
    now = 3000;
    vanished.receive();
    expect(watch.silentFor(vanished, 3000 + SILENT_MS - 1)).toBe(SILENT_MS - 1);
    expect(watch.check(conns, 3000 + SILENT_MS - 1)).toEqual([]);
    expect(watch.check(conns, 3000 + SILENT_MS)).toEqual(['a']);
    expect(vanished.destroyed).toBe(1);
  });

  it('that nobody tracked are watched from the first check on', () => {
    const watch = watchStuckConnections(middle);
    const late = conn();
    const conns = new Map([['a', late]]);
    expect(watch.check(conns, 5000)).toEqual([]);
    expect(watch.check(conns, 5000 + FIRST_WAIT_MS - 1)).toEqual([]);
    expect(watch.check(conns, 5000 + FIRST_WAIT_MS)).toEqual(['a']);
  });

  it('wait twice as long for each further try to the same laptop, up to MAX_WAIT_MS, and start over once one carried data or after a reset', () => {
    const watch = watchStuckConnections(middle);
    const waitedFor = (now: number): number => {
      const attempt = conn();
      watch.track('a', attempt, now);
      const conns = new Map([['a', attempt]]);
      let t = now;
      while (attempt.destroyed === 0) {
        t += 1000;
        watch.check(conns, t);
      }
      return t - now;
    };
    const waits = [0, 1, 2, 3, 4, 5].map((index) => waitedFor(index * 1_000_000));
    expect(waits).toEqual([FIRST_WAIT_MS, 2 * FIRST_WAIT_MS, 4 * FIRST_WAIT_MS, 8 * FIRST_WAIT_MS, MAX_WAIT_MS, MAX_WAIT_MS]);
    const working = conn({ connected: true });
    watch.track('a', working, 10_000_000);
    working.receive();
    watch.check(new Map([['a', working]]), 10_000_001);
    expect(waitedFor(20_000_000)).toBe(FIRST_WAIT_MS);
    expect(waitedFor(30_000_000)).toBe(2 * FIRST_WAIT_MS);
    watch.reset();
    expect(waitedFor(40_000_000)).toBe(FIRST_WAIT_MS);
  });

  it('whose peer was swapped for a fresh one (fresh-answer.ts) are watched afresh, without a try counted, and its data still counts', () => {
    let now = 0;
    const watch = watchStuckConnections(middle, () => now);
    const answering = conn();
    const conns = new Map([['a', answering]]);
    watch.track('a', answering, 0);
    // The swap comes just before the first wait ran out: the fresh peer gets a whole wait of its own.
    now = FIRST_WAIT_MS - 100;
    watch.restart(answering, now);
    expect(watch.check(conns, FIRST_WAIT_MS + 100)).toEqual([]);
    expect(watch.check(conns, now + FIRST_WAIT_MS - 1)).toEqual([]);
    // Nothing came: closed after that wait, and the next try waits twice as long (the swap counted none).
    expect(watch.check(conns, now + FIRST_WAIT_MS)).toEqual(['a']);
    const next = conn();
    watch.track('a', next, 100_000);
    expect(watch.check(new Map([['a', next]]), 100_000 + 2 * FIRST_WAIT_MS - 1)).toEqual([]);

    // An open connection that carried data, swapped: silent from the swap on, not from its old peer's last message.
    const open = conn({ connected: true });
    watch.track('b', open, 200_000);
    now = 200_000;
    open.receive();
    now = 200_000 + SILENT_MS - 10;
    watch.restart(open, now);
    expect(watch.silentFor(open, now + 10)).toBe(10);
    now += 500;
    open.receive();
    expect(watch.check(new Map([['b', open]]), now + SILENT_MS - 1)).toEqual([]);
  });

  it('count tries per laptop', () => {
    const watch = watchStuckConnections(middle);
    const first = conn();
    watch.track('a', first, 0);
    watch.check(new Map([['a', first]]), FIRST_WAIT_MS);
    const other = conn();
    watch.track('b', other, FIRST_WAIT_MS);
    expect(watch.check(new Map([['b', other]]), 2 * FIRST_WAIT_MS)).toEqual(['b']);
  });

  it('are randomised by up to ±JITTER, so two laptops stuck together do not retry together', () => {
    const waitWith = (random: number) => {
      const watch = watchStuckConnections(() => random);
      const stuck = conn();
      watch.track('a', stuck, 0);
      const conns = new Map([['a', stuck]]);
      let t = 0;
      while (stuck.destroyed === 0) watch.check(conns, (t += 100));
      return t;
    };
    expect(waitWith(0)).toBe(FIRST_WAIT_MS * (1 - JITTER));
    expect(waitWith(0.999)).toBeCloseTo(FIRST_WAIT_MS * (1 + JITTER), -2);
  });
});

describe('a laptop that started over while a connection to it is still opening here', () => {
  it('has that connection closed once it has been opening for the given time, without a try counted', () => {
    // The moderator's connection to a table that went offline while the two were still connecting:
    // it never opens, and y-webrtc would ignore the table's announcement when it is back.
    const watch = watchStuckConnections(middle);
    const leftOver = conn();
    watch.track('table', leftOver, 1000);
    expect(watch.startedOver('table', leftOver, 1000 + STALE_ON_ANNOUNCE_MS - 1, STALE_ON_ANNOUNCE_MS)).toBe(false);
    expect(leftOver.destroyed).toBe(0);
    expect(watch.startedOver('table', leftOver, 1000 + STALE_ON_ANNOUNCE_MS, STALE_ON_ANNOUNCE_MS)).toBe(true);
    expect(leftOver.destroyed).toBe(1);
    // Not a try: the next connection to it gets the first wait.
    const next = conn();
    watch.track('table', next, 50_000);
    expect(watch.check(new Map([['table', next]]), 50_000 + FIRST_WAIT_MS - 1)).toEqual([]);
    expect(watch.check(new Map([['table', next]]), 50_000 + FIRST_WAIT_MS)).toEqual(['table']);
  });

  it('after a goodbye (no time at all) also a connection made a moment ago', () => {
    const watch = watchStuckConnections(middle);
    const opening = conn();
    watch.track('table', opening, 1000);
    expect(watch.startedOver('table', opening, 1000, 0)).toBe(true);
    expect(opening.destroyed).toBe(1);
  });

  it('an announcement does not close a connection opening for less than half the first wait: slow is not gone', () => {
    expect(STALE_ON_ANNOUNCE_MS).toBe(FIRST_WAIT_MS / 2);
    const watch = watchStuckConnections(middle);
    const slow = conn();
    watch.track('a', slow, 0);
    expect(watch.startedOver('a', slow, 2000, STALE_ON_ANNOUNCE_MS)).toBe(false);
    expect(slow.destroyed).toBe(0);
  });

  it('leaves open connections, connections that carried data, closed ones, untracked ones and those of other laptops alone', () => {
    const watch = watchStuckConnections(middle);
    const late = 1000 + 10 * STALE_ON_ANNOUNCE_MS;
    const open = conn({ connected: true });
    const carried = conn();
    const closed = conn({ closed: true });
    const untracked = conn();
    const other = conn();
    watch.track('a', open, 1000);
    watch.track('b', carried, 1000);
    carried.receive();
    watch.track('c', closed, 1000);
    watch.track('d', other, 1000);
    for (const [id, made] of [['a', open], ['b', carried], ['c', closed], ['e', untracked], ['e', other], ['e', undefined]] as const) {
      expect(watch.startedOver(id, made, late, 0)).toBe(false);
    }
    expect([open, carried, closed, untracked, other].map((made) => made.destroyed)).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts a swapped peer (fresh-answer.ts) from its swap: a fresh answer is not left over', () => {
    const watch = watchStuckConnections(middle);
    const answering = conn();
    watch.track('a', answering, 0);
    watch.restart(answering, 5000);
    expect(watch.startedOver('a', answering, 5000 + STALE_ON_ANNOUNCE_MS - 1, STALE_ON_ANNOUNCE_MS)).toBe(false);
    expect(watch.startedOver('a', answering, 5000 + STALE_ON_ANNOUNCE_MS, STALE_ON_ANNOUNCE_MS)).toBe(true);
  });
});
