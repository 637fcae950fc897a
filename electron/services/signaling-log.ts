import type { HostRegistration } from './room-registry';
import { RefusalRuns } from './rate-limits';
import { newPhoneCounters, type PhoneCounters } from './signaling-phones';

export type RefusedReason = 'too-many-connections' | 'too-many-from-address' | 'server-closing';
export type DisconnectedReason = 'dead' | 'slow-consumer' | 'oversized' | 'protocol-error' | 'no-request' | 'phone-flood';
export type RateLimitedReason = 'messages' | 'verifier-checks' | 'read-budget';
export type TopicsRefusedReason = 'connection-topic-limit' | 'address-topic-limit' | 'server-topic-limit';

/**
 * What the server logs: counts, addresses and reasons only; never message contents, room names or verifiers.
 * Refusals that can repeat fast (refused connections, idle ones closed, rate limits, topics refused) are logged
 * once when a run of them starts, and as `run-ended` with how many there were once the run is over.
 */
export type SignalingLogEvent =
  | { event: 'listening'; host: string; port: number }
  | { event: 'refused'; address: string; reason: RefusedReason }
  | { event: 'disconnected'; address: string; reason: DisconnectedReason }
  | { event: 'rate-limited'; address: string; reason: RateLimitedReason }
  | { event: 'topics-refused'; address: string; reason: TopicsRefusedReason; count: number }
  | { event: 'run-ended'; address: string; reason: RefusedReason | DisconnectedReason | RateLimitedReason | TopicsRefusedReason; count: number }
  | { event: 'host-registration'; address: string; reason: HostRegistration; count: number }
  | { event: 'closed'; count: number };

/** One log line, `2025-05-01T10:00:00.000Z refused address=192.168.1.7 reason=too-many-from-address`. */
export function formatSignalingEvent(event: SignalingLogEvent, now = new Date()): string {
  const fields = Object.entries(event)
    .filter(([key]) => key !== 'event')
    .map(([key, value]) => `${key}=${String(value)}`);
  return [now.toISOString(), event.event, ...fields].join(' ');
}


/** The events logged once per run of refusals (see RefusalRuns). */
export type RunEvent = Extract<SignalingLogEvent, { event: 'refused' | 'disconnected' | 'rate-limited' | 'topics-refused' }>;

/** What the server counts for `stats()`; each part of the server adds to its own counters. */
export type SignalingCounters = PhoneCounters & {
  messagesReceived: number;
  /** Deliveries of publish messages (one publish to five subscribers counts five). */
  messagesRelayed: number;
  /** Malformed JSON, binary frames, unknown types, wrong field types. */
  messagesIgnored: number;
  messagesRateLimited: number;
  connectionsRefused: number;
  /** Times an address's connections were paused because its read budget was spent. */
  readPauses: number;
  /** Connections closed because no HTTP request came within `requestTimeoutMs`. */
  idleClosed: number;
};

export function newCounters(): SignalingCounters {
  return { ...newPhoneCounters(), messagesReceived: 0, messagesRelayed: 0, messagesIgnored: 0, messagesRateLimited: 0, connectionsRefused: 0, readPauses: 0, idleClosed: 0 };
}

export type ServerLog = {
  /** Logs one event; a failing logger must not take the server down. */
  log(event: SignalingLogEvent): void;
  /** Logs a refusal once per run of the same refusal (weight: how many refusals it stands for). */
  refuse(event: RunEvent, weight?: number): void;
  /** Logs the end of every open run (when the server closes). */
  flush(): void;
};

export function serverLog(sink: ((event: SignalingLogEvent) => void) | undefined, quietMs: number): ServerLog {
  const log = (event: SignalingLogEvent) => {
    try {
      sink?.(event);
    } catch {
      // A failing logger must not take the server down.
    }
  };
  const runs = new RefusalRuns<RunEvent>(quietMs, log, (event, count) => log({ event: 'run-ended', address: event.address, reason: event.reason, count }));
  return {
    log,
    refuse: (event, weight = 1) => runs.refuse(`${event.event} ${event.reason} ${event.address}`, event, Date.now(), weight),
    flush: () => runs.flush(),
  };
}
