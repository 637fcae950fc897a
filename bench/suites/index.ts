import { cardToDisk } from './card-to-disk';
import { openWorkshop } from './open-workshop';
import type { BenchSuite } from './types';

/**
 * Every benchmark of `npm run bench`, run in this order. Adding one = a BenchSuite in its own
 * file in this folder plus one entry here (peer latency etc. go here too).
 */
export const suites: readonly BenchSuite[] = [openWorkshop, cardToDisk];
