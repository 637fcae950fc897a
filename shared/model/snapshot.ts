import type { WorkshopDoc } from './doc';
import { agendaSnapshot } from './agenda';
import { boardsSnapshot, cardsSnapshot } from './cards';
import { metaSnapshot } from './meta';
import { participantsSnapshot } from './participants';
import { ROOT, type RootName, type WorkshopSnapshot } from './schema';
import { reportBackSnapshot } from './tables';
import { groupsSnapshot } from './groups';
import { voteRoundsSnapshot, votesSnapshot } from './votes';
import { actionItemsSnapshot } from './actions';
import { runSnapshot } from './run';
import { stakeholderGroupsSnapshot } from './stakeholder-groups';

/** Readers of each area, by the name of the area. */
export const areaReaders = {
  meta: metaSnapshot,
  agenda: agendaSnapshot,
  boards: boardsSnapshot,
  cards: cardsSnapshot,
  participants: participantsSnapshot,
  reportBack: reportBackSnapshot,
  groups: groupsSnapshot,
  voteRounds: voteRoundsSnapshot,
  votes: votesSnapshot,
  actions: actionItemsSnapshot,
  stakeholderGroups: stakeholderGroupsSnapshot,
  run: runSnapshot,
} satisfies { [K in keyof WorkshopSnapshot]: (doc: WorkshopDoc) => WorkshopSnapshot[K] };

export type Area = keyof typeof areaReaders;

/** The top-level map each area is read from: a change there may change the area. */
export const areaRoots: Record<Area, RootName> = {
  meta: ROOT.meta,
  agenda: ROOT.agenda,
  boards: ROOT.boards,
  cards: ROOT.cards,
  participants: ROOT.participants,
  // Kept on the plenary board's map, inside boards.
  reportBack: ROOT.boards,
  groups: ROOT.groups,
  voteRounds: ROOT.voteRounds,
  votes: ROOT.votes,
  actions: ROOT.actions,
  stakeholderGroups: ROOT.stakeholderGroups,
  run: ROOT.run,
};

/** The whole workshop as plain data: what tests compare, minutes read and backups hold. */
export function workshopSnapshot(doc: WorkshopDoc): WorkshopSnapshot {
  return {
    meta: metaSnapshot(doc),
    agenda: agendaSnapshot(doc),
    boards: boardsSnapshot(doc),
    cards: cardsSnapshot(doc),
    participants: participantsSnapshot(doc),
    reportBack: reportBackSnapshot(doc),
    groups: groupsSnapshot(doc),
    voteRounds: voteRoundsSnapshot(doc),
    votes: votesSnapshot(doc),
    actions: actionItemsSnapshot(doc),
    stakeholderGroups: stakeholderGroupsSnapshot(doc),
    run: runSnapshot(doc),
  };
}
