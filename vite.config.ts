import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One copy of yjs everywhere: two copies break Yjs' `instanceof` checks without an error.
 * y-webrtc and y-indexeddb import 'yjs' too; the alias sends them all to this file.
 */
export const yjsAlias = { yjs: here('node_modules/yjs/dist/yjs.mjs') };

/**
 * Preloads the UI font's Latin and Cyrillic parts from index.html, beside the start's scripts.
 * Without it a part is requested at the first layout that needs it, and what was laid out
 * meanwhile in the fallback font is laid out again when it arrives (font-display: swap), on a cold
 * start in the middle of the home list's first frames (docs/performance.md, cold-start). Cyrillic
 * in every language: the language switcher is as wide as its widest choice, so its closed
 * "Українська" is laid out on every home screen, and its part arrived after the first layout and
 * laid the page out again inside the first thing typed. Build only: the dev server serves the font
 * from node_modules under another address.
 */
function preloadUiFont(files = ['inter-latin-wght-normal', 'inter-cyrillic-wght-normal']): Plugin {
  return {
    name: 'plenum-preload-ui-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        return files.map((file) => {
          const font = Object.values(context.bundle ?? {}).find((output) => output.type === 'asset' && output.fileName.endsWith('.woff2') && output.names.some((name) => name.startsWith(file)));
          if (!font) throw new Error(`preloadUiFont: no ${file} font in the build`);
          return { tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${font.fileName}` }, injectTo: 'head' as const };
        });
      },
    },
  };
}

export default defineConfig({
  root: here('renderer'),
  // Relative asset paths: the same build loads from app://plenum/ in Electron and from any web host.
  base: './',
  // The dev server's pre-bundled dependencies; the e2e run gives each port its own.
  cacheDir: here(process.env.PLENUM_VITE_CACHE ?? 'node_modules/.vite'),
  plugins: [react(), preloadUiFont()],
  resolve: { alias: yjsAlias, dedupe: ['yjs'] },
  build: {
    outDir: here('dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Split, not one bundle: the home screen loads only its own code (React, i18n with one language,
    // Dexie, the home feature); the workshop and projector screens, Yjs, networking, the minutes and
    // the date picker are chunks loaded on demand and preloaded once the home list shows
    // (renderer/app/lazy-screens.ts). A cold start parsed 1.56 MB before; docs/performance.md,
    // "Issue 17: board, memory, start". Chunks are files beside index.html: Electron's app://
    // protocol serves them from disk (offline, same origin, CSP 'self'); a web host updated under
    // an open tab has removed the old chunks, and the tab reloads once (renderer/app/chunk-reload.ts).
    // Nothing the start imports may reach Yjs: shared/model/plain.ts is the model's Yjs-free door.
    chunkSizeWarningLimit: 2000,
  },
  // The backup import's worker (renderer/session/backup-import.worker.ts) as an ES module, a file of
  // its own beside the chunks: loaded from 'self' like them (CSP worker-src), in Electron and on the web.
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
