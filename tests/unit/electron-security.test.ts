import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, CHROMIUM_SWITCHES, mainWindowOptions, projectorWindowOptions, windowIconPath } from '../../electron/security';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, appPageUrl, externalLinkTarget, isAllowedNavigation, isTrustedUrl, projectorUrl } from '../../electron/services/app-url';
import { CONTENT_SECURITY_POLICY, isPermissionAllowed } from '../../electron/services/content-policy';

const source = (relative: string) => readFileSync(fileURLToPath(new URL(`../../${relative}`, import.meta.url)), 'utf8');

const windows = {
  main: mainWindowOptions('/app/preload.cjs', { x: 10, y: 20, width: 1200, height: 800 }),
  projector: projectorWindowOptions('/app/preload.cjs', { x: 1920, y: 0, width: 1920, height: 1080 }),
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('window options', () => {
  for (const [name, options] of Object.entries(windows)) {
    it(`the ${name} window runs isolated, sandboxed and without Node`, () => {
      expect(options.webPreferences).toMatchObject({
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
      });
      expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
      expect(options.webPreferences).not.toHaveProperty('additionalArguments');
    });

    it(`the ${name} window stays hidden until painted, on a solid background`, () => {
      expect(options.show).toBe(false);
      expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    });
  }

  it('places each window where it is asked to', () => {
    expect(windows.main).toMatchObject({ x: 10, y: 20, width: 1200, height: 800 });
    expect(windows.projector).toMatchObject({ x: 1920, y: 0, width: 1920, height: 1080 });
  });
});

describe('content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself, never eval or inline', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
  });

  it('allows inline code for styles only', () => {
    for (const [name, values] of policy) {
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });

  it('names no remote source for anything that can run or be shown', () => {
    for (const name of ['default-src', 'script-src', 'style-src', 'img-src', 'font-src']) {
      for (const value of policy.get(name) ?? []) {
        expect(value, `${name} ${value}`).not.toMatch(/^(\*|https?:|ws:|wss:)|\.[a-z]{2,}/i);
      }
    }
    expect(policy.get('connect-src')).not.toContain('*');
    expect(policy.get('connect-src')).not.toContain('https:');
  });

  it('shuts plugins, base tags, framing and form posts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });
});

describe('the app origin', () => {
  it('is app://plenum, a standard secure scheme that cannot bypass the CSP', () => {
    expect(APP_ORIGIN).toBe('app://plenum');
    expect(`${APP_SCHEME}://${APP_HOST}`).toBe(APP_ORIGIN);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).not.toBe(true);
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers).not.toBe(true);
  });

  it('builds page URLs whose routes live in the hash, with the workshop id encoded', () => {
    expect(appPageUrl()).toBe('app://plenum/index.html#/');
    expect(projectorUrl('w-1')).toBe('app://plenum/index.html#/projector/w-1');
    expect(projectorUrl('a/b?c')).toBe('app://plenum/index.html#/projector/a%2Fb%3Fc');
  });

  it('keeps local IPs in WebRTC candidates, for LANs without multicast', () => {
    expect(CHROMIUM_SWITCHES).toContainEqual({ name: 'disable-features', value: 'WebRtcHideLocalIpsWithMdns' });
  });
});

describe('isTrustedUrl', () => {
  it.each(['app://plenum/', 'app://plenum/index.html#/workshop/abc', 'app://plenum/assets/x.js?v=1', 'app://plenum'])(
    'trusts %s',
    (url) => expect(isTrustedUrl(url)).toBe(true),
  );

  it.each([
    'app://evil/',
    'app://plenum.evil.com/',
    'app://evilplenum/',
    'app://plenum:8080/',
    'app://user:pw@plenum/',
    'app://user@plenum/',
    'https://plenum/',
    'https://example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app:plenum',
    'app:///plenum/',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isTrustedUrl(url)).toBe(false));
});

describe('navigation guard', () => {
  it('lets a window load the app page, whatever its hash route', () => {
    expect(isAllowedNavigation('app://plenum/')).toBe(true);
    expect(isAllowedNavigation('app://plenum/index.html#/projector/abc')).toBe(true);
  });

  it('refuses other sites, other files of the app and other schemes', () => {
    for (const url of ['https://example.com/', 'app://evil/index.html', 'app://plenum/assets/index.js', 'file:///tmp/x.html', 'javascript:void 0']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('hands only plain web links to the system browser', () => {
    expect(externalLinkTarget('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(externalLinkTarget('http://example.com')).toBe('http://example.com/');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ms-msdt:/id', 'smb://host/share', 'app://plenum/', 'https://u:p@example.com/', 'nonsense']) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });
});

describe('permissions', () => {
  const everyElectronPermission = [
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection',
    'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal',
    'speaker-selection', 'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem',
    'hid', 'serial', 'usb', 'deprecated-sync-clipboard-read',
  ];
  // Each Electron major adds permissions: the installed Electron's own list, so an upgrade is checked too.
  const declaredByElectron = [...source('node_modules/electron/electron.d.ts').matchAll(/set(?:Permission(?:Request|Check))Handler\(handler: \(\([^)]*?permission: ((?:'[^']+'(?: \| )?)+)/g)]
    .flatMap((match) => [...String(match[1]).matchAll(/'([^']+)'/g)].map((name) => String(name[1])));

  it('knows the permissions the installed Electron declares', () => {
    expect(declaredByElectron.length).toBeGreaterThan(everyElectronPermission.length);
    const allowed = [...new Set(declaredByElectron)].filter((permission) => isPermissionAllowed(permission, 'app://plenum/'));
    expect(allowed.sort()).toEqual(['clipboard-sanitized-write', 'fullscreen']);
  });

  it('denies everything but clipboard writing and fullscreen', () => {
    const allowed = everyElectronPermission.filter((permission) => isPermissionAllowed(permission, 'app://plenum/'));
    expect(allowed.sort()).toEqual(['clipboard-sanitized-write', 'fullscreen']);
    expect(isPermissionAllowed('some-future-permission')).toBe(false);
  });

  it('denies even those to anything that is not the app', () => {
    expect(isPermissionAllowed('fullscreen', 'app://plenum')).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://evil/')).toBe(false);
  });
});

// Electron cannot run here, so these read the source: the policies above only help if main.ts applies them.
describe('main.ts wires the policies in', () => {
  const main = source('electron/main.ts');

  it.each([
    'mainWindowOptions(',
    'projectorWindowOptions(',
    'requestSingleInstanceLock()',
    'registerSchemesAsPrivileged(',
    'APP_SCHEME_PRIVILEGES',
    'protocol.handle(APP_SCHEME',
    'CHROMIUM_SWITCHES',
    'enableSandbox()',
    "'will-navigate'",
    'isAllowedNavigation(',
    'setWindowOpenHandler(',
    "action: 'deny'",
    "'will-attach-webview'",
    "'web-contents-created'",
    'setPermissionRequestHandler(',
    'setPermissionCheckHandler(',
    'setDevicePermissionHandler(',
    'isPermissionAllowed(',
    'registerHostIpc(',
  ])('uses %s', (needle) => expect(main).toContain(needle));

  it('creates every window from the locked options, never from its own webPreferences', () => {
    const creations = main.match(/new BrowserWindow\([^)]*/g) ?? [];
    expect(creations.length).toBeGreaterThan(0);
    for (const creation of creations) expect(creation).toMatch(/new BrowserWindow\((main|projector)WindowOptions/);
    expect(main).not.toMatch(/webPreferences|nodeIntegration|contextIsolation|sandbox:/);
  });

  it('registers the app scheme before the app is ready', () => {
    expect(main.indexOf('registerSchemesAsPrivileged(')).toBeLessThan(main.indexOf('whenReady()'));
  });

  it('the preload exposes one object and never ipcRenderer itself', () => {
    const preload = source('electron/preload.ts');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("exposeInMainWorld('plenum', api)");
    expect(preload).toContain('satisfies HostApi');
  });
});

describe('ipc.ts wires the policies in', () => {
  const ipc = source('electron/ipc.ts');

  it('registers IPC only through the router, and nothing with ipcMain.on (no unchecked one-way messages)', () => {
    expect(ipc.match(/ipcMain\.handle\(/g)).toHaveLength(1);
    expect(ipc).toContain('ipcMain.handle(channel, router[channel])');
    expect(ipc).not.toMatch(/ipcMain\.(on|once|handleOnce)\(/);
  });

  it('draws the PDF in a worker thread of main from the checked minutes source: no window renders text typed on other laptops', () => {
    const job = source('electron/services/pdf-job.ts');
    expect(ipc).toContain('drawPdfInWorker(');
    expect(job).toContain('renderMinutesPdf(');
    for (const code of [ipc, job]) expect(code).not.toMatch(/new BrowserWindow\(|printToPDF|loadFile\(|loadURL\(/);
    expect(source('shared/host-api.ts')).toMatch(/'pdf:save': \{\s*input: z\.object\(\{ suggestedName: fileName, minutes: minutesSourceSchema \}\)/);
  });

  it('hands to the OS only mailto: links (checked by the contract) and, in main.ts, plain web links', () => {
    const main = source('electron/main.ts');
    expect(main.match(/shell\.openExternal\(/g)).toHaveLength(1);
    expect(main).toMatch(/const target = externalLinkTarget\(url\);\s*if \(target\) shell\.openExternal\(target\)/);
    expect(ipc.match(/shell\.openExternal\(/g)).toHaveLength(1);
    expect(source('shared/host-api.ts')).toMatch(/'mail:open': \{\s*input: z\.object\(\{ url: z\.string\(\)\.startsWith\('mailto:'\)/);
  });
});

describe('the renderer page', () => {
  it('loads no remote script, style or font, and carries the same CSP for the web build', () => {
    const html = source('renderer/index.html');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const policy = directives(meta);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(meta).not.toContain('unsafe-eval');
  });
});

describe('the window icon', () => {
  it('is the build’s icon.png on Linux, where the window carries it, and left to the executable elsewhere', () => {
    const join = (...parts: string[]) => parts.join('/');
    expect(windowIconPath('linux', '/opt/plenum/app.asar', join)).toBe('/opt/plenum/app.asar/dist/renderer/icon.png');
    expect(windowIconPath('win32', '/app', join)).toBeUndefined();
    expect(windowIconPath('darwin', '/app', join)).toBeUndefined();
    // Vite copies renderer/public into dist/renderer: the file the path names is in the build.
    expect(readFileSync(fileURLToPath(new URL('../../renderer/public/icon.png', import.meta.url))).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(mainWindowOptions('/p', { width: 800, height: 600 }, { icon: '/icon.png' }).icon).toBe('/icon.png');
    expect(projectorWindowOptions('/p', { width: 800, height: 600 }).icon).toBeUndefined();
  });
});
