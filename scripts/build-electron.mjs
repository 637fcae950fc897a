// Bundles the Electron main process and the preload into dist-electron/ as CommonJS.
// zod and shared/ are bundled in; only 'electron' stays external because the Electron runtime provides it.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  metafile: true,
  logLevel: 'info',
};

await rm(new URL('../dist-electron', import.meta.url), { recursive: true, force: true });

const [, preload] = await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' }),
]);

// A sandboxed preload gets a require() that knows 'electron' and little else: a Node import here would only
// fail at run time, in a window, on someone else's machine. Fail the build instead.
const nodeImports = Object.values(preload.metafile.outputs)
  .flatMap((output) => output.imports)
  .filter((entry) => entry.external && entry.path !== 'electron')
  .map((entry) => entry.path);
if (nodeImports.length > 0) {
  console.error(`electron/preload.ts must not import Node modules in a sandbox; found: ${[...new Set(nodeImports)].join(', ')}`);
  process.exit(1);
}
