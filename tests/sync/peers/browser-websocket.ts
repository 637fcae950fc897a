import { WebSocket } from 'ws';

type Handler = ((this: WebSocket, event: WebSocket.MessageEvent) => unknown) | null;

/**
 * `ws`'s WebSocket with one browser behaviour the peer processes need: an exception thrown by an
 * `onmessage` handler is reported (as an uncaught exception, on the next turn) and the connection
 * keeps delivering messages.
 *
 * With plain `ws`, a throwing handler leaves its receiver waiting for a write callback that never
 * comes: that socket silently delivers nothing more, ever. y-webrtc (lib0/websocket) handles every
 * message of the room topic in `onmessage` and throws on one it cannot decode, so one garbage
 * message on the room topic would cut a Node test laptop off the signaling server (and the relay)
 * for good — something that cannot happen in the app, where the renderer's WebSocket is the
 * browser's. The peers of these tests stand for laptops running the app, so they get the
 * browser's semantics.
 */
export class BrowserLikeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    const attribute = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
    if (!attribute?.set || !attribute.get) throw new Error('ws has no onmessage attribute');
    const { get, set } = attribute;
    let handler: Handler = null;
    Object.defineProperty(this, 'onmessage', {
      configurable: true,
      enumerable: true,
      get: () => (handler ? handler : (get.call(this) as Handler)),
      set: (next: Handler) => {
        handler = next;
        set.call(
          this,
          next
            ? (event: WebSocket.MessageEvent) => {
                try {
                  next.call(this, event);
                } catch (error) {
                  // What a browser does: report it, keep the connection.
                  setImmediate(() => {
                    throw error;
                  });
                }
              }
            : null,
        );
      },
    });
  }
}
