// `npm test`: typecheck, lint, build, unit tests, end-to-end tests, in that order, stopping at the
// first failure; then one closing line with the counts of both test runners. Before all that, a
// Node it runs on and a Chromium for the tests that need one (found, else installed, else a message
// naming the command to run; see find-browser.mjs): a fresh clone needs nothing but `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { setUpBrowserHere } from './find-browser.mjs';
import { TEST_NODE, requireNode } from './node-support.mjs';

requireNode('npm test', TEST_NODE);
const browser = setUpBrowserHere();
if (!browser.ok) {
  console.error(`\n${browser.message}`);
  process.exit(1);
}
console.log(`Chromium for the tests: ${browser.browser.path} (${browser.installed ? `just installed: ${browser.installed}` : browser.browser.source})`);

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  // The production build `npm start` and `npm run dist` use; the packaging test checks what it produced.
  ['build', 'npm', ['run', '--silent', 'build']],
  ['unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']],
  ['end-to-end tests', 'npx', ['playwright', 'test']],
];

mkdirSync('test-results', { recursive: true });
for (const file of ['test-results/unit.json', 'test-results/e2e.json']) rmSync(file, { force: true });

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

function counts() {
  const unit = readJson('test-results/unit.json');
  const e2e = readJson('test-results/e2e.json');
  const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
  const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
  const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
  return { passed, failed, skipped };
}

for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (result.status !== 0) {
    const { passed, failed, skipped } = counts();
    console.log(`\n${passed} passed, ${Math.max(failed, 1)} failed, ${skipped} skipped`);
    process.exit(result.status ?? 1);
  }
}

const { passed, failed, skipped } = counts();
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
