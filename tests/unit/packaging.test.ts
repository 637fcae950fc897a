import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { Minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import viteConfig from '../../vite.config';

/*
 * The packaging configuration, checked without packaging: the Electron binary cannot be downloaded
 * here, and three of the four targets need another OS anyway. What a typo in electron-builder.yml
 * would otherwise only show on a release machine (an unknown key, a missing icon, a pattern that
 * leaves main.cjs out of the asar) fails here.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (relative: string) => readFileSync(path.join(root, relative), 'utf8');
const config = parse(read('electron-builder.yml')) as Configuration;
const packageJson = JSON.parse(read('package.json')) as { productName: string; main: string; scripts: Record<string, string> };

type Validate = (config: unknown, debugLogger: { isEnabled: boolean }) => Promise<void>;
// electron-builder's own check (its JSON schema plus deprecations), the one `electron-builder` runs before building.
const { validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config.js') as { validateConfiguration: Validate };
const validate = (candidate: unknown) => validateConfiguration(candidate, { isEnabled: false });

describe('electron-builder.yml against electron-builder 26', () => {
  it('matches electron-builder’s schema', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  }, 30_000);

  it('the schema check would notice a misspelled fuse or target option', async () => {
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } })).rejects.toThrow(/electronFuses/);
    await expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).rejects.toThrow(/nsis/);
  }, 30_000);
});

describe('identity and targets', () => {
  it('has a reverse-DNS app id and the product name of package.json', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.productName).toBe('Plenum');
    expect(packageJson.productName).toBe(config.productName);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.executableName).toBe('plenum');
    expect(config.linux?.maintainer, 'deb refuses to build without a maintainer').toBeTruthy();
  });

  it('lets the user pick the install directory and keeps workshops on uninstall', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
  });

  it('npm run dist builds first, then packages with this file', () => {
    expect(packageJson.scripts.dist).toBe('node scripts/node-support.mjs dist && npm run build && electron-builder --config electron-builder.yml');
    expect(packageJson.scripts.build).toContain('build:renderer');
    expect(packageJson.scripts.build).toContain('build:electron');
  });
});

/** Width and height from a PNG's IHDR chunk, or null when the bytes are no PNG. */
function pngSize(file: string): { width: number; height: number } | null {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('icons', () => {
  const icons = [config.linux?.icon, config.win?.icon, config.mac?.icon];

  it('every platform names an icon', () => {
    for (const icon of icons) expect(typeof icon).toBe('string');
  });

  it.each(icons.map((icon) => [String(icon)]))('%s exists in resources/ and is a square PNG of at least 512 px (macOS needs 512, NSIS 256)', (icon) => {
    const file = path.join(root, icon);
    expect(path.relative(path.join(root, config.directories?.buildResources ?? ''), file)).not.toMatch(/^\.\./);
    expect(existsSync(file), `${icon} is missing`).toBe(true);
    const size = pngSize(file);
    expect(size, `${icon} is no PNG`).not.toBeNull();
    expect(size?.width).toBe(size?.height);
    expect(size?.width).toBeGreaterThanOrEqual(512);
  });
});

describe('fuses', () => {
  it('are flipped exactly as the security review asks', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('package into an asar whose integrity hash is embedded (the integrity fuse checks nothing otherwise)', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack ?? []).toEqual([]);
  });
});

describe('file associations', () => {
  it('registers .plenum workshop backups with a MIME type for Linux desktops', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'plenum', name: 'Plenum workshop', role: 'Editor', mimeType: 'application/x-plenum' }),
    ]);
  });
});

/**
 * electron-builder's reading of `files`: minimatch with dot files, in order, a `!` pattern removes
 * what earlier ones added; package.json is always packed.
 */
function packs(patterns: readonly string[], file: string): boolean {
  let included = file === 'package.json';
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (new Minimatch(negated ? pattern.slice(1) : pattern, { dot: true }).match(file)) included = !negated;
  }
  return included;
}

/** The files the build writes, as paths relative to the project: from vite.config.ts and scripts/build-electron.mjs. */
function producedByTheBuild(): string[] {
  const rendererDir = path.relative(root, String(viteConfig.build?.outDir)).split(path.sep).join('/');
  const electronOutputs = [...read('scripts/build-electron.mjs').matchAll(/outfile: '([^']+)'/g)].map((match) => String(match[1]));
  return [
    `${rendererDir}/index.html`,
    `${rendererDir}/assets/index-abc123.js`,
    `${rendererDir}/assets/index-abc123.css`,
    `${rendererDir}/assets/inter-latin-wght-normal-abc123.woff2`,
    // The participant page for phones (issue 16): its own Vite build writes dist/participant, the hosting server serves it.
    'dist/participant/index.html',
    'dist/participant/assets/main-abc123.js',
    ...electronOutputs,
    ...electronOutputs.map((file) => `${file}.map`),
    'package.json',
  ];
}

describe('files packed into the asar', () => {
  const patterns = (config.files ?? []) as string[];
  const produced = producedByTheBuild();

  it('the build writes the renderer to dist/renderer and main + preload to dist-electron', () => {
    expect(produced).toEqual(expect.arrayContaining(['dist/renderer/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs']));
  });

  it('every file the build produces is packed', () => {
    expect(produced.filter((file) => !packs(patterns, file))).toEqual([]);
  });

  it('every pattern packs something the build produces (no stale pattern)', () => {
    for (const pattern of patterns.filter((candidate) => !candidate.startsWith('!'))) {
      expect(
        produced.some((file) => new Minimatch(pattern, { dot: true }).match(file)),
        pattern,
      ).toBe(true);
    }
  });

  it('sources, tests, dependencies and release output stay out', () => {
    for (const file of ['electron/main.ts', 'renderer/main.tsx', 'shared/model/cards.ts', 'tests/unit/packaging.test.ts', 'node_modules/yjs/dist/yjs.mjs', 'release/Plenum.AppImage', '.npmrc', 'bench/results/latest.json']) {
      expect(packs(patterns, file), file).toBe(false);
    }
  });

  it('package.json main is the bundled main process', () => {
    expect(packageJson.main).toBe('dist-electron/main.cjs');
    expect(produced).toContain(packageJson.main);
  });

  it('main.ts finds the preload beside itself and the renderer under dist/renderer of the app', () => {
    const main = read('electron/main.ts');
    expect(main).toContain("path.join(__dirname, 'preload.cjs')");
    expect(main).toContain("path.join(app.getAppPath(), 'dist', 'renderer')");
  });

  const built = ['dist/renderer', 'dist-electron'].every((dir) => existsSync(path.join(root, dir)));
  it.runIf(built)('every file of the last local build is packed', () => {
    const walk = (dir: string): string[] =>
      readdirSync(path.join(root, dir)).flatMap((name) => {
        const relative = `${dir}/${name}`;
        return statSync(path.join(root, relative)).isDirectory() ? walk(relative) : [relative];
      });
    const files = [...walk('dist/renderer'), ...walk('dist-electron')];
    expect(files).toEqual(expect.arrayContaining(['dist/renderer/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs']));
    expect(files.filter((file) => !packs(patterns, file))).toEqual([]);
  });
});

/*
 * Which Node the toolchain needs, from what the installed packages declare (package-lock.json
 * records every package's engines): package.json engines must allow exactly the Node versions all of
 * them support, and `npm test`'s wider range may only add versions refused by what `npm start` and
 * `npm run dist` alone use (Electron's downloader, electron-builder's tools).
 */
describe('Node and Electron versions', () => {
  type LockEntry = { version?: string; engines?: unknown; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
  const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> };
  const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
  const { satisfies } = createRequire(import.meta.url)('semver') as { satisfies: (version: string, range: string) => boolean };

  const nodeRange = (entry: LockEntry): string | undefined => {
    const declared = entry.engines;
    if (typeof declared !== 'object' || declared === null || Array.isArray(declared)) return undefined;
    const node = (declared as Record<string, unknown>).node;
    return typeof node === 'string' ? node : undefined;
  };
  const declaring = Object.entries(lock.packages).flatMap(([where, entry]) => {
    const range = nodeRange(entry);
    return where !== '' && range !== undefined ? [{ where, range }] : [];
  });

  // Every version any range names, one patch and one minor below it, and each major's first and a late release.
  const candidates = [
    ...new Set([
      ...declaring.flatMap(({ range }) =>
        [...range.matchAll(/(\d+)(?:\.(\d+))?(?:\.(\d+))?/g)].flatMap((match) => {
          const [major, minor, patch] = [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
          return [`${major}.${minor}.${patch}`, `${major}.${minor}.${Math.max(0, patch - 1)}`, `${major}.${Math.max(0, minor - 1)}.99`];
        }),
      ),
      ...Array.from({ length: 16 }, (_, index) => [`${index + 16}.0.0`, `${index + 16}.99.0`]).flat(),
    ]),
  ];
  // Few distinct ranges among many packages: each checked once per version.
  const ranges = [...new Set(declaring.map(({ range }) => range))];
  const refusing = (version: string) => {
    const refused = new Set(ranges.filter((range) => !satisfies(version, range)));
    return declaring.filter(({ range }) => refused.has(range)).map(({ where }) => where);
  };

  it('package.json engines allows exactly the Node versions every installed package supports', async () => {
    const { inNodeRange } = await import('../../scripts/node-support.mjs');
    expect(candidates.length).toBeGreaterThan(50);
    for (const version of candidates) {
      const refusedBy = refusing(version);
      expect(inNodeRange(version, engines), `Node ${version}; refused by: ${refusedBy.join(', ') || 'none'}`).toBe(refusedBy.length === 0);
      expect(satisfies(version, engines), `semver reads engines the same way (${version})`).toBe(inNodeRange(version, engines));
    }
  });

  /** Lock paths of a package and everything it depends on, resolved the way Node does (nearest node_modules up). */
  function closure(start: string): Set<string> {
    const seen = new Set<string>();
    const visit = (where: string) => {
      if (seen.has(where)) return;
      seen.add(where);
      const entry = lock.packages[where];
      for (const name of Object.keys({ ...entry?.dependencies, ...entry?.optionalDependencies })) {
        for (let base = where; ; base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')))) {
          const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
          if (lock.packages[candidate]) {
            visit(candidate);
            break;
          }
          if (base === '') break;
        }
      }
    };
    visit(start);
    return seen;
  }

  it('npm test’s older Node is refused only by what starts and packages Electron', async () => {
    const { TEST_NODE } = await import('../../scripts/node-support.mjs');
    const appOnly = new Set([...closure('node_modules/electron'), ...closure('node_modules/electron-builder')]);
    // docx bundles its own copy of nanoid into dist/; the copy it declares is never loaded by the tests.
    const declaredButUnused = new Set(['node_modules/docx/node_modules/nanoid']);
    for (const version of candidates.filter((candidate) => satisfies(candidate, TEST_NODE))) {
      const refusedBy = refusing(version).filter((where) => !appOnly.has(where) && !declaredButUnused.has(where));
      expect(refusedBy, `Node ${version}`).toEqual([]);
    }
    expect(satisfies('20.18.1', TEST_NODE), 'Vite 8 and ESLint 10 need 20.19').toBe(false);
  });

  it('depends on an Electron major inside Electron’s support window, installed as declared', () => {
    const electronRange = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron;
    const locked = String(lock.packages['node_modules/electron']?.version);
    expect(electronRange).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(satisfies(locked, String(electronRange)), `lock file has Electron ${locked}`).toBe(true);
    // Electron supports its newest three majors; 45 was the newest when Plenum moved to it. Raise on each upgrade.
    expect(Number(locked.split('.')[0])).toBeGreaterThanOrEqual(45);
    expect((config as { electronVersion?: string }).electronVersion, 'electron-builder takes the version from node_modules').toBeUndefined();
    const installed = (JSON.parse(read('node_modules/electron/package.json')) as { version: string }).version;
    expect(installed, 'node_modules/electron is what the lock file says (run npm install)').toBe(locked);
  });
});
