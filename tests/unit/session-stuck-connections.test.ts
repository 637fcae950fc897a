import { describe, expect, it } from 'vitest';
import { FIRST_WAIT_MS, MAX_WAIT_MS, watchStuckConnections, type OpeningConnection } from '../../renderer/session/stuck-connections';

function conn(state: Partial<OpeningConnection> = {}): OpeningConnection & { destroyed: number } {
  const made = {
    connected: false,
    closed: false,
    destroyed: 0,
    destroy() {
      made.destroyed += 1;
      made.closed = true;
    },
    ...state,
  };
  return made;
}

describe('connections stuck while opening', () => {
  it('are closed once they have been opening for FIRST_WAIT_MS since first seen, open and closed ones never', () => {
    const watch = watchStuckConnections();
    const stuck = conn();
    const open = conn({ connected: true });
    const gone = conn({ closed: true });
    const conns = new Map([
      ['a', stuck],
      ['b', open],
      ['c', gone],
    ]);
    expect(watch.check(conns, 1000)).toEqual([]);
    expect(watch.check(conns, 1000 + FIRST_WAIT_MS - 1)).toEqual([]);
    expect(watch.check(conns, 1000 + FIRST_WAIT_MS)).toEqual(['a']);
    expect(stuck.destroyed).toBe(1);
    expect(watch.check(conns, 1000 + 10 * FIRST_WAIT_MS)).toEqual([]);
    expect([open.destroyed, gone.destroyed]).toEqual([0, 0]);
  });

  it('wait twice as long for each further try to the same laptop, up to MAX_WAIT_MS, and start over once one opened', () => {
    const watch = watchStuckConnections();
    const waitedFor = (now: number): number => {
      const attempt = conn();
      const conns = new Map([['a', attempt]]);
      watch.check(conns, now);
      let t = now;
      while (attempt.destroyed === 0) {
        t += 1000;
        watch.check(conns, t);
      }
      return t - now;
    };
    const waits = [0, 1, 2, 3, 4, 5].map((index) => waitedFor(index * 1_000_000));
    expect(waits).toEqual([FIRST_WAIT_MS, 2 * FIRST_WAIT_MS, 4 * FIRST_WAIT_MS, 8 * FIRST_WAIT_MS, MAX_WAIT_MS, MAX_WAIT_MS]);
    watch.check(new Map([['a', conn({ connected: true })]]), 10_000_000);
    expect(waitedFor(20_000_000)).toBe(FIRST_WAIT_MS);
  });

  it('counts tries per laptop', () => {
    const watch = watchStuckConnections();
    const first = conn();
    watch.check(new Map([['a', first]]), 0);
    watch.check(new Map([['a', first]]), FIRST_WAIT_MS);
    const other = conn();
    watch.check(new Map([['b', other]]), FIRST_WAIT_MS);
    expect(watch.check(new Map([['b', other]]), 2 * FIRST_WAIT_MS)).toEqual(['b']);
  });
});
