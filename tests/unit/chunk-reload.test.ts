import { describe, expect, it } from 'vitest';
import { reloadForMissingChunk } from '../../renderer/app/chunk-reload';

/** Session storage as a map, the reloads counted; `build` and whether a background preload runs are set per test. */
function setup(options: { build?: string; inBackground?: boolean } = {}) {
  const saved = new Map<string, string>();
  const storage = { getItem: (key: string) => saved.get(key) ?? null, setItem: (key: string, value: string) => void saved.set(key, value) };
  const deps = {
    storage,
    build: options.build ?? 'index-A.js',
    inBackground: () => options.inBackground ?? false,
    reload: () => void (deps.reloads += 1),
    reloads: 0,
  };
  return deps;
}

const failedChunk = () => new Event('vite:preloadError', { cancelable: true });

describe('a chunk that fails to load (a web host updated under an open tab)', () => {
  it('reloads the page once and cancels the error', () => {
    const deps = setup();
    const event = failedChunk();
    expect(reloadForMissingChunk(event, deps)).toBe(true);
    expect(deps.reloads).toBe(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('does not reload the same build again, however late: the error shows instead of a reload loop', () => {
    const deps = setup();
    reloadForMissingChunk(failedChunk(), deps);
    // The page after the reload runs the same build (session storage survives the reload).
    for (let i = 0; i < 3; i += 1) {
      const again = failedChunk();
      expect(reloadForMissingChunk(again, deps)).toBe(false);
      expect(again.defaultPrevented).toBe(false);
    }
    expect(deps.reloads).toBe(1);
  });

  it('reloads again for a later update of the host (the reload brought another build)', () => {
    const deps = setup();
    reloadForMissingChunk(failedChunk(), deps);
    deps.build = 'index-B.js';
    expect(reloadForMissingChunk(failedChunk(), deps)).toBe(true);
    expect(deps.reloads).toBe(2);
  });

  it('does not reload for a background preload: its failure is swallowed, the form being typed stays', () => {
    const deps = setup({ inBackground: true });
    const event = failedChunk();
    expect(reloadForMissingChunk(event, deps)).toBe(false);
    expect(event.defaultPrevented).toBe(false);
    expect(deps.reloads).toBe(0);
  });

  it('does not reload without session storage (disabled, or it throws): nothing would stop a reload loop', () => {
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    let reloads = 0;
    const deps = { build: 'index-A.js', inBackground: () => false, reload: () => void (reloads += 1) };
    expect(reloadForMissingChunk(failedChunk(), { ...deps, storage: throwing })).toBe(false);
    expect(reloadForMissingChunk(failedChunk(), { ...deps, storage: null })).toBe(false);
    expect(reloads).toBe(0);
  });
});
