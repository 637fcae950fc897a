import { useSyncExternalStore } from 'react';

interface Subscribable<T> {
  subscribe(listener: () => void): () => void;
  status(): T;
}

/** Reads a small observable object (the saver's status) the React way. */
export function useSubscribable<T>(source: Subscribable<T>): T {
  return useSyncExternalStore(
    (listener) => source.subscribe(listener),
    () => source.status(),
  );
}
