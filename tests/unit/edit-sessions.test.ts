import { describe, expect, it } from 'vitest';
import { caretOf, editSessionOf, keepCaret, markOpened, setEditSession, subscribeEditSession, takeOpened } from '../../renderer/features/board/edit-sessions';

describe('edits in progress kept outside the card component', () => {
  it('outlive whoever draws the card: a card drawn anew finds its draft, its base and its caret', () => {
    const doc = {};
    setEditSession(doc, 'c1', { draft: 'Bänke am Markt und', base: 'Bänke am Markt', error: null, boardId: 'b1' });
    keepCaret(doc, 'c1', [5, 5]);
    // Nobody listens now (the old component is gone); the next one reads it back.
    expect(editSessionOf(doc, 'c1')).toEqual({ draft: 'Bänke am Markt und', base: 'Bänke am Markt', error: null, boardId: 'b1' });
    expect(caretOf(doc, 'c1')).toEqual([5, 5]);
    expect(editSessionOf(doc, 'c2')).toBeNull();
    expect(editSessionOf({}, 'c1')).toBeNull();
  });

  it('tell the listeners of that card only, and no one after they stopped listening', () => {
    const doc = {};
    const heard: string[] = [];
    const stop = subscribeEditSession(doc, 'c1', () => heard.push('c1'));
    subscribeEditSession(doc, 'c2', () => heard.push('c2'));
    setEditSession(doc, 'c1', { draft: 'a', base: '', error: null, boardId: 'b1' });
    expect(heard).toEqual(['c1']);
    stop();
    setEditSession(doc, 'c1', null);
    expect(heard).toEqual(['c1']);
  });

  it('an ended edit forgets its caret and whether it was just opened; a caret of no edit is not kept', () => {
    const doc = {};
    keepCaret(doc, 'c1', [1, 1]);
    expect(caretOf(doc, 'c1')).toBeNull();
    setEditSession(doc, 'c1', { draft: 'a', base: 'a', error: null, boardId: 'b1' });
    markOpened(doc, 'c1');
    keepCaret(doc, 'c1', [1, 1]);
    setEditSession(doc, 'c1', null);
    expect(caretOf(doc, 'c1')).toBeNull();
    expect(takeOpened(doc, 'c1')).toBe(false);
  });

  it('"just opened" is taken once: the field drawn next takes the focus, a later one resumes', () => {
    const doc = {};
    setEditSession(doc, 'c1', { draft: 'a', base: 'a', error: null, boardId: 'b1' });
    markOpened(doc, 'c1');
    expect(takeOpened(doc, 'c1')).toBe(true);
    expect(takeOpened(doc, 'c1')).toBe(false);
  });
});
