import { describe, expect, it } from 'vitest';
import { CARD_PREVIEW_CHARS, shortenText } from '../../renderer/features/common/shorten-text';

describe('shortenText', () => {
  it('leaves a text within the limit as it is, whitespace included', () => {
    expect(shortenText('  short  ', 20)).toEqual({ text: '  short  ', cut: false });
    expect(shortenText('x'.repeat(10), 10)).toEqual({ text: 'x'.repeat(10), cut: false });
  });

  it('cuts a long text at the last word boundary and marks it', () => {
    expect(shortenText('the quick brown fox jumps', 16)).toEqual({ text: 'the quick brown…', cut: true });
  });

  it('cuts inside a word when the last space would leave less than 60 % of the room', () => {
    expect(shortenText('ab cdefghijklmnopqrstuvwxyz', 10)).toEqual({ text: 'ab cdefghi…', cut: true });
  });

  it('does not leave a trailing space before the mark', () => {
    expect(shortenText('one two   three four', 10)).toEqual({ text: 'one two…', cut: true });
  });

  it('shows a card preview of CARD_PREVIEW_CHARS by default', () => {
    const long = 'word '.repeat(200);
    const { text, cut } = shortenText(long);
    expect(cut).toBe(true);
    expect(text.length).toBeLessThanOrEqual(CARD_PREVIEW_CHARS + 1);
    expect(text.endsWith('word…')).toBe(true);
  });
});
