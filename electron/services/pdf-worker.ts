import { parentPort, workerData } from 'node:worker_threads';
import { drawPdfJob, type PdfJob, type PdfJobAnswer } from './pdf-job';

/* The PDF worker's entry (bundled as dist-electron/pdf-worker.cjs): one job from workerData, one answer. */

function answer(message: PdfJobAnswer): void {
  if (!parentPort) throw new Error('pdf-worker.ts runs as a worker thread only');
  parentPort.postMessage(message, message.ok ? [message.pdf.buffer as ArrayBuffer] : []);
}

/** The bytes in an ArrayBuffer of their own, so it can be handed over instead of copied (a Buffer may be a view on a shared pool). */
const own = (bytes: Uint8Array) => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());

// workerData was checked by the IPC contract in main before the job was made; it is passed as is.
drawPdfJob(workerData as PdfJob).then(
  (pdf) => answer({ ok: true, pdf: own(pdf) }),
  (error: unknown) => answer({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
