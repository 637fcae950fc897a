import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawPdfInWorker, drawPdfJob, type PdfJob } from '../../electron/services/pdf-job';
import { sourceFontDir } from '../../electron/services/source-fonts';
import { bigWorkshop } from '../../bench/suites/minutes';
import type { WorkshopSnapshot } from '../../shared/model';
import { buildPdfWorker } from '../support/pdf-worker-bundle';
import { seedDaySnapshot } from '../support/seed-day';

/*
 * The app draws the minutes' PDF in a worker thread (electron/services/pdf-job.ts), built as the
 * app builds it (scripts/electron-bundle-options.mjs), so main — which also runs the signaling
 * server of every table and phone — keeps turning while it draws.
 */

let out = '';
let workerFile = '';
let remove: () => void = () => undefined;
let big: WorkshopSnapshot | undefined;
/** The 2,000-card workshop of the minutes benchmark, built once (about a second). */
const bigOnce = () => (big ??= bigWorkshop());
const job = (workshop = seedDaySnapshot()): PdfJob => ({
  source: { workshop, language: 'de', timeZone: 'Europe/Berlin', generatedAt: Date.UTC(2025, 5, 14, 16) },
  fontDir: sourceFontDir(),
});

beforeAll(async () => {
  ({ dir: out, file: workerFile, remove } = await buildPdfWorker());
}, 60_000);

afterAll(() => remove());

describe('the minutes PDF in a worker thread', () => {
  it('gives the same bytes as drawing it in place', async () => {
    const [inWorker, inPlace] = await Promise.all([drawPdfInWorker(job(), workerFile), drawPdfJob(job())]);
    expect(inWorker.byteLength).toBeGreaterThan(10_000);
    expect(Buffer.from(inWorker).equals(Buffer.from(inPlace))).toBe(true);
  }, 60_000);

  it('leaves the main thread free while it draws the 2,000-card workshop', async () => {
    const bigJob = job(bigOnce());
    let ticks = 0;
    let longest = 0;
    let last = performance.now();
    const interval = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks += 1;
    }, 10);
    const started = performance.now();
    try {
      const pdf = await drawPdfInWorker(bigJob, workerFile);
      expect(pdf.byteLength).toBeGreaterThan(500_000);
    } finally {
      clearInterval(interval);
    }
    const took = performance.now() - started;
    // Drawn on main, the timer could not fire until the end: one tick at most. In a worker it
    // fires throughout (the worker starting up — loading the bundle — is main-free too).
    expect(ticks, `${ticks} ticks in ${took.toFixed(0)} ms, longest gap ${longest.toFixed(0)} ms`).toBeGreaterThan(Math.min(20, took / 40));
  }, 120_000);

  it('answers a job that fails with its reason, and one that takes too long with a timeout', async () => {
    await expect(drawPdfInWorker({ ...job(), fontDir: path.join(out, 'no-fonts-here') }, workerFile)).rejects.toThrow(/no-fonts-here|ENOENT/);
    // Loading the worker's bundle alone takes longer than a millisecond.
    await expect(drawPdfInWorker(job(), workerFile, 1)).rejects.toThrow('the PDF took longer than 0.001 s and was stopped');
  }, 60_000);

  it('says so when the worker file is missing', async () => {
    await expect(drawPdfInWorker(job(), path.join(out, 'missing.cjs'))).rejects.toThrow();
  });
});
