import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One copy of yjs everywhere: two copies break Yjs' `instanceof` checks without an error.
 * y-webrtc and y-indexeddb import 'yjs' too; the alias sends them all to this file.
 */
export const yjsAlias = { yjs: here('node_modules/yjs/dist/yjs.mjs') };

export default defineConfig({
  root: here('renderer'),
  // Relative asset paths: the same build loads from app://plenum/ in Electron and from any web host.
  base: './',
  // The dev server's pre-bundled dependencies; the e2e run gives each port its own.
  cacheDir: here(process.env.PLENUM_VITE_CACHE ?? 'node_modules/.vite'),
  plugins: [react()],
  resolve: { alias: yjsAlias, dedupe: ['yjs'] },
  build: {
    outDir: here('dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Loaded from the local disk in Electron: one bundle is fine and avoids an offline chunk miss.
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
