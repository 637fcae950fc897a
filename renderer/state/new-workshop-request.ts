import { create } from 'zustand';

/** "New workshop" from the native menu: the home screen's form takes the focus once, then the request is done. */
export const useNewWorkshopRequest = create<{ pending: boolean; request(): void; done(): void }>((set) => ({
  pending: false,
  request: () => set({ pending: true }),
  done: () => set({ pending: false }),
}));
