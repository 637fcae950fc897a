import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { yjsAlias } from './vite.config.ts';

/*
 * Vitest gives a 2-core machine one worker (cores − 1), so the unit files ran one after another:
 * 376 s in CI, most of it in files that wait on timers and sockets. The plain unit files now run two
 * at a time (or cores − 1 where there are more). The files that measure timing under load or run laptops in separate processes
 * (WebRTC) still run alone, after them: they would read a neighbour's CPU as their own slowness.
 */
const ALONE = [
  'tests/sync/**/*.test.ts',
  'tests/unit/signaling-abuse.test.ts',
  // Two y-webrtc laptops in Node processes of their own, with event timeouts.
  'tests/unit/signaling-ywebrtc.test.ts',
  // A wall-clock bound during a flood, and the main thread's ticks while a worker draws a PDF.
  'tests/unit/phone-transport.test.ts',
  'tests/unit/pdf-worker.test.ts',
];

/** Cores − 1 as Vitest's default, but at least two: a 2-core CI machine gets two, a bigger one keeps its own count. */
const UNIT_WORKERS = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  resolve: { alias: yjsAlias, dedupe: ['yjs'] },
  test: {
    environment: 'node',
    allowOnly: false,
    testTimeout: 30_000,
    globalSetup: ['tests/support/vitest-global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ALONE, maxWorkers: UNIT_WORKERS, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
