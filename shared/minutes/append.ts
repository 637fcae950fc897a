/**
 * Appends every item to `target` one by one. `target.push(...items)` passes each item as an
 * argument, and a board of 130,000 cards overflows the call stack that way.
 */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
