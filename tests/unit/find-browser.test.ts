import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findBrowser, isDebianLike, setUpBrowser, type FoundBrowser, type SetupDeps } from '../../scripts/find-browser.mjs';
import { chromiumPath } from '../../electron/services/chromium-path';
import { executablePath } from '../../playwright.config';

/*
 * Which Chromium the tests use and what `npm test` does without one (scripts/find-browser.mjs),
 * on made-up machines: the files that exist and what each command returns are fakes, so nothing
 * here installs anything.
 */

const PLAYWRIGHT = '/home/ana/.cache/ms-playwright/chromium-1234/chrome-linux/chrome';
const onDisk = (...files: string[]) => (file: string) => files.includes(file);
const playwrightAt = () => PLAYWRIGHT;

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH as given', () => {
    expect(findBrowser({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, platform: 'linux', exists: onDisk('/usr/bin/chromium') })).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('prefers the full system Chromium for the tests and the headless shell for printing', () => {
    const exists = onDisk('/usr/bin/chromium', '/usr/bin/chromium-headless-shell', PLAYWRIGHT);
    expect(findBrowser({ env: {}, platform: 'linux', exists, playwrightPath: playwrightAt })).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    expect(findBrowser({ prefer: 'print', env: {}, platform: 'linux', exists, playwrightPath: playwrightAt })).toEqual({ path: '/usr/bin/chromium-headless-shell', source: 'system' });
  });

  it('finds Chrome too, and the headless shell alone is enough for the tests', () => {
    expect(findBrowser({ env: {}, platform: 'linux', exists: onDisk('/usr/bin/google-chrome-stable'), playwrightPath: playwrightAt })?.path).toBe('/usr/bin/google-chrome-stable');
    expect(findBrowser({ env: {}, platform: 'linux', exists: onDisk('/usr/bin/chromium-headless-shell'), playwrightPath: playwrightAt })?.path).toBe('/usr/bin/chromium-headless-shell');
    expect(findBrowser({ env: {}, platform: 'darwin', exists: onDisk('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'), playwrightPath: playwrightAt })?.source).toBe('system');
    expect(findBrowser({ env: { PROGRAMFILES: 'C:\\Program Files' }, platform: 'win32', exists: onDisk('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'), playwrightPath: playwrightAt })?.path).toBe(
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    );
  });

  it('falls back to Playwright’s own Chromium only when it is installed', () => {
    expect(findBrowser({ env: {}, platform: 'linux', exists: onDisk(PLAYWRIGHT), playwrightPath: playwrightAt })).toEqual({ path: PLAYWRIGHT, source: 'playwright' });
    expect(findBrowser({ env: {}, platform: 'linux', exists: onDisk(), playwrightPath: playwrightAt })).toBeNull();
    expect(findBrowser({ env: {}, platform: 'linux', exists: onDisk(), playwrightPath: () => undefined })).toBeNull();
  });

  it('is the lookup the end-to-end tests and the benchmarks use', () => {
    expect(executablePath).toBe(findBrowser({ prefer: 'full' })?.path);
    expect(chromiumPath()).toBe(findBrowser({ prefer: 'print' })?.path);
  });
});

describe('isDebianLike', () => {
  it('reads /etc/os-release', () => {
    expect(isDebianLike('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\n')).toBe(true);
    expect(isDebianLike('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n')).toBe(true);
    expect(isDebianLike('NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true);
    expect(isDebianLike('NAME="Fedora Linux"\nID=fedora\n')).toBe(false);
    expect(isDebianLike(undefined)).toBe(false);
  });
});

/** A made-up machine: which browser appears after which command succeeds. */
function machine(options: { platform?: string; isRoot?: boolean; debianLike?: boolean; found?: FoundBrowser | null; works?: string[]; files?: string[] }) {
  const ran: string[] = [];
  const logged: string[] = [];
  let installed: FoundBrowser | null = options.found ?? null;
  const deps: SetupDeps = {
    find: () => installed,
    exists: onDisk(...(options.files ?? [])),
    run: (command, args) => {
      const line = [command, ...args].join(' ');
      ran.push(line);
      if (!(options.works ?? []).includes(line)) return 1;
      if (line.startsWith('apt-get install')) installed = { path: '/usr/bin/chromium', source: 'system' };
      if (line.startsWith('npx playwright')) installed = { path: PLAYWRIGHT, source: 'playwright' };
      return 0;
    },
    log: (line) => logged.push(line),
    platform: options.platform ?? 'linux',
    isRoot: options.isRoot ?? false,
    debianLike: options.debianLike ?? false,
  };
  return { deps, ran, logged };
}

describe('setUpBrowser (what npm test does first)', () => {
  it('uses the browser there is and runs nothing', () => {
    const { deps, ran } = machine({ found: { path: '/usr/bin/chromium', source: 'system' }, isRoot: true, debianLike: true });
    expect(setUpBrowser(deps)).toEqual({ ok: true, browser: { path: '/usr/bin/chromium', source: 'system' }, installed: null });
    expect(ran).toEqual([]);
  });

  it('stops at once when CHROMIUM_PATH names a file that is not there', () => {
    const { deps, ran } = machine({ found: { path: '/opt/nothing', source: 'CHROMIUM_PATH' }, isRoot: true, debianLike: true });
    const result = setUpBrowser(deps);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/CHROMIUM_PATH is \/opt\/nothing, which does not exist/);
    expect(ran).toEqual([]);
  });

  it('as root on Debian or Ubuntu installs Debian’s chromium, as .ci/run does', () => {
    const { deps, ran, logged } = machine({ isRoot: true, debianLike: true, works: ['apt-get update -qq', 'apt-get install -y -qq chromium'] });
    expect(setUpBrowser(deps)).toEqual({ ok: true, browser: { path: '/usr/bin/chromium', source: 'system' }, installed: "Debian's chromium package" });
    expect(ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
    expect(logged.join('\n')).toContain('installing');
  });

  it('downloads Playwright’s Chromium where apt is not available or fails', () => {
    const user = machine({ debianLike: true, works: ['npx playwright install chromium'] });
    expect(setUpBrowser(user.deps)).toMatchObject({ ok: true, installed: "Playwright's Chromium" });
    expect(user.ran).toEqual(['npx playwright install chromium']);

    const noMirror = machine({ isRoot: true, debianLike: true, works: ['npx playwright install chromium'] });
    expect(setUpBrowser(noMirror.deps)).toMatchObject({ ok: true, browser: { source: 'playwright' } });
    expect(noMirror.ran).toEqual(['apt-get update -qq', 'npx playwright install chromium']);

    const mac = machine({ platform: 'darwin', isRoot: true, works: ['npx playwright install chromium'] });
    expect(setUpBrowser(mac.deps)).toMatchObject({ ok: true });
    expect(mac.ran).toEqual(['npx playwright install chromium']);
  });

  it('a command that succeeds but leaves no browser does not count', () => {
    const { deps } = machine({ works: [] });
    deps.run = () => 0;
    expect(setUpBrowser(deps).ok).toBe(false);
  });

  it('else stops with a message naming the one command to run', () => {
    const cases: Array<[Parameters<typeof machine>[0], string]> = [
      [{ debianLike: true }, 'sudo apt-get install chromium'],
      [{ debianLike: true, isRoot: true }, 'apt-get install chromium'],
      [{ platform: 'darwin' }, 'npx playwright install chromium'],
      [{ platform: 'linux', debianLike: false }, 'npx playwright install chromium'],
    ];
    for (const [options, command] of cases) {
      const result = setUpBrowser(machine(options).deps);
      expect(result.ok).toBe(false);
      const message = result.ok ? '' : result.message;
      expect(message.split('\n').filter((line) => line.startsWith('    ')), JSON.stringify(options)).toEqual([`    ${command}`]);
    }
  });
});

describe('npm test without a browser', () => {
  it('stops before typecheck and every test, with the message', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const result = spawnSync(process.execPath, ['scripts/test-all.mjs'], { cwd: root, env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' }, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CHROMIUM_PATH is /nonexistent/chromium, which does not exist');
    expect(result.stdout).not.toContain('=== typecheck');
  }, 40_000);
});
