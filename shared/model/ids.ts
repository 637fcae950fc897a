/** Random ids: unique across laptops that create items at the same time without talking. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * What an id may look like: ASCII letters, digits, '-' and '_'. Every id Plenum makes fits (a
 * UUID, 'plenary', the built-in stakeholder-group keys). Ids end up unescaped in places such as
 * an iCalendar UID or a room name, so an id that arrives from a file or from another laptop is
 * checked against this, never trusted: a line break in one would inject calendar events.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
