import { defineConfig } from 'vitest/config';
import { yjsAlias } from './vite.config.ts';

/**
 * Files that assert on real time (WebRTC and relays between processes, presence and glare timings,
 * latency under a flood, a worker keeping the main thread free) or start real processes that do:
 * they run one at a time, after the others, with the machine to themselves, as the whole suite did
 * before. On CI's 2 cores Vitest's default is one worker (CPUs − 1), so the other files ran one at
 * a time too; they run two at a time instead.
 */
const timed = [
  'tests/sync/**/*.test.ts',
  'tests/unit/signaling-abuse.test.ts',
  'tests/unit/signaling-server.test.ts',
  'tests/unit/signaling-phones.test.ts',
  'tests/unit/signaling-ywebrtc.test.ts',
  'tests/unit/signaling-cli.test.ts',
  'tests/unit/phone-transport.test.ts',
  'tests/unit/pdf-worker.test.ts',
];

export default defineConfig({
  resolve: { alias: yjsAlias, dedupe: ['yjs'] },
  test: {
    environment: 'node',
    allowOnly: false,
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: timed, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'timed', include: timed, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
