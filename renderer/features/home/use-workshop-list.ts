import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from '../../hooks/use-store';
import { describeError } from '../../hooks/use-error-text';
import type { WorkshopList } from '../../storage/workshop-store';
import { useToasts } from '../../state/toasts';
import { forgetStartList, startList } from './start-list';

/** The workshops on this laptop (null until read); `reload` reads them again after a change. */
export function useWorkshopList() {
  const store = useStore();
  const showToast = useToasts((state) => state.show);
  const [list, setList] = useState<WorkshopList | null>(() => startList(store));
  const shownFromStart = useRef(list !== null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((current) => current + 1), []);

  useEffect(() => {
    if (shownFromStart.current) {
      // The first render showed the list read at start-up: reading it again now would only render it twice.
      shownFromStart.current = false;
      forgetStartList();
      return;
    }
    let current = true;
    store.listWorkshops().then(
      (next) => current && setList(next),
      (error: unknown) => current && showToast({ message: (t) => describeError(t, error), tone: 'error' }),
    );
    return () => {
      current = false;
    };
  }, [store, version, showToast]);

  return { list, reload };
}

/** The listed workshops whose title holds `query` (any case; all of them for an empty query). */
export function filterWorkshops(list: WorkshopList | null, query: string): WorkshopList['workshops'] {
  const needle = query.trim().toLocaleLowerCase();
  const rows = list?.workshops ?? [];
  return needle ? rows.filter((row) => row.title.toLocaleLowerCase().includes(needle)) : rows;
}
