/**
 * mulberry32: a tiny seeded PRNG (floats in [0, 1)), the one the mixing of tables uses too. The
 * sync tests derive every random choice from one seed, printed with every failure, so a failing
 * run can be replayed with PLENUM_SEED.
 */
export { seededRandom } from '../../shared/participants/seeded-random';

/** A seed of its own for each peer and phase, from the run's seed: same run seed, same choices. */
export function deriveSeed(seed: number, ...parts: Array<string | number>): number {
  let hash = seed >>> 0;
  for (const char of parts.join('|')) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** An integer in [0, max). */
export const pick = (random: () => number, max: number): number => Math.floor(random() * max);
