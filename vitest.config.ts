import { defineConfig } from 'vitest/config';
import { yjsAlias } from './vite.config.ts';

export default defineConfig({
  resolve: { alias: yjsAlias, dedupe: ['yjs'] },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    environment: 'node',
    allowOnly: false,
    testTimeout: 30_000,
  },
});
