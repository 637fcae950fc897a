import { applyWorkshopUpdates, encodeWorkshopState, onWorkshopUpdate, STORE_ORIGIN, type WorkshopDoc } from '../../shared/model';

/** Origin of updates that came from another window of this browser profile. */
export const WINDOW_ORIGIN = 'plenum:window';

type Message = { kind: 'hello' } | { kind: 'update'; update: Uint8Array };

function parse(data: unknown): Message | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as { kind?: unknown; update?: unknown };
  if (message.kind === 'hello') return { kind: 'hello' };
  if (message.kind === 'update' && message.update instanceof Uint8Array) return { kind: 'update', update: message.update };
  return null;
}

/**
 * Keeps the windows of this laptop that show one workshop in step: the moderator's window and
 * the projector (an Electron window or a browser tab of the same origin). They share the disk,
 * but nothing tells one window that the other wrote to it, and the projector must follow each
 * click at once. A window that opens says hello and every other window answers with its whole
 * state, so a projector that opens late, or a moderator window that reloads, is complete again
 * within one round trip. Returns the function that stops it.
 */
export function syncWindows(doc: WorkshopDoc, workshopId: string): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(`plenum-workshop:${workshopId}`);
  const post = (message: Message) => {
    try {
      channel.postMessage(message);
    } catch {
      // A closed channel (window closing): the other windows read the disk when they reopen.
    }
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = parse(event.data);
    if (!message) return;
    if (message.kind === 'hello') post({ kind: 'update', update: encodeWorkshopState(doc) });
    // A damaged update from another window is dropped; that window's own copy stays as it is.
    else applyWorkshopUpdates(doc, [message.update], WINDOW_ORIGIN);
  };
  const stopListening = onWorkshopUpdate(doc, (update, origin) => {
    // What came from disk is on disk (and in the other windows); what came from a window, that window sent.
    if (origin !== WINDOW_ORIGIN && origin !== STORE_ORIGIN) post({ kind: 'update', update });
  });
  post({ kind: 'hello' });
  return () => {
    stopListening();
    channel.close();
  };
}
