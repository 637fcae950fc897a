// Which Node runs which part of the toolchain. package.json `engines` is the range every dependency
// supports (Electron 45 and its downloader, electron-builder's @electron/rebuild: 22.12+; ESLint:
// 22.13+ on the 22 line); tests/unit/packaging.test.ts keeps it equal to what the lock file declares.
// The test toolchain alone (Vite 8, Vitest 4, ESLint 10, Playwright) still runs on Node 20.19+,
// which CI and older machines use, so `npm test` asks only for that.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Node versions `npm start` and `npm run dist` run on: package.json engines. */
export const APP_NODE = packageJson.engines.node;

/** Node versions `npm test` runs on: Vite 8, rolldown and ESLint 10 need 20.19 on the 20 line. */
export const TEST_NODE = `^20.19.0 || ${APP_NODE}`;

/** [major, minor, patch] of "22", "22.13", "v22.13.0"; missing parts are 0. */
function parseVersion(text) {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a Node version: ${text}`);
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function compare(a, b) {
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * Whether a Node version is in an engines range made of `^x.y.z` and `>=x.y.z` alternatives joined
 * by `||`, the only forms package.json uses (a script must not depend on a package npm may not hoist).
 */
export function inNodeRange(version, range) {
  const v = parseVersion(version);
  return range.split('||').some((alternative) => {
    const match = /^\s*(\^|>=\s*)([\d.]+)\s*$/.exec(alternative);
    if (!match) throw new Error(`unsupported engines range: ${range}`);
    const floor = parseVersion(match[2]);
    return compare(v, floor) >= 0 && (match[1] !== '^' || v[0] === floor[0]);
  });
}

/**
 * null when `version` is in `range`; else the message that says so and what to do.
 * @param {string} what the command that needs the range, as the user typed it
 * @param {string} range
 * @param {string} version a Node version as process.version writes it
 */
export function nodeVersionProblem(what, range, version) {
  if (inNodeRange(version, range)) return null;
  return (
    `${what} needs Node ${range}; this is Node ${version}.\n` +
    'Install a current Node LTS (https://nodejs.org/, or `nvm install --lts`) and run it again.'
  );
}

/** Exits with the message when this Node is outside `range`. */
export function requireNode(what, range) {
  const problem = nodeVersionProblem(what, range, process.version);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

// `node scripts/node-support.mjs dist`: the check in front of `npm run dist`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] === 'dist' ? 'npm run dist' : 'npm start';
  requireNode(what, APP_NODE);
}
