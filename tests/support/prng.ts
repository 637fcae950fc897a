/**
 * mulberry32: a tiny seeded PRNG (floats in [0, 1)). The sync tests derive every random choice
 * from one seed, printed with every failure, so a failing run can be replayed with PLENUM_SEED.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed of its own for each peer and phase, from the run's seed: same run seed, same choices. */
export function deriveSeed(seed: number, ...parts: Array<string | number>): number {
  let hash = seed >>> 0;
  for (const char of parts.join('|')) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** An integer in [0, max). */
export const pick = (random: () => number, max: number): number => Math.floor(random() * max);
