import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeMain } from '../../scripts/electron-bundle-options.mjs';

/** The PDF worker bundled as the app bundles it, in a temporary folder; `remove` deletes it. */
export async function buildPdfWorker(): Promise<{ dir: string; file: string; remove(): void }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plenum-pdf-worker-'));
  const file = path.join(dir, 'pdf-worker.cjs');
  await build({ ...nodeMain(root), entryPoints: ['electron/services/pdf-worker.ts'], outfile: file, sourcemap: false, metafile: false, logLevel: 'silent' });
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
