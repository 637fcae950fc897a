import { describe, expect, it } from 'vitest';
import { RELOAD_AGAIN_AFTER_MS, reloadForMissingChunk } from '../../renderer/app/chunk-reload';

/** Session storage as a map, the reloads counted. */
function setup(now: () => number) {
  const saved = new Map<string, string>();
  const storage = { getItem: (key: string) => saved.get(key) ?? null, setItem: (key: string, value: string) => void saved.set(key, value) };
  const deps = { storage, reload: () => void (deps.reloads += 1), now, reloads: 0 };
  return deps;
}

const failedChunk = () => new Event('vite:preloadError', { cancelable: true });

describe('a chunk that fails to load (a web host updated under an open tab)', () => {
  it('reloads the page once and cancels the error', () => {
    const deps = setup(() => 1_000_000);
    const event = failedChunk();
    expect(reloadForMissingChunk(event, deps)).toBe(true);
    expect(deps.reloads).toBe(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('does not reload again right after its reload: the error shows instead of a reload loop', () => {
    let now = 1_000_000;
    const deps = setup(() => now);
    reloadForMissingChunk(failedChunk(), deps);
    now += RELOAD_AGAIN_AFTER_MS - 1;
    const again = failedChunk();
    expect(reloadForMissingChunk(again, deps)).toBe(false);
    expect(deps.reloads).toBe(1);
    expect(again.defaultPrevented).toBe(false);
  });

  it('reloads again for a later update of the host', () => {
    let now = 1_000_000;
    const deps = setup(() => now);
    reloadForMissingChunk(failedChunk(), deps);
    now += RELOAD_AGAIN_AFTER_MS;
    expect(reloadForMissingChunk(failedChunk(), deps)).toBe(true);
    expect(deps.reloads).toBe(2);
  });

  it('reloads without session storage (disabled, or it throws)', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    let reloads = 0;
    expect(reloadForMissingChunk(failedChunk(), { storage: throwing, reload: () => void (reloads += 1), now: () => 5 })).toBe(true);
    expect(reloadForMissingChunk(failedChunk(), { storage: null, reload: () => void (reloads += 1), now: () => 5 })).toBe(true);
    expect(reloads).toBe(2);
  });
});
