/*
 * y-webrtc's connections are simple-peer streams, from simple-peer's browserify build
 * (simple-peer/simplepeer.min.js, also in Node), with readable-stream inside. After every message
 * it hands to its 'data' listener, readable-stream schedules "read more" (maybeReadMore) through
 * browserify's process.nextTick, which is a setTimeout: two timers per message received, which
 * wake the laptop a moment later only to call simple-peer's `_read`, which does nothing (simple-peer
 * pushes what arrives; it never reads on request). With ten laptops a card is nine messages, so
 * eighteen such wake-ups on the receivers while the card is still on its way to the slower ones,
 * and as many for every presence renewal (docs/performance.md, issue 17, second pass).
 *
 * readingMore is readable-stream's flag for "read more is already scheduled", read nowhere else;
 * held up, nothing is scheduled. 'data' events, end and close are untouched.
 */

interface ReadableInternals {
  _readableState?: { readingMore?: unknown };
}

/** Stops `peer` (a simple-peer of y-webrtc) from scheduling a no-op read after each message; anything else is left alone. */
export function quietReads(peer: unknown): void {
  const state = (peer as ReadableInternals | null)?._readableState;
  if (state && typeof state === 'object' && typeof state.readingMore === 'boolean') state.readingMore = true;
}

/** The parts of simple-peer and its readable-stream state that `directReads` reads and sets. */
interface StreamedPeer {
  destroyed?: unknown;
  emit?: unknown;
  _onChannelMessage?: unknown;
  _readableState?: {
    flowing?: unknown;
    length?: unknown;
    sync?: unknown;
    ended?: unknown;
    destroyed?: unknown;
    decoder?: unknown;
    objectMode?: unknown;
    reading?: unknown;
    awaitDrain?: unknown;
  };
}

/*
 * Each message a data channel delivers, simple-peer copies into a browserify Buffer (a typed array
 * whose prototype is swapped) and pushes through readable-stream, which, with the stream flowing
 * and nothing buffered, emits it as 'data' at once. Measured in a Node laptop of peer-latency-2-node
 * (CPU profile, docs/performance.md, issue 17, third pass): 9 % of a receiver's time per message
 * before y-webrtc reads it, on the path of every card to every laptop.
 *
 * When the stream would emit at once anyway (flowing, nothing buffered, not ended, no decoder), the
 * message's bytes go to the 'data' listeners directly, as a Uint8Array over the channel's own
 * ArrayBuffer: y-webrtc and the stuck-connection watch read bytes and nothing else. Otherwise (a
 * message before the stream flows, one behind buffered ones, a string) simple-peer's own path runs,
 * so the order of messages and everything else stay as they were.
 */

/** Hands `peer`'s (a simple-peer of y-webrtc) binary messages to its 'data' listeners without the stream, where the stream would emit them at once. */
export function directReads(peer: unknown): void {
  const target = peer as StreamedPeer | null;
  const state = target?._readableState;
  const original = target?._onChannelMessage;
  const emit = target?.emit;
  if (!target || !state || typeof state !== 'object' || typeof original !== 'function' || typeof emit !== 'function') return;
  target._onChannelMessage = (event: { data?: unknown }) => {
    const data = event.data;
    const direct =
      data instanceof ArrayBuffer &&
      target.destroyed !== true &&
      state.flowing === true &&
      state.length === 0 &&
      state.sync !== true &&
      state.ended !== true &&
      state.destroyed !== true &&
      !state.decoder &&
      state.objectMode !== true;
    if (!direct) {
      (original as (event: unknown) => void).call(target, event);
      return;
    }
    // What readable-stream's push sets before it emits.
    state.reading = false;
    state.awaitDrain = 0;
    (emit as (name: string, data: Uint8Array) => void).call(target, 'data', new Uint8Array(data));
  };
}
