import type { BenchSuite } from './types';

/**
 * The capture board with 2,000 cards in 100 groups (board-render-2000, board-add-card,
 * board-scroll-frame): see board-page.tsx. Imported lazily because the Node runner reads this
 * list too, and the page part renders React and imports CSS.
 */
export const board: BenchSuite = {
  name: 'board',
  description: 'the capture board with 2,000 cards in 100 groups: first render, Enter to painted card, scrolling',
  run: async (context) => (await import('./board-page')).runBoard(context),
};
