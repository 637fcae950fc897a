/** Random ids: unique across laptops that create items at the same time without talking. */
export function newId(): string {
  const crypto = globalThis.crypto;
  // randomUUID exists only in a secure context; a page served from http://<LAN address> is none.
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : uuidFromRandomValues(crypto);
}

/** A version 4 UUID (RFC 9562, formerly 4122) in randomUUID's form: lower-case hex, 8-4-4-4-12. */
function uuidFromRandomValues(crypto: Pick<typeof globalThis.crypto, 'getRandomValues'>): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10xx
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What an id may look like: ASCII letters, digits, '-' and '_'. Every id Plenum makes fits (a
 * UUID, 'plenary', the built-in stakeholder-group keys). Ids end up unescaped in places such as
 * an iCalendar UID or a room name, so an id that arrives from a file or from another laptop is
 * checked against this, never trusted: a line break in one would inject calendar events.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
