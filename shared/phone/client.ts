import type { PhoneCommand, PhoneRefusal, PhoneView } from './protocol';

/*
 * The participant page's link to the room, as its screens see it. The transport (the phone's
 * side of shared/protocol/phone-wire.ts) implements it; the screens only read state and send
 * commands, so they can be shown and tested with a stand-in.
 */

export type PhoneLinkState =
  /** Opening the connection, checking the code, deriving the key. */
  | { kind: 'connecting' }
  /** The server knows no room for this code: the page says so and offers to scan again. */
  | { kind: 'wrongCode' }
  /** The server refused for now (too many attempts, the room is full); retried by itself. */
  | { kind: 'refused'; reason: 'rate-limited' | 'room-full' }
  /** In the room, but the moderator's laptop is not connected to the server right now. */
  | { kind: 'waitingForHost' }
  /** In the room; `view` comes from the moderator's laptop. */
  | { kind: 'online' }
  /** In the room, but the moderator's laptop sends what this page cannot read: another version of Plenum. */
  | { kind: 'versionMismatch' }
  /** The connection is gone (the phone slept, the Wi-Fi dropped); reconnecting by itself since `since` (ms). */
  | { kind: 'lost'; since: number };

/** A command without its id: the link gives each one. */
export type PhoneCommandInput = PhoneCommand extends infer C ? (C extends { id: string } ? Omit<C, 'id'> : never) : never;

/** A command the phone holds until the laptop answered it (kept across reloads, resent after a reconnect). */
export interface PendingCommand {
  id: string;
  command: PhoneCommandInput;
  /** When it was first sent (ms, the phone's clock). */
  at: number;
}

/** The laptop's answer to a command, as the screens get it. */
export type CommandAnswer = { id: string; ok: true; cardId?: string; voteId?: string; participantId?: string } | { id: string; ok: false; refusal: PhoneRefusal };

export interface PhoneLink {
  readonly state: PhoneLinkState;
  /** What the laptop last showed this phone; null before the first view (kept from the last visit while reconnecting). */
  readonly view: PhoneView | null;
  /** Sent, not yet answered; a card the person typed is here until the laptop took it. */
  readonly pending: readonly PendingCommand[];
  /** Offset of the laptop's clock to this phone's (ms), from the views' `at`: the countdown runs on it. */
  readonly clockOffsetMs: number;
  /** Sends a command (queued while not online); returns its id. */
  send(command: PhoneCommandInput): string;
  /** Called on every change of state, view or pending, and with each answer. */
  subscribe(listener: (answer?: CommandAnswer) => void): () => void;
  /** Closes the connection and every timer (React StrictMode unmounts and mounts again). */
  close(): void;
}
