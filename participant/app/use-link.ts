import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CommandAnswer, PhoneLink } from '../../shared/phone/client';

/**
 * Renders again on every change the link reports and hands each answer to `onAnswer`. The link
 * is read directly during render (state, view, pending): a counter is the snapshot, so the
 * link's objects need not be immutable.
 */
export function useLink(link: PhoneLink, onAnswer: (answer: CommandAnswer) => void): void {
  const answerRef = useRef(onAnswer);
  useEffect(() => {
    answerRef.current = onAnswer;
  });
  const version = useRef(0);
  const [store] = useState(() => ({
    subscribe(notify: () => void) {
      return link.subscribe((answer) => {
        version.current += 1;
        if (answer) answerRef.current(answer);
        notify();
      });
    },
    snapshot: () => version.current,
  }));
  useSyncExternalStore(store.subscribe, store.snapshot);
}

/** The time now, again every `everyMs` while `ticking`: the countdown's and the "lost since" clock. */
export function useNow(ticking: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [ticking, everyMs]);
  return now;
}
