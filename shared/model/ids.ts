/** Random ids: unique across laptops that create items at the same time without talking. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
