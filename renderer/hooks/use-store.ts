import { createContext, useContext } from 'react';
import type { WorkshopStore } from '../storage/workshop-store';

export const StoreContext = createContext<WorkshopStore | null>(null);

/** The local workshop store, opened once at start-up. */
export function useStore(): WorkshopStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside StoreContext');
  return store;
}
