import { backupState, readBackup, type WorkshopSnapshot } from '../../shared/model';
import { readToWorker, type FromWorker, type ImportStage } from './backup-import-protocol';

/*
 * The backup import's worker (started by backup-import.ts): reads the file, checks it and builds
 * the workshop's document off the page's thread. A 100,000-card backup kept the page frozen for
 * seconds at a time while JSON.parse, the checksum, the schema and Yjs ran there. The protocol is
 * in backup-import-protocol.ts; one worker serves one import and is terminated after it.
 */

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

/** The checked backup, kept between "check" and "build": only the page knows the id it is stored under. */
let checked: WorkshopSnapshot | null = null;

const stage = (name: ImportStage) => scope.postMessage({ type: 'stage', stage: name });

async function handle(data: unknown): Promise<void> {
  const message = readToWorker(data);
  if (!message) return scope.postMessage({ type: 'failed', message: 'the import worker got a message it does not know' });
  if (message.type === 'check') {
    stage('reading');
    const text = typeof message.source === 'string' ? message.source : await message.source.text();
    stage('checking');
    const parsed = readBackup(text);
    if (!parsed.ok) return scope.postMessage({ type: 'checked', result: parsed });
    checked = parsed.value.workshop;
    const { id, title, date, venue, room, createdAt, timeZone } = checked.meta;
    return scope.postMessage({ type: 'checked', result: { ok: true, meta: { id, title, date, venue, room, createdAt, timeZone }, repairs: parsed.value.repairs } });
  }
  if (!checked) return scope.postMessage({ type: 'failed', message: 'the import worker was asked to build before a file was checked' });
  stage('building');
  const state = backupState(checked, { workshopId: message.workshopId });
  checked = null;
  // Its own buffer, whole: transferred, not copied, to the page.
  const whole = state.buffer instanceof ArrayBuffer && state.byteOffset === 0 && state.byteLength === state.buffer.byteLength;
  const owned = whole ? new Uint8Array(state.buffer) : state.slice();
  scope.postMessage({ type: 'built', state: owned }, [owned.buffer]);
}

scope.addEventListener('message', (event) => {
  handle(event.data).catch((error: unknown) => scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
});
scope.postMessage({ type: 'ready' });
