/** Phones in the room: the protocol, the moderator laptop's checks and gate, what a phone is shown (see protocol.ts), and the page's link. */
export * from './protocol';
export * from './scope';
export * from './rate';
export * from './apply';
export * from './view';
export * from './down';
export * from './client';
