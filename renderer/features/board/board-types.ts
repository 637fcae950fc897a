import { createContext } from 'react';
import type { CardPatch, Participant } from '../../../shared/model';
import type { ActionDraft } from '../actions/ActionFromCardDialog';

/** What a card or group shows of the open or last vote round. */
export interface VoteView {
  open: boolean;
  /** Dots of the person voting on this laptop. */
  mine: number;
  /** All dots, or null while the moderator hides results until the round closes. */
  total: number | null;
}

/** Everything a card or group can ask the board to do; one stable object per board. */
export interface CardLabels {
  editCard: string;
  save: string;
  cancel: string;
  edit: string;
  delete: string;
  details: string;
  moveCard: string;
  moveCardHint: string;
  showLess: string;
  showAll(count: number): string;
  stakeholder(group: string): string;
}

export interface BoardActions {
  /** A model refusal as a sentence in the UI language. */
  errorText(error: unknown): string;
  remove(cardId: string): void;
  vote(targetId: string): void;
  unvote(targetId: string): void;
  /** An action item from a card; answers a refusal as a sentence, or null when it was made. */
  makeAction(cardId: string, draft: ActionDraft): string | null;
  setDetails(cardId: string, patch: CardPatch): void;
}

/** The roster, for picking a card's author; read only by the card details that are open. */
export const ParticipantsContext = createContext<readonly Participant[]>([]);
