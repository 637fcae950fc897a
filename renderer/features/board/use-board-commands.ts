import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  castVote,
  countedVotes,
  voteTargetIds,
  dissolveGroup,
  groupCards,
  mergeGroups,
  moveCardToGroup,
  removeCard,
  renameGroup,
  restoreCard,
  restoreGroup,
  retractVote,
  updateCardDetails,
  type Card,
  type CardGroup,
  type DropIntent,
  type GroupedBoard,
  type Vote,
  type VoteRound,
  type WorkshopDoc,
} from '../../../shared/model';
import { useErrorText } from '../../hooks/use-error-text';
import { useToasts } from '../../state/toasts';
import { useReport, useUndoToast } from '../common/use-command-feedback';
import { useCommands } from '../roles/use-role';
import type { BoardActions } from './board-types';
import { changeKeepingFocus } from './card-focus';
import type { GroupCommands } from './GroupView';

/** What the board's handlers read: the latest of it, whenever they run. */
export interface BoardState {
  allCards: readonly Card[];
  groups: readonly CardGroup[];
  round: VoteRound | null;
  voterId: string | null;
  votes: readonly Vote[];
  layout: GroupedBoard<Card>;
}

/**
 * What a board does when someone acts on it: delete a card (with Undo), vote, group by dropping,
 * make action items, rename, lock and dissolve groups, open the plenary to the tables. Refusals
 * become error toasts.
 */
export function useBoardCommands(doc: WorkshopDoc, state: BoardState) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const showToast = useToasts((store) => store.show);
  const report = useReport();
  const undoToast = useUndoToast();
  const guarded = useCommands(doc);

  // The cards' handlers read the latest data through a ref, so they stay one object for the
  // board's lifetime and a memoised card re-renders only when its own data changes.
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });

  const actions: BoardActions = useMemo(
    () => ({
      errorText,
      remove(cardId) {
        const card = latest.current.allCards.find((entry) => entry.id === cardId);
        if (!card || !changeKeepingFocus(() => report(removeCard(doc, cardId)))) return;
        undoToast((t) => t('board.cardDeleted'), () => changeKeepingFocus(() => restoreCard(doc, card), () => [card.id]));
      },
      vote(targetId) {
        const { round, voterId } = latest.current;
        if (!round || round.state !== 'open') return;
        if (!voterId) return void showToast({ message: (t) => t('votes.pickVoter'), tone: 'error' });
        report(castVote(doc, { roundId: round.id, voterId, targetId }));
      },
      unvote(targetId) {
        const { round, voterId, votes, allCards, groups } = latest.current;
        if (!round || !voterId) return;
        const mine = countedVotes(round, votes, voteTargetIds(allCards, groups)).filter((vote) => vote.voterId === voterId && vote.targetId === targetId);
        const last = mine.at(-1);
        if (last) report(retractVote(doc, last.id));
      },
      makeAction(cardId, draft) {
        const result = guarded.actions.fromCard(cardId, draft);
        if (!result.ok) return errorText(result.error);
        showToast({ message: (t) => t('actions.created'), tone: 'info' });
        return null;
      },
      setDetails(cardId, patch) {
        report(updateCardDetails(doc, cardId, patch));
      },
    }),
    [doc, report, undoToast, showToast, errorText, guarded],
  );

  const groupCommands: GroupCommands = useMemo(
    () => ({
      rename: (groupId, text) => void report(renameGroup(doc, groupId, text)),
      setLocked: (groupId, locked) => void report(guarded.locks.group(groupId, locked)),
      dissolve(groupId) {
        const entry = latest.current.layout.groups.find(({ group }) => group.id === groupId);
        if (!entry || !report(dissolveGroup(doc, groupId))) return;
        const cardIds = entry.cards.map((card) => card.id);
        undoToast((t) => t('groups.dissolved'), () => restoreGroup(doc, entry.group, cardIds));
      },
    }),
    [doc, report, undoToast, guarded],
  );

  const onDrop = useCallback(
    (intent: DropIntent) => {
      if (intent.kind === 'newGroup') report(groupCards(doc, { cardIds: intent.cardIds }));
      else if (intent.kind === 'join') report(moveCardToGroup(doc, intent.cardId, intent.groupId));
      else if (intent.kind === 'leave') report(moveCardToGroup(doc, intent.cardId, null));
      else report(mergeGroups(doc, intent.fromId, intent.intoId));
    },
    [doc, report],
  );

  /** An action item from a ranked card or group of the closed round. */
  const makeActionFrom = (targetId: string) => {
    const group = state.groups.find((entry) => entry.id === targetId);
    const result = group ? guarded.actions.add({ title: group.title || t('groups.untitled'), boardId: group.boardId }) : guarded.actions.fromCard(targetId);
    if (report(result)) showToast({ message: (t) => t('actions.created'), tone: 'info' });
  };

  const openPlenary = (open: boolean) => void report(guarded.room.openPlenary(open));

  return { actions, groupCommands, onDrop, makeActionFrom, openPlenary };
}
