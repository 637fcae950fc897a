// `npm test`: typecheck, lint, build, unit tests, end-to-end tests, in that order, stopping at the
// first failure (typecheck and lint run side by side, each on its own core, and print in turn);
// then one closing line with the counts of both test runners. Before all that, a
// Node it runs on and a Chromium for the tests that need one (found, else installed, else a message
// naming the command to run; see find-browser.mjs): a fresh clone needs nothing but `npm install`.
import { spawn, spawnSync } from 'node:child_process';
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

// Steps in one inner list run at the same time. Typecheck and lint are single-threaded and read
// only the sources: side by side they take about the longer one's time instead of both (in CI
// 27.6 s and 21.7 s one after the other; not yet timed side by side there).
const steps = [
  [
    ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
    ['lint', 'npm', ['run', '--silent', 'lint']],
  ],
  // The production build `npm start` and `npm run dist` use; the packaging test checks what it produced.
  [['build', 'npm', ['run', '--silent', 'build']]],
  [['unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']]],
  [['end-to-end tests', 'npx', ['playwright', 'test']]],
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

const took = (started, ended = Date.now()) => `${((ended - started) / 1000).toFixed(1)} s`;

/** One step alone: its output as it comes. */
function runAlone([name, command, args]) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${took(started)} ===`);
  return result.status ?? 1;
}

/** Steps side by side: each one's output kept whole and printed in the listed order once all have ended. */
async function runTogether(group) {
  const started = Date.now();
  const results = await Promise.all(
    group.map(
      ([name, command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
          child.on('close', (status) => resolve({ name, status: status ?? 1, output: Buffer.concat(output), ended: Date.now() }));
        }),
    ),
  );
  for (const { name, status, output, ended } of results) {
    console.log(`\n=== ${name} ===`);
    process.stdout.write(output);
    const others = group.filter((other) => other[0] !== name).map((other) => other[0]).join(', ');
    console.log(`=== ${name}: ${status === 0 ? 'ok' : 'FAILED'} in ${took(started, ended)} (beside ${others}) ===`);
  }
  return results.find((result) => result.status !== 0)?.status ?? 0;
}

// Exits once stdout has taken everything: where pipes are asynchronous (macOS, `npm test | tee`),
// an exit right after writing a step's collected output could cut it short.
const exitWith = (code) => process.stdout.write('', () => process.exit(code));
let stepFailed = 0;
for (const group of steps) {
  stepFailed = group.length === 1 ? runAlone(group[0]) : await runTogether(group);
  if (stepFailed !== 0) break;
}

const { passed, failed, skipped } = counts();
if (stepFailed !== 0) {
  console.log(`\n${passed} passed, ${Math.max(failed, 1)} failed, ${skipped} skipped`);
  exitWith(stepFailed);
} else {
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  exitWith(failed > 0 || passed === 0 ? 1 : 0);
}
