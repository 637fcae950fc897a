import { describe, expect, it } from 'vitest';
import { foldToasts, TOASTS_SHOWN } from '../../renderer/features/common/Toasts';

const toasts = (...names: string[]) => names.map((name, index) => ({ id: index + 1, name }));
const names = (fold: { shown: readonly { name: string }[]; folded: number }) => ({ shown: fold.shown.map((toast) => toast.name), folded: fold.folded });
/** The stack as drawn, top to bottom: toasts by name, "+N" lines as such. */
const drawn = (fold: { rows: ReadonlyArray<{ toast: { name: string } } | { more: number }> }) => fold.rows.map((row) => ('toast' in row ? row.toast.name : `+${row.more}`));

describe('toasts in the corner', () => {
  it('show the newest two of three in full and fold the oldest into one line', () => {
    expect(TOASTS_SHOWN).toBe(2);
    expect(names(foldToasts(toasts('import', 'deleted Anna', 'deleted Jonas'), false))).toEqual({ shown: ['deleted Anna', 'deleted Jonas'], folded: 1 });
  });

  it('fold nothing while there are few, and show all once unfolded', () => {
    expect(names(foldToasts(toasts('one', 'two'), false))).toEqual({ shown: ['one', 'two'], folded: 0 });
    expect(names(foldToasts(toasts('a', 'b', 'c', 'd'), true))).toEqual({ shown: ['a', 'b', 'c', 'd'], folded: 0 });
  });

  it('keep the toast the keyboard is on shown when newer ones would fold it, and fold the rest', () => {
    expect(names(foldToasts(toasts('deleted Anna', 'import', 'deleted Jonas'), false, 1))).toEqual({ shown: ['deleted Anna', 'import', 'deleted Jonas'], folded: 0 });
    expect(names(foldToasts(toasts('a', 'b', 'c', 'd', 'e'), false, 2))).toEqual({ shown: ['b', 'd', 'e'], folded: 3 - 1 });
    // A kept toast among the newest, or one already gone, changes nothing.
    expect(names(foldToasts(toasts('a', 'b', 'c'), false, 3))).toEqual({ shown: ['b', 'c'], folded: 1 });
    expect(names(foldToasts(toasts('a', 'b', 'c'), false, 9))).toEqual({ shown: ['b', 'c'], folded: 1 });
  });

  it('draw the stack in time order, each "+N" line where its folded toasts stand', () => {
    expect(drawn(foldToasts(toasts('a', 'b', 'c', 'd'), false))).toEqual(['+2', 'c', 'd']);
    expect(drawn(foldToasts(toasts('a', 'b', 'c'), true))).toEqual(['a', 'b', 'c']);
    // Kept, with older and newer toasts folded: the newer ones are not drawn above it.
    expect(drawn(foldToasts(toasts('a', 'b', 'c', 'd', 'e'), false, 2))).toEqual(['+1', 'b', '+1', 'd', 'e']);
    // Kept as the oldest: its newer folded toasts under it; kept right before the newest: the older ones above it.
    expect(drawn(foldToasts(toasts('a', 'b', 'c', 'd'), false, 1))).toEqual(['a', '+1', 'c', 'd']);
    expect(drawn(foldToasts(toasts('a', 'b', 'c', 'd'), false, 2))).toEqual(['+1', 'b', 'c', 'd']);
  });
});
