import { describe, expect, it } from 'vitest';
import { canRearrange, cardMatcher, dropIntent, isFilterActive, type Card } from '../../shared/model';

const card = (over: Partial<Card>): Card => ({
  id: 'c',
  boardId: 'plenary',
  text: '',
  order: 'a0',
  groupId: null,
  colour: null,
  authorId: null,
  stakeholderGroup: null,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('what a drop on the board means', () => {
  const groups: Record<string, string | null> = { loose1: null, loose2: null, inA: 'A', alsoInA: 'A', inB: 'B' };
  const groupOf = (id: string) => groups[id] ?? null;

  it('a loose card on a loose card makes a group of the two, the target first', () => {
    expect(dropIntent({ kind: 'card', id: 'loose1' }, { kind: 'card', id: 'loose2' }, groupOf)).toEqual({ kind: 'newGroup', cardIds: ['loose2', 'loose1'] });
  });
  it('a card on a grouped card or on a group joins that group', () => {
    expect(dropIntent({ kind: 'card', id: 'loose1' }, { kind: 'card', id: 'inA' }, groupOf)).toEqual({ kind: 'join', cardId: 'loose1', groupId: 'A' });
    expect(dropIntent({ kind: 'card', id: 'inB' }, { kind: 'group', id: 'A' }, groupOf)).toEqual({ kind: 'join', cardId: 'inB', groupId: 'A' });
  });
  it('a grouped card on the open board leaves its group; a loose one stays', () => {
    expect(dropIntent({ kind: 'card', id: 'inA' }, { kind: 'loose' }, groupOf)).toEqual({ kind: 'leave', cardId: 'inA' });
    expect(dropIntent({ kind: 'card', id: 'loose1' }, { kind: 'loose' }, groupOf)).toBeNull();
  });
  it('a drop on itself or inside its own group changes nothing', () => {
    expect(dropIntent({ kind: 'card', id: 'inA' }, { kind: 'card', id: 'inA' }, groupOf)).toBeNull();
    expect(dropIntent({ kind: 'card', id: 'inA' }, { kind: 'card', id: 'alsoInA' }, groupOf)).toBeNull();
    expect(dropIntent({ kind: 'card', id: 'inA' }, { kind: 'group', id: 'A' }, groupOf)).toBeNull();
  });
  it('a group on another group or on one of its cards merges into it', () => {
    expect(dropIntent({ kind: 'group', id: 'A' }, { kind: 'group', id: 'B' }, groupOf)).toEqual({ kind: 'merge', fromId: 'A', intoId: 'B' });
    expect(dropIntent({ kind: 'group', id: 'A' }, { kind: 'card', id: 'inB' }, groupOf)).toEqual({ kind: 'merge', fromId: 'A', intoId: 'B' });
    expect(dropIntent({ kind: 'group', id: 'A' }, { kind: 'card', id: 'loose1' }, groupOf)).toBeNull();
    expect(dropIntent({ kind: 'group', id: 'A' }, { kind: 'group', id: 'A' }, groupOf)).toBeNull();
  });
});

describe('search and filter on a board', () => {
  const cards = [
    card({ id: '1', text: 'Förderprogramme für KMU', colour: 'green', stakeholderGroup: 'company', authorId: 'p1' }),
    card({ id: '2', text: 'Versicherung gegen Kriegsrisiken', colour: 'pink', stakeholderGroup: 'politics' }),
    card({ id: '3', text: 'Webinar zu Energieeffizienz und Förderung', colour: 'green', authorId: 'p2' }),
  ];
  const ids = (filter: Parameters<typeof cardMatcher>[0]) => cards.filter(cardMatcher(filter)).map((c) => c.id);

  it('matches every word, ignoring case and accents', () => {
    expect(ids({ query: 'forder' })).toEqual(['1', '3']);
    expect(ids({ query: 'FÖRDER webinar' })).toEqual(['3']);
    expect(ids({ query: '  ' })).toEqual(['1', '2', '3']);
  });
  it('filters by colour, stakeholder group and author, anonymous included', () => {
    expect(ids({ colour: 'green' })).toEqual(['1', '3']);
    expect(ids({ stakeholderGroup: 'politics' })).toEqual(['2']);
    expect(ids({ author: 'p2' })).toEqual(['3']);
    expect(ids({ author: 'anonymous' })).toEqual(['2']);
    expect(ids({ colour: 'green', query: 'kmu' })).toEqual(['1']);
  });
  it('knows when a filter is set', () => {
    expect(isFilterActive({})).toBe(false);
    expect(isFilterActive({ query: ' ' })).toBe(false);
    expect(isFilterActive({ author: 'anonymous' })).toBe(true);
  });
});

describe('locks', () => {
  it('bind table laptops only, by board or by group', () => {
    expect(canRearrange('table', { locked: false }, { locked: false })).toBe(true);
    expect(canRearrange('table', { locked: true }, undefined)).toBe(false);
    expect(canRearrange('table', { locked: false }, { locked: true })).toBe(false);
    expect(canRearrange('moderator', { locked: true }, { locked: true })).toBe(true);
  });
});
