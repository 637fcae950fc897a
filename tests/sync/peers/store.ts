import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { z } from 'zod';

/*
 * A test laptop's disk: what the app keeps in IndexedDB (the workshop's Yjs updates), plus what
 * the test harness needs to carry on after the process crashed: the replies to commands already
 * done (so a command sent again is not done twice) and how far each random-edit run got. One JSON
 * line per record, written with one synchronous write per step, so the operating system holds
 * everything a step did even if the process dies the next instant (a crash is not a power cut).
 * A line cut short by the crash is ignored.
 */

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
  save(...records: Array<z.infer<typeof record>>): void;
  /** Holds document updates back until the next save (the updates of one step go out with its reply). */
  hold(): void;
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
  const flush = () => {
    if (pending.length > 0) appendFileSync(file, `${pending.join('\n')}\n`);
    pending.length = 0;
  };
  doc.on('update', (update: Uint8Array) => {
    pending.push(JSON.stringify({ update: Buffer.from(update).toString('base64') }));
    if (!held) flush();
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
  };
}
