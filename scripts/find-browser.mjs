// The one place that decides which Chromium the tests and the benchmarks
// use (playwright.config.ts, electron/services/chromium-path.ts, scripts/test-all.mjs), and what
// `npm test` does on a machine that has none. Plain Node, no TypeScript: test-all runs it before
// anything is built. Every outside effect (files, commands, the OS) comes in as a parameter, so
// tests/unit/find-browser.test.ts can check each decision without touching the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/**
 * System browsers, in the order tried. 'print' puts Debian's headless shell first: the lean headless
 * Chromium Playwright prefers too, which prints a long PDF in about two thirds of the full
 * browser's time. 'full' (the end-to-end tests, as before) tries it last.
 * @param {'full' | 'print'} prefer
 * @param {string} platform
 * @param {Record<string, string | undefined>} env
 */
export function systemCandidates(prefer, platform, env) {
  if (platform === 'darwin') {
    return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];
  }
  if (platform === 'win32') {
    return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
      .filter((dir) => typeof dir === 'string' && dir !== '')
      .map((dir) => `${dir}\\Google\\Chrome\\Application\\chrome.exe`);
  }
  const full = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];
  const shell = '/usr/bin/chromium-headless-shell';
  return prefer === 'print' ? [shell, ...full] : [...full, shell];
}

/** Where Playwright keeps its own Chromium (~/.cache/ms-playwright), whether it is there or not. */
function playwrightChromium() {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * @typedef {{ path: string, source: 'CHROMIUM_PATH' | 'system' | 'playwright' }} FoundBrowser
 * @typedef {{ prefer?: 'full' | 'print', env?: Record<string, string | undefined>, platform?: string,
 *   exists?: (file: string) => boolean, playwrightPath?: () => string | undefined }} FindOptions
 */

/**
 * CHROMIUM_PATH when set (as given, even if wrong: the user asked for it), else the first system
 * browser that exists, else Playwright's own when it is installed, else null.
 * @param {FindOptions} [options]
 * @returns {FoundBrowser | null}
 */
export function findBrowser(options = {}) {
  const { prefer = 'full', env = process.env, platform = process.platform, exists = existsSync, playwrightPath = playwrightChromium } = options;
  if (env.CHROMIUM_PATH) return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  const system = systemCandidates(prefer, platform, env).find((candidate) => exists(candidate));
  if (system) return { path: system, source: 'system' };
  const own = playwrightPath();
  return own && exists(own) ? { path: own, source: 'playwright' } : null;
}

/** Whether /etc/os-release (its text) names Debian, Ubuntu or a derivative. */
export function isDebianLike(osRelease) {
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease ?? '');
}

/**
 * @typedef {{ find: () => FoundBrowser | null, exists: (file: string) => boolean,
 *   run: (command: string, args: string[]) => number, log: (line: string) => void,
 *   platform: string, isRoot: boolean, debianLike: boolean }} SetupDeps
 * @typedef {{ ok: true, browser: FoundBrowser, installed: string | null } | { ok: false, message: string }} SetupResult
 */

/**
 * What `npm test` does before anything else: use the browser there is; else get one, Debian's
 * package where it may (root on Debian or Ubuntu, as .ci/run does; it brings the libraries
 * Chromium needs), Playwright's download otherwise (and where apt failed); else a message that
 * names the one command to run.
 * @param {SetupDeps} deps
 * @returns {SetupResult}
 */
export function setUpBrowser(deps) {
  const found = deps.find();
  if (found?.source === 'CHROMIUM_PATH' && !deps.exists(found.path)) {
    return { ok: false, message: `CHROMIUM_PATH is ${found.path}, which does not exist. Point it at a Chromium or Chrome binary, or unset it.` };
  }
  if (found) return { ok: true, browser: found, installed: null };

  const apt = deps.platform === 'linux' && deps.isRoot && deps.debianLike;
  /** @type {Array<{ label: string, commands: Array<[string, string[]]> }>} */
  const ways = [
    ...(apt ? [{ label: "Debian's chromium package", commands: [['apt-get', ['update', '-qq']], ['apt-get', ['install', '-y', '-qq', 'chromium']]] }] : []),
    { label: "Playwright's Chromium", commands: [['npx', ['playwright', 'install', 'chromium']]] },
  ];
  for (const way of ways) {
    deps.log(`No Chromium found for the tests; installing ${way.label} (${way.commands.map(([command, args]) => [command, ...args].join(' ')).join(' && ')})…`);
    if (!way.commands.every(([command, args]) => deps.run(command, args) === 0)) continue;
    const browser = deps.find();
    if (browser) return { ok: true, browser, installed: way.label };
  }
  const command = deps.platform === 'linux' && deps.debianLike ? `${deps.isRoot ? '' : 'sudo '}apt-get install chromium` : 'npx playwright install chromium';
  return {
    ok: false,
    message:
      'The tests need Chromium, and none was found or could be installed here. Run\n\n' +
      `    ${command}\n\n` +
      'and then npm test again (or set CHROMIUM_PATH to a Chromium or Chrome binary).',
  };
}

/** setUpBrowser on this machine. */
export function setUpBrowserHere() {
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or a minimal system: no apt.
  }
  return setUpBrowser({
    find: () => findBrowser(),
    exists: existsSync,
    run: (command, args) => {
      const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      return result.status ?? 1;
    },
    log: (line) => console.log(line),
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    debianLike: isDebianLike(osRelease),
  });
}

// `node scripts/find-browser.mjs`: prints the browser the tests would use, or why there is none.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findBrowser();
  console.log(found ? `${found.path} (${found.source})` : 'no Chromium found');
  process.exit(found ? 0 : 1);
}
