import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_DIR, nodeArgsFor, PEER_SCRIPTS } from '../support/peer-bundles';

describe('peer processes in a test run', () => {
  it('start from the bundles the global setup built, not through tsx', () => {
    for (const script of PEER_SCRIPTS) {
      const args = nodeArgsFor(script);
      expect(args, script).toHaveLength(1);
      expect(path.dirname(args[0] ?? ''), script).toBe(BUNDLE_DIR);
      expect(existsSync(args[0] ?? ''), script).toBe(true);
    }
    // As a test names it: an absolute path.
    expect(nodeArgsFor(path.resolve(PEER_SCRIPTS[0]))).toEqual(nodeArgsFor(PEER_SCRIPTS[0]));
  });

  it('leave the CLIs a person runs to tsx, as `npm run` starts them', () => {
    expect(nodeArgsFor('electron/services/minutes-cli.ts')).toEqual(['--import', 'tsx', 'electron/services/minutes-cli.ts']);
  });
});
