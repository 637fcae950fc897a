import { createContext, useContext, useEffect, useState } from 'react';
import { openPageChannel } from './page-channel';
import { turnPage } from './wall-pages';

/** How long a page stays before the next one: time to read a column of cards from the back. */
export const PAGE_TURN_MS = 15_000;

/** After a turn by hand the moderator sets the pace: the wall waits this long before turning by itself again. */
export const PAGE_HOLD_AFTER_HAND_MS = 60_000;

/** The workshop the wall shows, for the moderator's page turns (set by ProjectorContent). */
export const WallWorkshop = createContext('');

/**
 * The page a wall view shows of `pages`: it turns by itself every PAGE_TURN_MS, with the arrow
 * keys on the projector window and with the moderator's turns from the moderator's window.
 * After a turn by hand it waits PAGE_HOLD_AFTER_HAND_MS before turning by itself.
 */
export function useWallPager(pages: number): number {
  const workshopId = useContext(WallWorkshop);
  const [page, setPage] = useState(0);
  const [byHand, setByHand] = useState(false);
  const shown = Math.min(page, Math.max(0, pages - 1));

  useEffect(() => {
    if (pages <= 1) return;
    const timer = setTimeout(
      () => {
        setByHand(false);
        setPage((current) => turnPage(Math.min(current, pages - 1), pages, 1));
      },
      byHand ? PAGE_HOLD_AFTER_HAND_MS : PAGE_TURN_MS,
    );
    return () => clearTimeout(timer);
  }, [page, pages, byHand]);

  useEffect(() => {
    const turn = (step: 1 | -1) => {
      setByHand(true);
      setPage((current) => turnPage(Math.min(current, pages - 1), pages, step));
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowRight') turn(1);
      else if (event.key === 'ArrowLeft') turn(-1);
    };
    window.addEventListener('keydown', onKey);
    const channel = openPageChannel((message) => {
      if (message.kind === 'turn' && message.workshopId === workshopId) turn(message.step);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      channel?.close();
    };
  }, [pages, workshopId]);

  useEffect(() => {
    if (!workshopId) return;
    const state = { kind: 'state', workshopId, page: shown, pages: Math.max(1, pages) } as const;
    const channel = openPageChannel((message) => {
      if (message.kind === 'hello' && message.workshopId === workshopId) channel?.post(state);
    });
    channel?.post(state);
    // A window closed (not unmounted by React) says goodbye too, so the moderator's buttons go.
    const goodbye = () => channel?.post({ ...state, page: 0, pages: 1 });
    window.addEventListener('pagehide', goodbye);
    return () => {
      window.removeEventListener('pagehide', goodbye);
      channel?.close();
    };
  }, [workshopId, shown, pages]);

  // A view that goes away leaves nothing to turn.
  useEffect(() => {
    if (!workshopId) return;
    return () => {
      const channel = openPageChannel(() => {});
      channel?.post({ kind: 'state', workshopId, page: 0, pages: 1 });
      channel?.close();
    };
  }, [workshopId]);

  return shown;
}
