// esbuild options of the Electron bundles (scripts/build-electron.mjs), shared with the test that builds the
// PDF worker the same way (tests/unit/pdf-worker.test.ts).

/** @returns {import('esbuild').BuildOptions} zod and shared/ bundled in; only 'electron' stays external: the Electron runtime provides it. */
export const common = (root) => ({
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  metafile: true,
  logLevel: 'info',
  // package.json marks shared/ free of side effects so the phones' page stays small. esbuild then
  // dropped the init call of modules it had wrapped lazily (shared/minutes/model.ts among them) while
  // keeping their users: main's PDF export threw "isLanguage is not a function". In Node size does not
  // matter; every module's top level runs as written.
  ignoreAnnotations: true,
});

/**
 * For bundles that run in Node with full access (main, the PDF worker): pdfkit's ES module reads import.meta.url
 * when it loads (a createRequire for its standard fonts, a path to an ICC profile for PDF/A), which a CommonJS
 * bundle leaves empty and `new URL` then throws on: the bundle's own URL stands in. Not for the sandboxed
 * preload, which has no require('node:url').
 * @returns {import('esbuild').BuildOptions}
 */
export const nodeMain = (root) => ({
  ...common(root),
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "'use strict';\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
