import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { participantDir } from './scripts/participant-dir.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Issue 16: a phone on the room's Wi-Fi loads the page in a moment; its JavaScript stays under this, gzipped. */
export const PARTICIPANT_JS_GZIP_MAX = 150 * 1024;

/** One emitted JavaScript file and what it weighs. */
export interface JsSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The gzipped size of every JavaScript chunk of a bundle, as a server would send it. */
export function jsSizes(bundle: Record<string, { type: 'chunk'; code: string } | { type: 'asset' }>): JsSize[] {
  return Object.entries(bundle).flatMap(([file, output]) =>
    output.type === 'chunk' ? [{ file, bytes: Buffer.byteLength(output.code), gzipBytes: gzipSync(output.code, { level: 9 }).length }] : [],
  );
}

/**
 * Fails the build when the page's JavaScript outgrows PARTICIPANT_JS_GZIP_MAX, so a heavy import
 * (yjs, the moderator's app, a second zod) is caught where it is made, not on a phone.
 */
function sizeGuard(): Plugin {
  return {
    name: 'plenum-participant-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const sizes = jsSizes(bundle as Parameters<typeof jsSizes>[0]);
      const total = sizes.reduce((sum, size) => sum + size.gzipBytes, 0);
      this.info(`participant page: ${(total / 1024).toFixed(1)} kB of gzipped JavaScript (limit ${PARTICIPANT_JS_GZIP_MAX / 1024} kB)`);
      if (total > PARTICIPANT_JS_GZIP_MAX) {
        const list = sizes.map((size) => `${size.file} ${(size.gzipBytes / 1024).toFixed(1)} kB`).join(', ');
        this.error(`The participant page has ${(total / 1024).toFixed(1)} kB of gzipped JavaScript, over the ${PARTICIPANT_JS_GZIP_MAX / 1024} kB a phone should load (${list}).`);
      }
    },
  };
}

/**
 * The participant page for phones (issue 16): its own small bundle, not the moderator's app. The
 * host's server serves it at /p/ (PHONE_PAGE_PATH), hence relative asset paths.
 */
export default defineConfig({
  root: here('participant'),
  base: './',
  // Its own dependency cache: the app's dev server and this build never rewrite each other's.
  cacheDir: here('node_modules/.vite-participant'),
  plugins: [react(), sizeGuard()],
  build: {
    outDir: participantDir(),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Loaded over the room's Wi-Fi: one request for the script.
    modulePreload: false,
  },
});
