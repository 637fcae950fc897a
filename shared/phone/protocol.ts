import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';
import { ACTION_STATUSES, AGENDA_KINDS, ID_PATTERN, LANGUAGES, LIMITS, RUN_STATUSES, failWith, ok, type Result } from '../model';

/*
 * Phones in the room: the command protocol between a participant's phone and the moderator's laptop.
 *
 * What a phone can do. Say who it is (`claim`: a participant of the roster, or a typed name), add a
 * card to the board it is shown (named or anonymous), edit and delete the cards it wrote itself, put
 * and take back its person's dots in the open round. Nothing else: no agenda, no run, no rounds
 * opened or closed, no roster besides its own typed name, nobody else's card or dot.
 *
 * What the laptop checks (apply.ts), for every message: the shape (strict zod: unknown keys, wrong
 * types, oversized texts and messages are refused, never coerced), the rate (rate.ts: a token
 * bucket per phone, a cap on phones per room), who the phone is (its claim), that the board is the
 * one the phone is shown and open for it (scope.ts: the plenary's while the moderator has opened it
 * for capture, its table's during small-group work), the board's and group's lock for deleting,
 * authorship for editing and deleting, and the round, budget and stacking through shared/model's
 * castVote. A refusal is a code (PHONE_REFUSALS) the phone page translates; nothing is written.
 *
 * Who a phone is. The phone keeps a random device id (a UUID in its localStorage) and sends it in
 * every message; the laptop keeps only hashes in the document's `phones` map
 * (shared/model/phones.ts): device key (`deviceKey`) → the claimed participant, and card id → a
 * writer tag (`writerTag`, a hash of device id and card id), anonymous cards included. The tag
 * proves authorship to a message carrying the device id and tells a reader of the document
 * nothing: an anonymous card cannot be traced to a phone or person there. So a phone that reloads
 * is the same person with the same cards, also after the moderator's laptop restarted; a second
 * phone claiming the same person shares that person's dots (a budget is per person, as on laptops)
 * but cannot edit or delete the first phone's cards. The device id is the phone's only proof: the
 * transport must carry it to the laptop alone, never to other phones (every phone holds the room
 * key, so a frame relayed to all of them would show it); views never contain it or any device key.
 *
 * Picking a name. The view lists the participants who agreed to be named (the minutes' rule); the
 * others type their name. A typed name that matches nobody in the roster is added to it, as a laptop's "new author" is:
 * without consent (the minutes count the person, they do not name them; the moderator may grant
 * consent in the roster) and marked as attending. One roster entry per phone: typing again renames
 * the entry that phone added (a typo fixed), it does not add another. A typed name that matches a
 * roster entry (ignoring case, accents, spaces) is that person, exactly as picking them would be.
 *
 * Sent twice. Every command carries an id the phone chooses; a phone resends what was not answered
 * after a reconnect. A card's and a dot's id are derived from the device id and the command id
 * (`derivedId`), so a resend finds its card or dot and is answered "ok" without adding another; a
 * card's writer record outlives the card, so a resent "add" of a since deleted card is not added
 * again either. Edit, delete, unvote and claim are idempotent as they are.
 *
 * What persists where. In the workshop document, through shared/model only: cards and dots as any
 * laptop writes them (author = the claimed participant, or none when anonymous), the typed names'
 * roster entries, and the `phones` map — session state like `roles`, in no snapshot, backup,
 * export or the minutes. Phone changes use their own origin: the moderator's undo never takes
 * back a phone's card. Rate buckets live in the laptop's memory only.
 *
 * What a phone is shown (view.ts): read-only, one board (its scope's), names only with consent,
 * hidden results hidden, its own dots and action items, the run's timestamps for the countdown.
 * At most PHONE_VIEW_CARD_BYTES of cards: a 2,000-card board (about 690 KiB as JSON) is sent as
 * the phone's own cards and the newest others that fit, with the number left out.
 */

export const PHONE_PROTOCOL_VERSION = 1;

/** One message from a phone, as text, at most: a card of LIMITS.cardTextMaxBytes with its envelope (a WebRTC-sized 256 KiB). */
export const PHONE_MESSAGE_MAX_BYTES = 256 * 1024;

/** What a phone sends to name itself: a UUID (randomUUID or its fallback, shared/model/ids.ts) or another long random id. */
const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
/** Chosen by the phone, unique per phone: a counter with a random prefix or a UUID. */
const commandIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const idSchema = z.string().regex(ID_PATTERN);
const cardText = z.string().max(LIMITS.cardTextMax);

export const phoneCommandSchema = z.discriminatedUnion('type', [
  /** Who am I? Answered with the claimed participant, if any. */
  z.strictObject({ type: z.literal('hello'), id: commandIdSchema }),
  /**
   * I am this participant of the roster. `samePerson`: yes, also when another phone already is
   * (the person's second device, or this phone after its storage was cleared).
   */
  z.strictObject({ type: z.literal('claim'), id: commandIdSchema, participantId: idSchema, samePerson: z.literal(true).optional() }),
  /** I am the person of this name (added to the roster when nobody there has it); `samePerson` as for `claim`. */
  z.strictObject({ type: z.literal('claimName'), id: commandIdSchema, name: z.string().max(LIMITS.titleMax * 2), samePerson: z.literal(true).optional() }),
  z.strictObject({ type: z.literal('addCard'), id: commandIdSchema, boardId: idSchema, text: cardText, anonymous: z.boolean().optional() }),
  z.strictObject({ type: z.literal('editOwnCard'), id: commandIdSchema, cardId: idSchema, text: cardText }),
  z.strictObject({ type: z.literal('deleteOwnCard'), id: commandIdSchema, cardId: idSchema }),
  /** One dot for a card or group of the round's board. */
  z.strictObject({ type: z.literal('vote'), id: commandIdSchema, roundId: idSchema, targetId: idSchema }),
  /** Takes one of the person's dots back: the view lists their dots' ids. */
  z.strictObject({ type: z.literal('unvote'), id: commandIdSchema, voteId: idSchema }),
]);

export type PhoneCommand = z.infer<typeof phoneCommandSchema>;
export type PhoneCommandType = PhoneCommand['type'];

export const phoneMessageSchema = z.strictObject({
  v: z.literal(PHONE_PROTOCOL_VERSION),
  device: deviceIdSchema,
  command: phoneCommandSchema,
});

export type PhoneMessage = z.infer<typeof phoneMessageSchema>;

/** Why the laptop did not do what a phone asked; the phone page has a text for each (de, en, uk). */
export const PHONE_REFUSALS = [
  /** Not a message of this protocol: not JSON, a wrong shape, an unknown key or type. */
  'malformed',
  /** The message is larger than PHONE_MESSAGE_MAX_BYTES. */
  'tooLarge',
  /** The card's text is longer than a card may be (LIMITS). */
  'tooLong',
  /** The card's text is empty. */
  'emptyText',
  /** A typed name that is empty or too long. */
  'invalidName',
  /** A typed name that several people in the roster have: pick from the list. */
  'ambiguousName',
  /**
   * Another phone is already this person: two people of one name would share one dot budget and
   * one list of action items. The phone asks whether it is the same person and says so again.
   */
  'nameTaken',
  /** The phone has not said who it is, or that person was removed from the roster. */
  'unknownPerson',
  /** The card was not written by this phone. */
  'notYourCard',
  /** The dot is not this person's. */
  'notYourVote',
  /** The card, group or board no longer exists. */
  'notFound',
  /** The board is not open for this phone to write on (capture closed, or not its table). */
  'boardClosed',
  /** The moderator locked the board: its cards are not deleted. */
  'boardLocked',
  /** The moderator locked the card's group: its cards are not deleted. */
  'groupLocked',
  /** No open round this phone takes part in, or the round is over. */
  'roundClosed',
  /** Every dot of the person's budget is used. */
  'overBudget',
  /** One dot per card or group in this round. */
  'noStacking',
  /** Too many messages from this phone: wait a moment. */
  'rateLimited',
  /** The room has as many phones as it takes. */
  'roomFull',
] as const;

export type PhoneRefusalCode = (typeof PHONE_REFUSALS)[number];

export interface PhoneRefusal {
  code: PhoneRefusalCode;
  /** Fills the translation's placeholders: the budget, the maximum length. */
  params?: Record<string, number>;
}

export const refuse = (code: PhoneRefusalCode, params?: PhoneRefusal['params']): Result<never, PhoneRefusal> =>
  failWith(params ? { code, params } : { code });

/** What a command did, for the phone to find its card or dot. */
export interface PhoneOutcome {
  participantId?: string;
  cardId?: string;
  voteId?: string;
}

const outcomeSchema = z.strictObject({ participantId: idSchema.optional(), cardId: idSchema.optional(), voteId: idSchema.optional() });

/** The laptop's answer to one command, by the command's id. */
export const phoneReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ v: z.literal(PHONE_PROTOCOL_VERSION), type: z.literal('ok'), id: commandIdSchema, result: outcomeSchema }),
  z.strictObject({
    v: z.literal(PHONE_PROTOCOL_VERSION),
    type: z.literal('refused'),
    id: commandIdSchema,
    code: z.enum(PHONE_REFUSALS),
    params: z.record(z.string().max(32), z.number()).optional(),
  }),
]);

export type PhoneReply = z.infer<typeof phoneReplySchema>;

/** The answer to command `id`: the laptop sends one for every command it read, refused or done. */
export function phoneReply(id: string, result: Result<PhoneOutcome, PhoneRefusal>): PhoneReply {
  if (result.ok) return { v: PHONE_PROTOCOL_VERSION, type: 'ok', id, result: result.value };
  const { code, params } = result.error;
  return params ? { v: PHONE_PROTOCOL_VERSION, type: 'refused', id, code, params } : { v: PHONE_PROTOCOL_VERSION, type: 'refused', id, code };
}

/** Byte length of a text in UTF-8, without encoding it when its length alone decides. */
function overBytes(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return new TextEncoder().encode(text).length > max;
}

/** A refused message, with its command's id when one could be read (the reply names it), else ''. */
export type MessageRefusal = PhoneRefusal & { commandId: string };

/** The command id in a message that is otherwise refused; '' when there is none to read. */
function commandIdIn(json: unknown): string {
  const command: unknown = json !== null && typeof json === 'object' && 'command' in json ? json.command : null;
  const id: unknown = command !== null && typeof command === 'object' && 'id' in command ? command.id : null;
  const parsed = commandIdSchema.safeParse(id);
  return parsed.success ? parsed.data : '';
}

/**
 * A message a phone sent, as the laptop reads it: the text of one transport frame. Refused as
 * `tooLarge` before it is parsed, as `tooLong` when a card's text is over the limit, as
 * `invalidName` for a typed name far over it, else as `malformed` for anything that is not
 * exactly one of the commands.
 */
export function parsePhoneMessage(raw: unknown): Result<PhoneMessage, MessageRefusal> {
  if (typeof raw !== 'string') return failWith({ code: 'malformed', commandId: '' });
  if (overBytes(raw, PHONE_MESSAGE_MAX_BYTES)) return failWith({ code: 'tooLarge', params: { maxKb: PHONE_MESSAGE_MAX_BYTES / 1024 }, commandId: '' });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return failWith({ code: 'malformed', commandId: '' });
  }
  const parsed = phoneMessageSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const commandId = commandIdIn(json);
  const tooBig = (field: string) => parsed.error.issues.some((issue) => issue.code === 'too_big' && issue.path.at(-1) === field);
  if (tooBig('text')) return failWith({ code: 'tooLong', params: { max: LIMITS.cardTextMax }, commandId });
  if (tooBig('name')) return failWith({ code: 'invalidName', commandId });
  return failWith({ code: 'malformed', commandId });
}

/**
 * The key the laptop files a phone under: 128 bits of SHA-256 of its device id. The document
 * (which every laptop of the room reads) holds only this; the id itself stays the phone's proof.
 */
export function deviceKey(deviceId: string): string {
  return bytesToHex(sha256(utf8ToBytes(`plenum-phone:${deviceId}`))).slice(0, 32);
}

/**
 * A card's or dot's id for a phone's command: the same for a resend, different for every phone
 * and command. Made from the device id, not its key: a reader of the document, who sees the keys,
 * cannot tell from a card's id which phone wrote it.
 */
export function derivedId(deviceId: string, commandId: string): string {
  return bytesToHex(sha256(utf8ToBytes(`plenum-command:${deviceId}/${commandId}`))).slice(0, 32);
}

/** What the document keeps of who wrote a card: only a message with the device id can show it is that phone's. */
export function writerTag(deviceId: string, cardId: string): string {
  return bytesToHex(sha256(utf8ToBytes(`plenum-card:${deviceId}/${cardId}`))).slice(0, 32);
}

/** Characters of a card's text a phone is shown: a pasted document would fill the view on its own. */
export const PHONE_TEXT_SHOWN = 1000;
/** Ranked cards and groups of a vote's result a phone is shown: the top of it, as the room discusses it. */
export const PHONE_RESULTS_SHOWN = 10;
/** How long after a vote ended a phone still shows its result (ms). */
export const PHONE_RESULTS_FOR_MS = 60 * 60 * 1000;

/* ---- What a phone is shown (view.ts builds it): validated by the phone as it arrives. ---- */

const shortText = z.string().max(LIMITS.titleMax);

export const phoneViewSchema = z.strictObject({
  v: z.literal(PHONE_PROTOCOL_VERSION),
  /** The laptop's clock when it made the view (ms), so the phone can allow for its own clock's offset. */
  at: z.number(),
  workshop: z.strictObject({ title: shortText, language: z.enum(LANGUAGES) }),
  /** Who the phone is; null before it claims anybody. */
  me: z.strictObject({ participantId: idSchema, name: shortText }).nullable(),
  /**
   * The names a phone picks from: the participants who agreed to be named. Everyone else types
   * their name and is matched to their roster entry, so the room's phones list nobody the minutes
   * would not name.
   */
  roster: z.array(z.strictObject({ participantId: idSchema, name: shortText })),
  /** The running agenda item and the run's timestamps: the phone computes the countdown as laptops do (runClock). */
  run: z.strictObject({
    status: z.enum(RUN_STATUSES),
    itemStartedAt: z.number(),
    pausedAt: z.number(),
    /** The moderator sent the "two minutes left" signal for this item. */
    signalled: z.boolean(),
    item: z
      .strictObject({ id: idSchema, title: shortText, kind: z.enum(AGENDA_KINDS), task: z.string().max(LIMITS.notesMax), durationMin: z.number() })
      .nullable(),
  }),
  board: z
    .strictObject({
      id: idSchema,
      kind: z.enum(['plenary', 'table']),
      /** A table's name; '' for the plenary. */
      title: shortText,
      /**
       * A table whose name is blank: its number among such tables, as the laptops number it
       * (blankTableNumbers). Absent otherwise, and from a laptop of an older version.
       */
      unnamedNumber: z.number().int().positive().optional(),
      /** Whether this phone may add cards now. */
      writable: z.boolean(),
      locked: z.boolean(),
      groups: z.array(z.strictObject({ id: idSchema, title: z.string().max(LIMITS.shortTextMax), locked: z.boolean() })),
      cards: z.array(
        z.strictObject({
          id: idSchema,
          /** At most PHONE_TEXT_SHOWN characters of the card's text. */
          text: z.string().max(LIMITS.cardTextMax),
          /** The text was cut for the view: the phone offers no editing of it (it would save the cut text). */
          cut: z.boolean(),
          groupId: idSchema.nullable(),
          /** Written by this phone: it may edit it, and delete it unless locked. */
          mine: z.boolean(),
          /** The author's name only where the minutes would name them (consent); never for anonymous cards. */
          author: shortText.nullable(),
        }),
      ),
      /** Cards left out to keep the view small (the oldest of other people's); 0 when all are there. */
      omitted: z.number(),
    })
    .nullable(),
  round: z
    .strictObject({
      id: idSchema,
      budget: z.number(),
      allowStacking: z.boolean(),
      /** Dots the person has left. */
      left: z.number(),
      /** The person's own dots (ids, to take one back). */
      mine: z.array(z.strictObject({ id: idSchema, targetId: idSchema })),
      /** Dots per card or group that has any; null while the moderator hides the results. */
      totals: z.array(z.strictObject({ targetId: idSchema, dots: z.number() })).nullable(),
    })
    .nullable(),
  /**
   * The ranking of the vote that ended last on the plenary or the person's table, for an hour
   * after it ended and while no round is open for this phone: its best PHONE_RESULTS_SHOWN cards
   * and groups, each named as the board names it. null: none.
   */
  results: z
    .strictObject({
      roundId: idSchema,
      /** The board voted on: the plenary, or a table (its title; the number the laptops give a nameless one). */
      board: z.strictObject({ kind: z.enum(['plenary', 'table']), title: shortText, unnamedNumber: z.number().int().positive().optional() }),
      ranked: z.array(
        z.strictObject({
          rank: z.number().int().positive(),
          /** A group's title, or the card's text cut to PHONE_TEXT_SHOWN; '' for a group without a title. */
          label: z.string().max(LIMITS.cardTextMax),
          group: z.boolean(),
          dots: z.number().int().positive(),
        }),
      ),
      /** Dotted cards and groups left out of `ranked`. */
      more: z.number().int().nonnegative(),
    })
    .nullable(),
  /** The person's own action items. */
  actions: z.array(z.strictObject({ id: idSchema, title: shortText, due: z.string().max(10), status: z.enum(ACTION_STATUSES) })),
});

export type PhoneView = z.infer<typeof phoneViewSchema>;
