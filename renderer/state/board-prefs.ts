import { useCallback } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { CardColour, StakeholderGroup } from '../../shared/model';

/**
 * What this laptop puts on the next card of a board: who writes it (a table laptop is shared,
 * so the author is picked once and stays until changed), its colour and its tag. Remembered
 * per board on this laptop only: it is not part of the workshop and never sent to others, so
 * choosing "anonymous" leaves no trace on any screen.
 */
export interface EntryPrefs {
  /** A participant id, or null for anonymous. */
  authorId: string | null;
  colour: CardColour | null;
  stakeholderGroup: StakeholderGroup | null;
}

const NO_PREFS: EntryPrefs = { authorId: null, colour: null, stakeholderGroup: null };

interface BoardPrefsState {
  byBoard: Record<string, EntryPrefs>;
  set(boardKey: string, patch: Partial<EntryPrefs>): void;
}

const boardKey = (workshopId: string, boardId: string) => `${workshopId}/${boardId}`;

export const useBoardPrefsStore = create<BoardPrefsState>()(
  persist(
    (set) => ({
      byBoard: {},
      set: (boardKey, patch) => set((state) => ({ byBoard: { ...state.byBoard, [boardKey]: { ...(state.byBoard[boardKey] ?? NO_PREFS), ...patch } } })),
    }),
    { name: 'plenum.board-prefs', version: 1 },
  ),
);

/** The entry preferences of one board of one workshop, and a setter. */
export function useEntryPrefs(workshopId: string, boardId: string): [EntryPrefs, (patch: Partial<EntryPrefs>) => void] {
  const key = boardKey(workshopId, boardId);
  const prefs = useBoardPrefsStore((state) => state.byBoard[key] ?? NO_PREFS);
  const setPrefs = useBoardPrefsStore((state) => state.set);
  // The same setter while the board stays, so the entry's choices (memoised) skip each new card's render.
  const setBoardPrefs = useCallback((patch: Partial<EntryPrefs>) => setPrefs(key, patch), [setPrefs, key]);
  return [prefs, setBoardPrefs];
}

/** Drops the preferences of every board of a workshop that is gone from this laptop. */
export function forgetBoardPrefs(workshopId: string): void {
  const prefix = boardKey(workshopId, '');
  const byBoard = useBoardPrefsStore.getState().byBoard;
  if (!Object.keys(byBoard).some((key) => key.startsWith(prefix))) return;
  useBoardPrefsStore.setState({ byBoard: Object.fromEntries(Object.entries(byBoard).filter(([key]) => !key.startsWith(prefix))) });
}
