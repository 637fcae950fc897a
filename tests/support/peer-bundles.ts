import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The laptops, phones and abusers the sync and signaling tests run in processes of their own are
 * started ~70 times per `npm test`. Through `--import tsx` each start cost ~1.5 s of CPU
 * (resolving and transforming a few hundred modules); a prebuilt bundle starts in ~0.7 s. On a
 * 2-core runner that CPU was wall time. Vitest's global setup builds the bundles once per run
 * (tests/support/vitest-global-setup.ts); without them (a benchmark, a script run by hand) the
 * scripts still start through tsx.
 *
 * Only test fixtures are bundled: the CLIs a person runs (`npm run minutes`, `npm run signal`) are
 * tested as they are run, through tsx.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Entry scripts, relative to the project root. */
export const PEER_SCRIPTS = [
  'tests/sync/peers/plenum-peer.ts',
  'tests/sync/peers/ywebrtc-peer.ts',
  'tests/sync/peers/vanilla-workshop-peer.ts',
  'tests/sync/peers/signaling-flooder.ts',
  'tests/sync/faults-webrtc-garbage-peer.ts',
] as const;

/** Where the global setup announces the bundles' folder to the test workers it starts. */
const ENV = 'PLENUM_PEER_BUNDLES';

/**
 * Inside node_modules so that the packages left external (yjs, the native @roamhq/wrtc) resolve
 * as they do from the sources.
 */
export const BUNDLE_DIR = path.join(root, 'node_modules', '.plenum-peer-bundles');

function bundleName(script: string): string {
  return `${script.replace(/\.ts$/, '').replace(/[\\/]/g, '__')}.mjs`;
}

/** Builds every peer script into BUNDLE_DIR and tells the processes started after it where. */
export async function buildPeerBundles(): Promise<void> {
  // Loaded here, not at the top: a test that only starts peers has no use for esbuild.
  const { build } = await import('esbuild');
  await build({
    entryPoints: Object.fromEntries(PEER_SCRIPTS.map((script) => [bundleName(script).replace(/\.mjs$/, ''), path.join(root, script)])),
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages load from node_modules as they would through tsx: one copy of Yjs, the native WebRTC module as is.
    packages: 'external',
    logLevel: 'warning',
  });
  process.env[ENV] = BUNDLE_DIR;
}

/**
 * Node's arguments to run `script` (relative to the project root, or absolute): its bundle when
 * the global setup built one this run, else the source through tsx.
 */
export function nodeArgsFor(script: string): string[] {
  const relative = path.isAbsolute(script) ? path.relative(root, script) : script;
  const dir = process.env[ENV];
  const bundle = dir === undefined ? undefined : path.join(dir, bundleName(relative.split(path.sep).join('/')));
  if (bundle !== undefined && (PEER_SCRIPTS as readonly string[]).includes(relative.split(path.sep).join('/')) && existsSync(bundle)) return [bundle];
  return ['--import', 'tsx', script];
}
