// Bundles the Electron main process and the preload into dist-electron/ as CommonJS.
// zod and shared/ are bundled in; only 'electron' stays external because the Electron runtime provides it.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
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
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist-electron/main.cjs',
    // pdfkit's ES module reads import.meta.url when it loads (a createRequire for its standard fonts, a path to
    // an ICC profile for PDF/A), which a CommonJS bundle leaves empty and `new URL` then throws on: the bundle's
    // own URL stands in. Main only: the sandboxed preload has no require('node:url').
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "'use strict';\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' }),
]);

// The minutes' PDF is drawn in main with Inter (electron/services/pdf-fonts.ts): the fonts go beside the bundle,
// where electron/ipc.ts looks for them, and into the asar with it (electron-builder.yml packs dist-electron/**).
await mkdir(new URL('../dist-electron/fonts', import.meta.url), { recursive: true });
for (const file of ['inter-pdf-400.ttf', 'inter-pdf-700.ttf']) {
  await copyFile(new URL(`../resources/fonts/${file}`, import.meta.url), new URL(`../dist-electron/fonts/${file}`, import.meta.url));
}

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
