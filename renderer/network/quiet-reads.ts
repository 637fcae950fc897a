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
