/** Phones in the room: the protocol, the moderator laptop's checks and gate, and what a phone is shown (see protocol.ts). */
export * from './protocol';
export * from './scope';
export * from './rate';
export * from './apply';
export * from './view';
