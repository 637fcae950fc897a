import { describe, expect, it } from 'vitest';
import { foldToasts, TOASTS_SHOWN } from '../../renderer/features/common/Toasts';

describe('toasts in the corner', () => {
  it('show the newest two of three in full and fold the oldest into one line', () => {
    expect(TOASTS_SHOWN).toBe(2);
    expect(foldToasts(['import', 'deleted Anna', 'deleted Jonas'], false)).toEqual({ shown: ['deleted Anna', 'deleted Jonas'], folded: 1 });
  });

  it('fold nothing while there are few, and show all once unfolded', () => {
    expect(foldToasts(['one', 'two'], false)).toEqual({ shown: ['one', 'two'], folded: 0 });
    expect(foldToasts(['a', 'b', 'c', 'd'], true)).toEqual({ shown: ['a', 'b', 'c', 'd'], folded: 0 });
  });
});
