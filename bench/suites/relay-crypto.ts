import { performance } from 'node:perf_hooks';
import { deriveRelayKey, openRelayMessage, sealRelayMessage, type RelayKey } from '../../shared/protocol/relay-crypto';
import type { Series } from '../format';
import type { NodeBenchContext, NodeBenchSuite } from './node-types';

/*
 * The relay's crypto on a page without crypto.subtle (a phone at http://<LAN address>): the pure-JS
 * fallback (@noble) against WebCrypto, in the same process, interleaved. Deriving the key
 * (PBKDF2-SHA256, 100,000 rounds) is paid once per join; sealing and opening a 64 KiB message (a
 * large relayed update) per message. Node's V8 is the phone browser's engine; a phone's CPU is
 * some times slower, so the targets leave room for that.
 */

const DERIVATIONS = 5;
const MESSAGES = 25;
const WARMUP = 3;
const MESSAGE_BYTES = 64 * 1024;
const SECRET = 'K7QF2MXD9PAW';

const platform = globalThis.crypto;
const platformDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
/** What a non-secure page offers: getRandomValues, no subtle. */
const insecurePage = { getRandomValues: <T extends ArrayBufferView>(array: T): T => platform.getRandomValues(array) };

/** Runs `work` as on a phone's page (noble) or as on a laptop (WebCrypto). */
async function on<T>(backend: 'noble' | 'webcrypto', work: () => Promise<T>): Promise<T> {
  if (backend === 'webcrypto' || !platformDescriptor) return work();
  Object.defineProperty(globalThis, 'crypto', { value: insecurePage, configurable: true });
  try {
    return await work();
  } finally {
    Object.defineProperty(globalThis, 'crypto', platformDescriptor);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export const relayCryptoBench: NodeBenchSuite = {
  async run(context: NodeBenchContext): Promise<Series[]> {
    if (!platformDescriptor) throw new Error('relay-crypto bench: globalThis.crypto cannot be replaced here');
    const backends = ['noble', 'webcrypto'] as const;
    const derive = { noble: [] as number[], webcrypto: [] as number[] };
    const sealOpen = { noble: [] as number[], webcrypto: [] as number[] };
    const keys = new Map<string, RelayKey>();
    for (let round = 0; round < DERIVATIONS; round += 1) {
      // A new room each time: nothing is cached between derivations, in either backend.
      for (const backend of backends) {
        const { ms, value } = await timed(() => on(backend, () => deriveRelayKey(SECRET, `bench-room-${round}`)));
        derive[backend].push(ms);
        keys.set(backend, value);
      }
    }
    context.log(`derived ${DERIVATIONS} keys per backend`);
    const plain = new Uint8Array(MESSAGE_BYTES);
    for (let at = 0; at < MESSAGE_BYTES; at += 65_536) platform.getRandomValues(plain.subarray(at, at + 65_536));
    for (let round = 0; round < WARMUP + MESSAGES; round += 1) {
      for (const backend of backends) {
        const key = keys.get(backend);
        if (!key) throw new Error(`relay-crypto bench: no ${backend} key`);
        const { ms, value } = await timed(() => on(backend, async () => openRelayMessage(key, await sealRelayMessage(key, plain))));
        if (value?.length !== MESSAGE_BYTES) throw new Error(`relay-crypto bench: ${backend} did not open its own message`);
        if (round >= WARMUP) sealOpen[backend].push(ms);
      }
    }
    return [
      { name: 'relay-crypto-webcrypto-derive', unit: 'ms', samples: derive.webcrypto },
      { name: 'relay-crypto-fallback-derive', unit: 'ms', samples: derive.noble, target: { metric: 'median', max: 1000, maxBaselineRatio: null }, baseline: 'relay-crypto-webcrypto-derive' },
      { name: 'relay-crypto-webcrypto-64k', unit: 'ms', samples: sealOpen.webcrypto },
      { name: 'relay-crypto-fallback-64k', unit: 'ms', samples: sealOpen.noble, target: { metric: 'median', max: 20, maxBaselineRatio: null }, baseline: 'relay-crypto-webcrypto-64k' },
    ];
  },
};
