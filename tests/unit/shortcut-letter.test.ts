import { describe, expect, it } from 'vitest';
import { shortcutLetter } from '../../renderer/features/common/shortcut-letter';

describe('shortcutLetter', () => {
  it('takes the typed Latin letter, in any case: German QWERTZ has its Z where US has Y', () => {
    expect(shortcutLetter({ key: 'z', code: 'KeyY' })).toBe('z');
    expect(shortcutLetter({ key: 'Z', code: 'KeyY' })).toBe('z');
    expect(shortcutLetter({ key: 'y', code: 'KeyZ' })).toBe('y');
  });

  it('falls back to the key\'s place when the layout types no Latin letter there (Ukrainian, Alt on a Mac)', () => {
    expect(shortcutLetter({ key: 'я', code: 'KeyZ' })).toBe('z');
    expect(shortcutLetter({ key: 'Я', code: 'KeyZ' })).toBe('z');
    expect(shortcutLetter({ key: 'н', code: 'KeyY' })).toBe('y');
    expect(shortcutLetter({ key: 'м', code: 'KeyV' })).toBe('v');
    expect(shortcutLetter({ key: 'Ω', code: 'KeyZ' })).toBe('z');
  });

  it('is null for keys that are no letter', () => {
    expect(shortcutLetter({ key: '1', code: 'Digit1' })).toBeNull();
    expect(shortcutLetter({ key: 'Enter', code: 'Enter' })).toBeNull();
    expect(shortcutLetter({ key: '?', code: 'Minus' })).toBeNull();
    expect(shortcutLetter({ key: 'ö', code: 'Semicolon' })).toBeNull();
  });
});
