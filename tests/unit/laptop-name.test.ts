import { describe, expect, it } from 'vitest';
import { LAPTOP_NAME_MAX, validLaptopName } from '../../shared/protocol/laptop-name';

describe("a laptop's name", () => {
  it('is one line without hidden controls: an override in it turned the moderator\'s presence line around ("droN · live")', () => {
    expect(validLaptopName('  Laptop \u202eNord\u202c\u0000\n2 ', 'Laptop')).toEqual({ ok: true, value: 'Laptop Nord 2' });
    expect(validLaptopName('\u202e\u0007', 'Laptop')).toEqual({ ok: true, value: 'Laptop' });
  });

  it('is refused, not cut, over the length the laptop stores', () => {
    expect(validLaptopName('x'.repeat(LAPTOP_NAME_MAX), 'Laptop').ok).toBe(true);
    expect(validLaptopName('x'.repeat(LAPTOP_NAME_MAX + 1), 'Laptop')).toEqual({ ok: false, error: 'laptopName.tooLong', max: LAPTOP_NAME_MAX });
  });
});
