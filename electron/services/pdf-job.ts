import { Worker } from 'node:worker_threads';
import type { MinutesSource } from '../../shared/host-api';
import { buildMinutes } from '../../shared/minutes';
import { renderMinutesPdf } from './minutes-pdf';

/*
 * The minutes' PDF for the app: drawn in a worker thread, because main also runs the signaling
 * server the tables and phones talk through, and the window's IPC. Drawing the 2,000-card
 * workshop takes about 0.6 s of CPU (docs/performance.md), a bigger one seconds; in main that
 * froze every table's relay and every phone's view for as long.
 */

/** What the worker gets: the minutes as the renderer sent them (already checked) and where Inter is. */
export interface PdfJob {
  source: MinutesSource;
  fontDir: string;
}

/** What the worker answers. */
export type PdfJobAnswer = { ok: true; pdf: Uint8Array } | { ok: false; message: string };

/** Longer than any workshop within the backup limit takes; a worker past it is stuck, not busy. */
const PDF_JOB_TIMEOUT_MS = 5 * 60_000;

/** The worker's whole work (pdf-worker.ts), also callable in place. */
export async function drawPdfJob({ source, fontDir }: PdfJob): Promise<Uint8Array> {
  const minutes = buildMinutes(source.workshop, { language: source.language, timeZone: source.timeZone, now: source.generatedAt });
  return renderMinutesPdf(minutes, { fontDir });
}

/**
 * Draws the PDF in a fresh worker from `workerFile` (the bundle scripts/build-electron.mjs
 * writes beside main.cjs). A worker per PDF: exports are rare, and a thread that ends frees
 * pdfkit's and fontkit's memory with it.
 */
export function drawPdfInWorker(job: PdfJob, workerFile: string, timeoutMs = PDF_JOB_TIMEOUT_MS): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: job });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`the PDF took longer than ${timeoutMs / 1000} s and was stopped`))), timeoutMs);
    worker.once('message', (answer: PdfJobAnswer) => settle(() => (answer.ok ? resolve(answer.pdf) : reject(new Error(answer.message)))));
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the PDF worker stopped (exit code ${code}) before it answered`))));
  });
}
