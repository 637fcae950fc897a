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
 * Port and build folder of the web build under test. E2E_PORT lets two runs share a machine
 * (each builds into its own folder and serves on its own port).
 */
const port = Number(process.env.E2E_PORT ?? 4173);
// Absolute: Vite resolves a relative outDir against its root, renderer/.
const outDir = fileURLToPath(new URL(port === 4173 ? './dist/renderer' : `./dist/e2e-${port}`, import.meta.url));

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: true,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: port === 4173 ? 'test-results/e2e.json' : `test-results/e2e-${port}.json` }]],
  outputDir: port === 4173 ? 'test-results/e2e' : `test-results/e2e-${port}`,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'de-DE',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
