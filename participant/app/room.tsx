import { createContext, useContext, useEffect, useRef } from 'react';
import type { CommandAnswer, PhoneCommandInput, PhoneLink } from '../../shared/phone/client';

/** What every screen of the page reaches: the link, and the answers to the commands it sent. */
export interface Room {
  link: PhoneLink;
  /** Sends a command; returns its id, which its answer carries. */
  send(command: PhoneCommandInput): string;
  /** Calls `listener` with every answer until the returned function is called. */
  listen(listener: (answer: CommandAnswer) => void): () => void;
  /** Says something in the page's live region (a screen reader reads it; everyone sees it). */
  announce(text: string, tone: 'ok' | 'error'): void;
}

export const RoomContext = createContext<Room | null>(null);

export function useRoom(): Room {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom outside RoomContext');
  return room;
}

/** Every answer, to `listener` (the latest one given: no re-subscribing on each render). */
export function useAnswers(listener: (answer: CommandAnswer) => void): void {
  const { listen } = useRoom();
  const current = useRef(listener);
  useEffect(() => {
    current.current = listener;
  });
  useEffect(() => listen((answer) => current.current(answer)), [listen]);
}
