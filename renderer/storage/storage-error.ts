/** Why the local store failed, as a code the UI translates. */
/** `codeNotLoaded`: the store's checks are a chunk of their own, and it did not load (a web host updated, the network gone). */
export type StorageErrorCode = 'storage.quota' | 'storage.newer' | 'storage.unavailable' | 'storage.failed' | 'storage.damaged' | 'codeNotLoaded';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'StorageError';
  }
}

/** Maps what IndexedDB or Dexie threw onto a code a moderator can act on. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return new StorageError('storage.quota', message);
  if (name === 'VersionError' || inner === 'VersionError') return new StorageError('storage.newer', message);
  if (name === 'MissingAPIError' || name === 'InvalidStateError') return new StorageError('storage.unavailable', message);
  return new StorageError('storage.failed', message);
}
