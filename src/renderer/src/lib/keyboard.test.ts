import { describe, expect, it } from 'vitest';
import { keyAction, type KeyPress } from './keyboard';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keyAction', () => {
  it.each([
    [press('j'), { type: 'move', delta: 1 }],
    [press('ArrowUp'), { type: 'move', delta: -1 }],
    [press('F6'), { type: 'next-region', delta: 1 }],
    [press('F6', { shiftKey: true }), { type: 'next-region', delta: -1 }],
    [press('1'), { type: 'tag', kind: 'claim' }],
    [press('2'), { type: 'tag', kind: 'confirmation' }],
    [press('3'), { type: 'tag', kind: 'contradiction' }],
    [press('0'), { type: 'untag' }],
    [press('Delete'), { type: 'untag' }],
    [press('N', { shiftKey: true }), { type: 'note' }],
    [press('p'), { type: 'pin' }],
    [press('l'), { type: 'link' }],
    [press('s'), { type: 'facet' }],
    [press('S', { shiftKey: true }), { type: 'facet' }],
    [press('a'), { type: 'attribute' }],
    [press('v'), { type: 'judge' }],
    [press('g'), { type: 'grade' }],
    [press('G', { shiftKey: true }), { type: 'grade' }],
    [press('u'), { type: 'next-new' }],
    [press('f', { ctrlKey: true }), { type: 'find' }],
    [press('z', { ctrlKey: true }), { type: 'undo' }],
    [press('Z', { ctrlKey: true, shiftKey: true }), { type: 'redo' }],
    [press('z', { metaKey: true, shiftKey: true }), { type: 'redo' }],
  ])('maps %j', (input, action) => {
    expect(keyAction(input)).toEqual(action);
  });

  it('ignores keys it does not own, and letters with Alt or Ctrl', () => {
    expect(keyAction(press('x'))).toBeUndefined();
    // Tab and Shift+Tab belong to the browser: they move through every control.
    expect(keyAction(press('Tab'))).toBeUndefined();
    expect(keyAction(press('Tab', { shiftKey: true }))).toBeUndefined();
    expect(keyAction(press('1', { altKey: true }))).toBeUndefined();
    expect(keyAction(press('j', { ctrlKey: true }))).toBeUndefined();
    // Ctrl+S and Ctrl+A stay the browser's (save page, select all), not facet and attribution.
    expect(keyAction(press('s', { ctrlKey: true }))).toBeUndefined();
    expect(keyAction(press('a', { metaKey: true }))).toBeUndefined();
  });
});
