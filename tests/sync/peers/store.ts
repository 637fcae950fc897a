import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { z } from 'zod';
import { LOCAL_ORIGIN } from '../../../shared/model';

/*
 * A test laptop's disk: what the app keeps in IndexedDB (the workshop's Yjs updates), plus what
 * the test harness needs to carry on after the process crashed: the replies to commands already
 * done (so a command sent again is not done twice) and how far each random-edit run got. One JSON
 * line per record, written with one synchronous write per step, so the operating system holds
 * everything a step did even if the process dies the next instant (a crash is not a power cut).
 * A line cut short by the crash is ignored.
 *
 * A step's updates and records reach the disk before the network sees them (`step`): the store's
 * update handler is registered before the peer sync's, and a step is one transaction whose records
 * are known when its update is emitted. Saving after the step instead let a native crash fall
 * between the broadcast and the write; the restarted laptop then did the step again (a second card
 * with a new id, or another card removed) while the first had already reached the others.
 */
type StoreRecord = z.infer<typeof record>;

const record = z.union([
  z.object({ update: z.string() }),
  z.object({ rid: z.number().int(), reply: z.record(z.string(), z.unknown()) }),
  z.object({ fuzz: z.string(), progress: z.record(z.string(), z.unknown()) }),
]);

export interface StoredState {
  /** Whether the file held a workshop (a restart, not a first start). */
  restored: boolean;
  /** The replies of commands already done, by the harness's request id. */
  replies: Map<number, Record<string, unknown>>;
  /** The last saved progress of each random-edit run, by tag. */
  fuzz: Map<string, Record<string, unknown>>;
}

export interface PeerStore {
  readonly state: StoredState;
  /** Saves `records` and every document update since the last save in one write. */
  save(...records: StoreRecord[]): void;
  /** Holds document updates back until the next save. */
  hold(): void;
  /**
   * Does `work` as one local transaction and writes its updates with the records it returns in one
   * write, before any later update handler (the network) sees them; records alone when it changed nothing.
   */
  step<T>(work: () => { value: T; records: StoreRecord[] }): T;
}

export function openPeerStore(file: string, doc: Y.Doc): PeerStore {
  const state: StoredState = { restored: false, replies: new Map(), fuzz: new Map() };
  if (existsSync(file)) {
    const updates: Uint8Array[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      let parsed: z.infer<typeof record>;
      try {
        parsed = record.parse(JSON.parse(line));
      } catch {
        continue;
      }
      if ('update' in parsed) updates.push(Buffer.from(parsed.update, 'base64'));
      else if ('rid' in parsed) state.replies.set(parsed.rid, parsed.reply);
      else state.fuzz.set(parsed.fuzz, parsed.progress);
    }
    if (updates.length > 0) {
      Y.applyUpdate(doc, Y.mergeUpdates(updates));
      state.restored = true;
    }
  }
  // Rewritten compact: the merged workshop and the bookkeeping, then appended to.
  const lines = [
    JSON.stringify({ update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') }),
    ...[...state.replies].map(([rid, reply]) => JSON.stringify({ rid, reply })),
    ...[...state.fuzz].map(([fuzz, progress]) => JSON.stringify({ fuzz, progress })),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);

  let held = false;
  const pending: string[] = [];
  /** The records of the step whose transaction is ending: written with its update. */
  let stepRecords: StoreRecord[] | null = null;
  const flush = () => {
    if (pending.length > 0) appendFileSync(file, `${pending.join('\n')}\n`);
    pending.length = 0;
  };
  const writeStep = () => {
    if (stepRecords) pending.push(...stepRecords.map((entry) => JSON.stringify(entry)));
    stepRecords = null;
    held = false;
    flush();
  };
  doc.on('update', (update: Uint8Array) => {
    pending.push(JSON.stringify({ update: Buffer.from(update).toString('base64') }));
    if (stepRecords) writeStep();
    else if (!held) flush();
  });
  return {
    state,
    hold() {
      held = true;
    },
    save(...records) {
      pending.push(...records.map((entry) => JSON.stringify(entry)));
      held = false;
      flush();
    },
    step(work) {
      held = true;
      let value: ReturnType<typeof work>['value'] | undefined;
      try {
        doc.transact(() => {
          const done = work();
          value = done.value;
          stepRecords = done.records;
        }, LOCAL_ORIGIN);
      } finally {
        // A step that changed nothing emits no update; one that threw is not a step: nothing of it is kept apart.
        writeStep();
      }
      return value as ReturnType<typeof work>['value'];
    },
  };
}
