import { describe, expect, it } from 'vitest';
import { foldToasts, TOASTS_SHOWN } from '../../renderer/features/common/Toasts';

const toasts = (...names: string[]) => names.map((name, index) => ({ id: index + 1, name }));
const names = (fold: { shown: readonly { name: string }[]; folded: number }) => ({ shown: fold.shown.map((toast) => toast.name), folded: fold.folded });

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
});
