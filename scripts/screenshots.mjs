// `npm run screenshots`: every screen with the seed day at 1366×768 and 1920×1080, in German and
// Ukrainian, light and dark, into test-results/screenshots/ (tests/e2e/screenshots.spec.ts), for a
// person to look at before a release. Not part of `npm test`: it checks nothing axe does not.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['playwright', 'test', 'tests/e2e/screenshots.spec.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PLENUM_SCREENSHOTS: '1' },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
