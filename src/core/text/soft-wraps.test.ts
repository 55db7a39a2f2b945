// Which line breaks are hard wrapping: a steady width, a full line before the break, and no list
// item or speaker's turn after it. Everything else keeps its break, and offsets never move.
import { describe, expect, it } from 'vitest';
import { asOneLine, softWrapsAsSpaces } from './soft-wraps';

/** Wraps `words` greedily at `width`, as a mail program or Project Gutenberg does. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

const PROSE =
  'The council met on Tuesday to discuss the bridge. Engineers said the main span had cracked in two places, and that repairs would take at least six months. The mayor, who had promised to reopen the crossing by spring, declined to comment on the new timetable. Residents of the east bank now face a detour of eleven miles each way, and shopkeepers say trade has fallen by a third since the closure began in March.';

describe('softWrapsAsSpaces', () => {
  it('reads the breaks of a paragraph wrapped at 72 as spaces, keeping every offset', () => {
    const text = `${wrap(PROSE, 72)}\n\n${wrap(PROSE, 72)}`;
    const read = softWrapsAsSpaces(text);
    expect(read).toHaveLength(text.length);
    expect(read).toBe(`${PROSE}\n\n${PROSE}`);
  });

  it('reads a CR LF wrap as two spaces', () => {
    const text = wrap(PROSE, 60).replace(/\n/g, '\r\n');
    expect(softWrapsAsSpaces(text).replace(/ {2}/g, ' ')).toBe(PROSE);
    expect(softWrapsAsSpaces(text)).toHaveLength(text.length);
  });

  it('keeps the breaks before list items and speakers inside wrapped text', () => {
    const text = [
      wrap(PROSE, 70),
      '- the span must be closed to lorries until the engineers have finished',
      'their survey of the piers',
      '1. the detour is signposted from the ring road and the old harbour road',
      'MAYOR: We will reopen the bridge as soon as the engineers say it is safe',
      'to do so, and not a day later than that.',
    ].join('\n');
    const read = softWrapsAsSpaces(text);
    expect(read).toContain('\n- the span');
    expect(read).toContain('finished their survey');
    expect(read).toContain('\n1. the detour');
    expect(read).toContain('\nMAYOR: We will');
    expect(read).toContain('safe to do so');
  });

  it('leaves verse and an address alone', () => {
    const verse = [
      'Whose woods these are I think I know.',
      'His house is in the village though;',
      'He will not see me stopping here',
      'To watch his woods fill up with snow.',
      'My little horse must think it queer',
      'To stop without a farmhouse near',
      'Between the woods and frozen lake',
      'The darkest evening of the year.',
    ].join('\n');
    expect(softWrapsAsSpaces(verse)).toBe(verse);
    const address =
      'Ms Ana Lopez\n12 Quay Street\nPortsmouth\nPO1 2AB\nUnited Kingdom\nTel. 023 9200 0000\nana@example.org';
    expect(softWrapsAsSpaces(address)).toBe(address);
  });

  it('leaves text with a sentence or paragraph per line alone', () => {
    const perLine = Array.from({ length: 10 }, () => PROSE).join('\n');
    expect(softWrapsAsSpaces(perLine)).toBe(perLine);
    const oneLine = PROSE;
    expect(softWrapsAsSpaces(oneLine)).toBe(oneLine);
  });

  it('needs several wrapped lines before it decides', () => {
    const two = wrap(PROSE.slice(0, 130), 72);
    expect(two.split('\n').length).toBeLessThan(6);
    expect(softWrapsAsSpaces(two)).toBe(two);
  });
});

describe('asOneLine', () => {
  it('shows the wraps inside a sentence as single spaces', () => {
    expect(asOneLine('Some years ago  \n  having little\r\nor no money.')).toBe(
      'Some years ago having little or no money.',
    );
    expect(asOneLine('No break here.')).toBe('No break here.');
  });
});
