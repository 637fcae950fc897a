import {
  addCard,
  addParticipant,
  agendaSnapshot,
  asPhone,
  bindPhone,
  heldByOtherPhone,
  boardsSnapshot,
  cardById,
  cardWriter,
  castVote,
  effectiveGroupId,
  groupsSnapshot,
  participantsSnapshot,
  phoneCreatedParticipant,
  phoneParticipant,
  recordCardWriter,
  removeCard,
  retractVote,
  rolesSnapshot,
  runSnapshot,
  updateCardText,
  updateParticipant,
  validCardText,
  validTitle,
  voteRoundsSnapshot,
  votesSnapshot,
  ok,
  type ModelError,
  type Result,
  type WorkshopDoc,
} from '../model';
import { textKey } from '../participants/text-key';
import {
  derivedId,
  deviceKey,
  parsePhoneMessage,
  phoneReply,
  refuse,
  type PhoneCommand,
  type PhoneOutcome,
  type PhoneRefusal,
  type PhoneRefusalCode,
  type PhoneReply,
  writerTag,
} from './protocol';
import type { PhoneGate } from './rate';
import { phoneScope, type PhoneScope, type ScopeInput } from './scope';

/*
 * The moderator's laptop applies what phones ask (protocol.ts says what and why): every check
 * first, then shared/model's own operations (addCard, castVote…), which check again what they
 * always check, in one transaction with the phones' origin. A refusal writes nothing.
 */

/** A phone as the laptop knows it while it talks to it: its device id (its proof, never stored) and the key the document files it under. */
export interface Phone {
  deviceId: string;
  deviceKey: string;
}

export const phoneFromDevice = (deviceId: string): Phone => ({ deviceId, deviceKey: deviceKey(deviceId) });

type Outcome = Result<PhoneOutcome, PhoneRefusal>;

/** The model's refusal as the phone's: the model's words are for laptops, the phone page has its own. */
const MODEL_REFUSALS: Partial<Record<ModelError['code'], PhoneRefusalCode>> = {
  'text.empty': 'emptyText',
  'text.tooLong': 'tooLong',
  'text.tooLarge': 'tooLong',
  'title.empty': 'invalidName',
  'title.tooLong': 'invalidName',
  'name.empty': 'invalidName',
  'name.tooLong': 'invalidName',
  'vote.closed': 'roundClosed',
  'vote.budgetSpent': 'overBudget',
  'vote.noStacking': 'noStacking',
  'vote.unknownVoter': 'unknownPerson',
  notFound: 'notFound',
};

function fromModel<T>(result: Result<T>, done: (value: T) => PhoneOutcome): Outcome {
  if (result.ok) return ok(done(result.value));
  const params = result.error.params && Object.fromEntries(Object.entries(result.error.params).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  return refuse(MODEL_REFUSALS[result.error.code] ?? 'malformed', params && Object.keys(params).length > 0 ? params : undefined);
}

/** What the scope is decided from, read afresh for each command (a few small areas, not the cards). */
function scopeInput(doc: WorkshopDoc): ScopeInput {
  return {
    run: runSnapshot(doc),
    agenda: agendaSnapshot(doc),
    boards: boardsSnapshot(doc),
    participants: participantsSnapshot(doc),
    voteRounds: voteRoundsSnapshot(doc),
    plenaryOpen: rolesSnapshot(doc).plenaryOpen,
  };
}

/**
 * Does what one phone asked, or says why not. `now` stamps the card or dot. Every path either
 * refuses without writing or writes through shared/model in one transaction.
 */
export function applyPhoneCommand(doc: WorkshopDoc, phone: Phone, command: PhoneCommand, now: number): Outcome {
  switch (command.type) {
    case 'hello': {
      const me = phoneParticipant(doc, phone.deviceKey);
      return ok(me ? { participantId: me } : {});
    }
    case 'claim':
      if (!command.samePerson && askSamePerson(doc, phone, command.participantId)) return refuse('nameTaken');
      return fromModel(bindPhone(doc, phone.deviceKey, command.participantId), () => ({ participantId: command.participantId }));
    case 'claimName':
      return claimName(doc, phone, command.name, command.samePerson === true);
    default:
      break;
  }
  // A resend of an add or a vote that was done: its card or dot (or the card's writer record) is there.
  if (command.type === 'addCard' || command.type === 'vote') {
    const id = derivedId(phone.deviceId, command.id);
    if (command.type === 'addCard' && (cardById(doc, id) || cardWriter(doc, id) === writerTag(phone.deviceId, id))) return ok({ cardId: id });
    if (command.type === 'vote' && votesSnapshot(doc).some((vote) => vote.id === id)) return ok({ voteId: id });
  }
  const me = phoneParticipant(doc, phone.deviceKey);
  if (!me) return refuse('unknownPerson');
  const scope = phoneScope(scopeInput(doc), me);
  switch (command.type) {
    case 'addCard':
      return addOwnCard(doc, phone, scope, me, command, now);
    case 'editOwnCard':
      return editOwnCard(doc, phone, scope, command.cardId, command.text, now);
    case 'deleteOwnCard':
      return deleteOwnCard(doc, phone, scope, command.cardId);
    case 'vote':
      return vote(doc, phone, scope, me, command, now);
    case 'unvote':
      return unvote(doc, scope, me, command.voteId);
  }
}

/** Whether to ask the phone first: another phone is this person already, and this phone is not (a reload, a second tab is). */
const askSamePerson = (doc: WorkshopDoc, phone: Phone, participantId: string) =>
  phoneParticipant(doc, phone.deviceKey) !== participantId && heldByOtherPhone(doc, participantId, phone.deviceKey);

/** The roster entry a typed name stands for: the one person who has it, else the phone's own entry (renamed), else a new one. */
function claimName(doc: WorkshopDoc, phone: Phone, raw: string, samePerson: boolean): Outcome {
  const name = validTitle(raw);
  if (!name.ok) return refuse('invalidName');
  const key = textKey(name.value);
  const matches = key === '' ? [] : participantsSnapshot(doc).filter((person) => textKey(person.name) === key);
  if (matches.length > 1) return refuse('ambiguousName');
  const [match] = matches;
  if (match && !samePerson && askSamePerson(doc, phone, match.id)) return refuse('nameTaken');
  if (match) return fromModel(bindPhone(doc, phone.deviceKey, match.id), () => ({ participantId: match.id }));
  const own = phoneCreatedParticipant(doc, phone.deviceKey);
  return asPhone(doc, () => {
    if (own) {
      const renamed = updateParticipant(doc, own, { name: name.value });
      return renamed.ok ? fromModel(bindPhone(doc, phone.deviceKey, own), () => ({ participantId: own })) : fromModel(renamed, () => ({}));
    }
    // As a laptop's new author: counted in the minutes, not named, until the moderator records consent.
    // Present only where the moderator takes attendance: the minutes read one person marked
    // present as "attendance taken", and would list everyone else as excused.
    const attendanceTaken = participantsSnapshot(doc).some((person) => person.attended);
    const added = addParticipant(doc, { name: name.value, organisation: '', stakeholderGroup: '', email: '', consent: false, attended: attendanceTaken });
    if (!added.ok) return fromModel(added, () => ({}));
    return fromModel(bindPhone(doc, phone.deviceKey, added.value.id, true), () => ({ participantId: added.value.id }));
  });
}

function addOwnCard(doc: WorkshopDoc, phone: Phone, scope: PhoneScope, me: string, command: Extract<PhoneCommand, { type: 'addCard' }>, now: number): Outcome {
  if (!scope.board || !scope.writable || scope.board.id !== command.boardId) return refuse('boardClosed');
  const text = validCardText(command.text);
  if (!text.ok) return fromModel(text, () => ({}));
  const id = derivedId(phone.deviceId, command.id);
  const boardId = scope.board.id;
  return asPhone(doc, () => {
    const added = addCard(doc, { id, boardId, text: text.value, authorId: command.anonymous ? null : me, now });
    if (added.ok) recordCardWriter(doc, added.value.id, writerTag(phone.deviceId, added.value.id));
    return fromModel(added, (card) => ({ cardId: card.id }));
  });
}

/** A card this phone wrote, on the board it may write on now; else the refusal. */
function ownCard(doc: WorkshopDoc, phone: Phone, scope: PhoneScope, cardId: string): Result<NonNullable<ReturnType<typeof cardById>>, PhoneRefusal> {
  const card = cardById(doc, cardId);
  if (!card) return refuse('notFound');
  if (cardWriter(doc, cardId) !== writerTag(phone.deviceId, cardId)) return refuse('notYourCard');
  if (!scope.board || !scope.writable || scope.board.id !== card.boardId) return refuse('boardClosed');
  return ok(card);
}

function editOwnCard(doc: WorkshopDoc, phone: Phone, scope: PhoneScope, cardId: string, raw: string, now: number): Outcome {
  const card = ownCard(doc, phone, scope, cardId);
  if (!card.ok) return card;
  return asPhone(doc, () => fromModel(updateCardText(doc, cardId, raw, now), () => ({ cardId })));
}

function deleteOwnCard(doc: WorkshopDoc, phone: Phone, scope: PhoneScope, cardId: string): Outcome {
  // Deleted already (a resend, or the moderator was quicker): done, if it was this phone's.
  if (!cardById(doc, cardId) && cardWriter(doc, cardId) === writerTag(phone.deviceId, cardId)) return ok({ cardId });
  const card = ownCard(doc, phone, scope, cardId);
  if (!card.ok) return card;
  // As on a table laptop: a lock keeps the cards where they are, so nobody deletes them.
  if (scope.board?.locked) return refuse('boardLocked');
  const groups = new Map(groupsSnapshot(doc).map((group) => [group.id, group]));
  const groupId = effectiveGroupId(card.value, groups);
  if (groupId && groups.get(groupId)?.locked) return refuse('groupLocked');
  return asPhone(doc, () => fromModel(removeCard(doc, cardId), () => ({ cardId })));
}

function vote(doc: WorkshopDoc, phone: Phone, scope: PhoneScope, me: string, command: Extract<PhoneCommand, { type: 'vote' }>, now: number): Outcome {
  const round = scope.round;
  if (!round || round.id !== command.roundId) return refuse('roundClosed');
  // castVote takes any card or group of the workshop; a phone votes on what its round is about.
  const card = cardById(doc, command.targetId);
  const onBoard = card ? card.boardId === round.boardId : groupsSnapshot(doc).some((group) => group.id === command.targetId && group.boardId === round.boardId);
  if (!onBoard) return refuse('notFound');
  const id = derivedId(phone.deviceId, command.id);
  return asPhone(doc, () => fromModel(castVote(doc, { id, roundId: round.id, voterId: me, targetId: command.targetId, now }), (dot) => ({ voteId: dot.id })));
}

function unvote(doc: WorkshopDoc, scope: PhoneScope, me: string, voteId: string): Outcome {
  const dot = votesSnapshot(doc).find((entry) => entry.id === voteId);
  // Taken back already (a resend): nothing left to do.
  if (!dot) return ok({ voteId });
  if (dot.voterId !== me) return refuse('notYourVote');
  if (!scope.round || scope.round.id !== dot.roundId) return refuse('roundClosed');
  return asPhone(doc, () => fromModel(retractVote(doc, voteId), () => ({ voteId })));
}

/**
 * One frame from a phone, start to end: read it, let the gate count it, apply it. The reply to
 * send back, or null for a frame so broken that it names no command (nothing to answer).
 */
export function receivePhoneMessage(doc: WorkshopDoc, gate: PhoneGate, raw: unknown, now: number): PhoneReply | null {
  const message = parsePhoneMessage(raw);
  if (!message.ok) {
    const { commandId, ...refusal } = message.error;
    return commandId ? phoneReply(commandId, { ok: false, error: refusal }) : null;
  }
  const phone = phoneFromDevice(message.value.device);
  const { id } = message.value.command;
  const admission = gate.admit(phone.deviceKey, now, phoneParticipant(doc, phone.deviceKey) !== null);
  if (admission !== 'ok') return phoneReply(id, refuse(admission));
  return phoneReply(id, applyPhoneCommand(doc, phone, message.value.command, now));
}
