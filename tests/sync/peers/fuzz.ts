import {
  addAgendaItem,
  addCard,
  agendaSnapshot,
  boardsSnapshot,
  cardsSnapshot,
  moveAgendaItem,
  removeCard,
  updateAgendaItem,
  updateCardText,
  type WorkshopDoc,
} from '../../../shared/model';
import { pick, seededRandom } from '../../support/prng';

/**
 * Random edits on one laptop, as a person at a table makes them: add cards (to the plenary or a
 * table), edit and delete cards, add, rename and move agenda items, with short pauses. Every choice
 * comes from `seed`; what a choice lands on (the third card, the second agenda item) depends on
 * what this laptop holds at that moment, which depends on timing, so a replay with the same seed
 * makes the same kinds of edits with the same texts in the same order, not necessarily on the
 * same items.
 */
export interface FuzzOptions {
  name: string;
  tag: string;
  seed: number;
  ops: number;
  minDelayMs: number;
  maxDelayMs: number;
}

/** What the laptop did, so a test can check that nothing written was lost. */
export interface FuzzLog {
  /** Ids of the cards this laptop added, with the text they were added with. */
  added: Array<{ id: string; text: string; board: string }>;
  removed: string[];
  edited: Array<{ id: string; text: string }>;
  agendaAdded: string[];
  agendaMoved: number;
  agendaRenamed: number;
  /** Operations the model refused (e.g. a card deleted by another laptop in the meantime): none expected. */
  refused: number;
  /** Operations that found nothing to work on (no card yet to edit): they do nothing. */
  skipped: number;
  /** Operations that threw (a bug): what was done, the error, and the items it looked at. */
  errors: Array<{ op: string; message: string; stack: string; context: unknown }>;
  durationMs: number;
}

const WORDS = (
  'Radwege Schulweg Förderung Beratung Nachbarschaft Energie Wärme Dolmetscher Sprachkurs Kita ' +
  'громада житло транспорт бібліотека підтримка idea question bench shade playground tram'
).split(' ');

function text(random: () => number, prefix: string): string {
  const words = Array.from({ length: 2 + pick(random, 8) }, () => WORDS[pick(random, WORDS.length)] ?? 'Idee');
  const body = words.join(random() < 0.15 ? '\n' : ' ');
  return `${prefix}: ${body}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How far a run got: enough to carry on in a laptop restarted after a crash (see store.ts). */
export interface FuzzProgress {
  /** The next operation's index. */
  index: number;
  /** Numbers drawn from the seeded generator so far. */
  draws: number;
  log: FuzzLog;
}

export interface FuzzHooks {
  /** Where a run of the same tag stopped when the process crashed. */
  resume?: FuzzProgress;
  /**
   * Does one operation (`work`, which returns the progress after it) so that its changes and its
   * progress are kept together (store.ts `step`); without it, the operation just runs.
   */
  step?: (work: () => FuzzProgress) => void;
}

export async function runFuzz(doc: WorkshopDoc, options: FuzzOptions, hooks: FuzzHooks = {}): Promise<FuzzLog> {
  const generator = seededRandom(options.seed);
  let draws = 0;
  const random = () => ((draws += 1), generator());
  // The same numbers from where the crashed run stopped: the operations it had not done yet, as they would have been.
  for (let skip = 0; skip < (hooks.resume?.draws ?? 0); skip += 1) random();
  const log: FuzzLog = hooks.resume?.log ?? { added: [], removed: [], edited: [], agendaAdded: [], agendaMoved: 0, agendaRenamed: 0, refused: 0, skipped: 0, errors: [], durationMs: 0 };
  const started = performance.now() - log.durationMs;
  for (let index = hooks.resume?.index ?? 0; index < options.ops; index += 1) {
    let delay = 0;
    const work = (): FuzzProgress => {
      const label = `${options.name}/${options.tag}/${index}`;
      const roll = random();
      let op = 'none';
      let context: unknown = null;
      try {
        if (roll < 0.4) {
          const boards = boardsSnapshot(doc);
          const board = boards[pick(random, boards.length)];
          const written = text(random, label);
          op = 'add-card';
          context = board ? { board: board.id, cards: cardsSnapshot(doc).filter((card) => card.boardId === board.id).map(({ id, order }) => ({ id, order })) } : null;
          if (!board) log.skipped += 1;
          else {
            const result = addCard(doc, { boardId: board.id, text: written });
            if (result.ok) log.added.push({ id: result.value.id, text: written, board: board.id });
            else log.refused += 1;
          }
        } else if (roll < 0.6) {
          const cards = cardsSnapshot(doc);
          const card = cards[pick(random, cards.length)];
          const written = text(random, `${label} edit`);
          op = 'edit-card';
          if (!card) log.skipped += 1;
          else if (updateCardText(doc, card.id, written).ok) log.edited.push({ id: card.id, text: written });
          else log.refused += 1;
        } else if (roll < 0.7) {
          const cards = cardsSnapshot(doc);
          const card = cards[pick(random, cards.length)];
          op = 'remove-card';
          if (!card) log.skipped += 1;
          else if (removeCard(doc, card.id).ok) log.removed.push(card.id);
          else log.refused += 1;
        } else if (roll < 0.82) {
          op = 'add-agenda';
          context = agendaSnapshot(doc).map(({ id, order }) => ({ id, order }));
          const result = addAgendaItem(doc, { title: `${label} item`, durationMin: 5 + pick(random, 60) });
          if (result.ok) log.agendaAdded.push(result.value.id);
          else log.refused += 1;
        } else if (roll < 0.94) {
          const items = agendaSnapshot(doc);
          const item = items[pick(random, items.length)];
          const to = pick(random, items.length + 1);
          op = 'move-agenda';
          context = { item: item?.id, to, agenda: items.map(({ id, order }) => ({ id, order })) };
          if (!item) log.skipped += 1;
          else if (moveAgendaItem(doc, item.id, to).ok) log.agendaMoved += 1;
          else log.refused += 1;
        } else {
          const items = agendaSnapshot(doc);
          const item = items[pick(random, items.length)];
          op = 'rename-agenda';
          if (!item) log.skipped += 1;
          else if (updateAgendaItem(doc, item.id, { title: `${label} renamed` }).ok) log.agendaRenamed += 1;
          else log.refused += 1;
        }
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        log.errors.push({ op, message: failure.message, stack: failure.stack ?? '', context });
      }
      delay = options.minDelayMs + random() * Math.max(0, options.maxDelayMs - options.minDelayMs);
      log.durationMs = performance.now() - started;
      return { index: index + 1, draws, log };
    };
    if (hooks.step) hooks.step(work);
    else work();
    await sleep(delay);
  }
  log.durationMs = performance.now() - started;
  return log;
}
