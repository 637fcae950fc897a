// Bundles the Electron main process, the PDF worker and the preload into dist-electron/ as CommonJS
// (options: scripts/electron-bundle-options.mjs).
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { common, nodeMain } from './electron-bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

await rm(new URL('../dist-electron', import.meta.url), { recursive: true, force: true });

const [, , preload] = await Promise.all([
  build({ ...nodeMain(root), entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' }),
  // The minutes' PDF is drawn in a worker thread (electron/services/pdf-job.ts), so main keeps serving the window
  // and the signaling server while it draws.
  build({ ...nodeMain(root), entryPoints: ['electron/services/pdf-worker.ts'], outfile: 'dist-electron/pdf-worker.cjs' }),
  build({ ...common(root), entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' }),
]);

// The minutes' PDF is drawn with Inter (electron/services/pdf-fonts.ts): the fonts go beside the bundles,
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
