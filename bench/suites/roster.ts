import type { BenchSuite } from './types';

/**
 * The roster with 5,000 participants (roster-render-5000, roster-import-5000 and one row per
 * roster action): see roster-page.tsx. Imported lazily, as the board's suite: the page part
 * renders React and imports CSS.
 */
export const roster: BenchSuite = {
  name: 'roster',
  description: 'the roster with 5,000 participants on 40 tables: first render, a 5,000-row CSV import, and each action (type, edit, consent, seat, delete, add, mix)',
  run: async (context) => (await import('./roster-page')).runRoster(context),
};
