// The workspace's keyboard map: a key press → the action it stands for (or nothing).

/** Everything the keyboard can do in the workspace. */
export type KeyAction =
  | { type: 'move'; delta: number }
  | { type: 'next-region'; delta: 1 | -1 }
  | { type: 'tag'; kind: 'claim' | 'confirmation' | 'contradiction' }
  | { type: 'untag' }
  | { type: 'note' }
  | { type: 'pin' }
  | { type: 'link' }
  | { type: 'facet' }
  | { type: 'attribute' }
  | { type: 'judge' }
  | { type: 'grade' }
  | { type: 'find' }
  | { type: 'next-new' }
  | { type: 'undo' }
  | { type: 'redo' };

/** The parts of a KeyboardEvent the map looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Maps a key press in the workspace (not in a text field) to an action. */
export function keyAction(press: KeyPress): KeyAction | undefined {
  const command = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (command && !press.altKey) {
    if (key === 'z') return press.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if (key === 'y') return { type: 'redo' };
    if (key === 'f') return { type: 'find' };
    return undefined;
  }
  if (press.altKey || command) return undefined;
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'move', delta: 1 };
    case 'k':
    case 'ArrowUp':
      return { type: 'move', delta: -1 };
    case 'PageDown':
      return { type: 'move', delta: 10 };
    case 'PageUp':
      return { type: 'move', delta: -10 };
    case 'F6':
      return { type: 'next-region', delta: press.shiftKey ? -1 : 1 };
    case '1':
      return { type: 'tag', kind: 'claim' };
    case '2':
      return { type: 'tag', kind: 'confirmation' };
    case '3':
      return { type: 'tag', kind: 'contradiction' };
    case '0':
    case 'Delete':
    case 'Backspace':
      return { type: 'untag' };
    case 'n':
      return { type: 'note' };
    case 'p':
      return { type: 'pin' };
    case 'l':
      return { type: 'link' };
    case 's':
      return { type: 'facet' };
    case 'a':
      return { type: 'attribute' };
    case 'v':
      return { type: 'judge' };
    case 'g':
      return { type: 'grade' };
    case 'u':
      return { type: 'next-new' };
    default:
      return undefined;
  }
}
