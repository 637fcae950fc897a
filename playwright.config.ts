import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/find-browser.mjs';

/** CHROMIUM_PATH, else the system's Chromium or Chrome, else Playwright's own (see scripts/find-browser.mjs). */
export const executablePath = findBrowser({ prefer: 'full' })?.path;

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Port and build folder of the web build under test (the participant page builds beside it, into
 * participantDir() of scripts/participant-dir.mjs, which reads the same E2E_PORT). E2E_PORT lets two runs share a machine
 * (each builds into its own folder and serves on its own port).
 */
const port = Number(process.env.E2E_PORT ?? 4173);
/** The Vite dev server (`npm run web`: React StrictMode, effects mounted twice) for `*.both.spec.ts`. */
const devPort = port + 1;
// Absolute: Vite resolves a relative outDir against its root, renderer/.
const outDir = fileURLToPath(new URL(port === 4173 ? './dist/renderer' : `./dist/e2e-${port}`, import.meta.url));

export default defineConfig({
  testDir: 'tests/e2e',
  // The screenshots of every screen (158 pictures, ≈ 3 min) are for people to look at, not a check:
  // `npm run screenshots` takes them; `npm test` leaves them out to keep CI short. The same screens
  // are checked by axe in a11y.spec.ts on every run.
  testIgnore: process.env.PLENUM_SCREENSHOTS === '1' ? [] : ['**/screenshots.spec.ts'],
  forbidOnly: true,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: port === 4173 ? 'test-results/e2e.json' : `test-results/e2e-${port}.json` }]],
  outputDir: port === 4173 ? 'test-results/e2e' : `test-results/e2e-${port}`,
  projects: [
    // Every spec against the production build, as `npm start` and the packaged app load it.
    { name: 'build', use: { baseURL: `http://127.0.0.1:${port}/` } },
    // Connection and presence behaviour must hold where effects mount, unmount and mount again.
    // A test of such a file that a second mount cannot change is tagged `@build-only`.
    { name: 'web-dev', testMatch: /\.both\.spec\.ts$/, grepInvert: /@build-only/, use: { baseURL: `http://127.0.0.1:${devPort}/` } },
  ],
  use: {
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'de-DE',
    launchOptions: { executablePath, args: chromiumArgs },
    // A failed test keeps its trace: the DOM at every step, the network, the console. Without the
    // screencast, whose frames cost the browser ~33 % more CPU in every test (12.6 → 16.8 s of
    // Chromium's CPU time for one scripted session, median of three): on a 2-core runner that was
    // wall time for every passing test. `--trace on` brings the filmstrip back when debugging.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
  },
  webServer: [
    {
      command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite build --config vite.participant.config.ts --logLevel warn && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // Its own dependency cache per port, so two runs on one machine do not rewrite each other's.
      command: `npx vite --logLevel warn --host 127.0.0.1 --port ${devPort} --strictPort`,
      env: { PLENUM_VITE_CACHE: `node_modules/.vite-e2e-${devPort}` },
      url: `http://127.0.0.1:${devPort}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
