/**
 * The moderator turns the wall's pages from the moderator's window: the projector window (same
 * origin, same laptop: a browser popup or Electron's projector window) tells its page and page
 * count, the moderator's window sends turns. Messages cross a window boundary, so each is checked.
 */

const CHANNEL = 'plenum-projector-pages';

export interface PageState {
  kind: 'state';
  workshopId: string;
  page: number;
  pages: number;
}

export interface PageTurn {
  kind: 'turn';
  workshopId: string;
  step: 1 | -1;
}

/** The moderator's control asks the wall for its state (it may have opened after the wall). */
export interface PageHello {
  kind: 'hello';
  workshopId: string;
}

export type PageMessage = PageState | PageTurn | PageHello;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 10_000;

/** The message, or null when it is not one of ours. */
export function readPageMessage(data: unknown): PageMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const raw = data as Record<string, unknown>;
  if (typeof raw.workshopId !== 'string' || raw.workshopId === '') return null;
  if (raw.kind === 'hello') return { kind: 'hello', workshopId: raw.workshopId };
  if (raw.kind === 'turn' && (raw.step === 1 || raw.step === -1)) return { kind: 'turn', workshopId: raw.workshopId, step: raw.step };
  if (raw.kind === 'state' && isCount(raw.page) && isCount(raw.pages) && raw.page < Math.max(1, raw.pages)) {
    return { kind: 'state', workshopId: raw.workshopId, page: raw.page, pages: raw.pages };
  }
  return null;
}

/** Opens the channel; null where BroadcastChannel is missing (the wall then turns by itself and by its own keys). */
export function openPageChannel(onMessage: (message: PageMessage) => void): { post(message: PageMessage): void; close(): void } | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = readPageMessage(event.data);
    if (message) onMessage(message);
  };
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}
