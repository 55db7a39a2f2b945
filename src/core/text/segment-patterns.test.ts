// The real-world patterns of issue 12 and the look-alikes that must stay as they are.
import { describe, expect, it } from 'vitest';
import { segment } from './segment';

function sentences(text: string): string[] {
  return segment(text).map((s) => text.slice(s.start, s.end));
}

/** Each text must come back whole, as one sentence. */
function expectWhole(texts: string[]): void {
  for (const text of texts) expect(sentences(text)).toEqual([text]);
}

describe('segment on real-world patterns', () => {
  it.each([
    // quoted question or exclamation, then its attribution
    ['“Who signed it?” Sen. Ana Ruiz asked on Tuesday.', 1],
    ['“Stop!” Chief Dana Ortiz shouted, and the crowd left.', 1],
    ['“Who signed it?” The minister would not say.', 2],
    ['«هل هذه هي الرسالة؟» تساءل الوزير.', 1],
    ['«هل هذه هي الرسالة؟» الوزير لم يجب.', 2],
    ['"מי חתם?" שאל השר.', 1],
  ])('%s → %i sentence(s)', (text, count) => {
    expect(sentences(text)).toHaveLength(count);
  });

  it('splits anchored inline lists but not numbers or references that look like markers', () => {
    expect(sentences('Steps: 1. Close the port 2. Open the road')).toEqual([
      'Steps:',
      '1. Close the port',
      '2. Open the road',
    ]);
    expect(sentences('He scored 2. Then he scored 3. It was over.')).toEqual([
      'He scored 2.',
      'Then he scored 3.',
      'It was over.',
    ]);
    expect(sentences('See sections (a) and (b) of the act.')).toHaveLength(1);
    expect(sentences('(vii) The seventh rule applies.')).toEqual([
      '(vii) The seventh rule applies.',
    ]);
  });

  it('splits a forgotten space only between ordinary words', () => {
    expect(sentences('The talks ended.The minister left.')).toHaveLength(2);
    expect(sentences('Why?Nobody knows.')).toHaveLength(2);
    expectWhole([
      'The U.S.Army arrived.',
      'Use e.g.The Times.',
      'Mr.Smith left.',
      'Go to news.Example.com today.',
      'Open Report.Final.pdf now.',
      'It rose 3.5 percent.',
      'Write to ann.Lee@example.org now.',
    ]);
  });

  it('keeps a bracket after a company suffix, and splits before a real sentence in brackets', () => {
    expect(sentences('Acme Inc. (“Acme”) said no.')).toHaveLength(1);
    expect(sentences('He joined Acme Inc. (The firm declined to comment.)')).toHaveLength(2);
  });

  it('stands a date field or an all-caps heading alone, never a dateline or an acronym', () => {
    expect(sentences('date 2020-01-06 The U.S. Department of Defense wrote.')).toEqual([
      'date 2020-01-06',
      'The U.S. Department of Defense wrote.',
    ]);
    expect(sentences('2024-03-05T14:30Z The ministry denied it.')).toHaveLength(2);
    expect(sentences('BUDGET OUTLOOK The deficit fell.')).toEqual([
      'BUDGET OUTLOOK',
      'The deficit fell.',
    ]);
    expectWhole([
      'BAGHDAD (Reuters) - Iraq’s parliament voted on Sunday.',
      'WASHINGTON — The Senate voted.',
      'U.S. TROOPS The phrase is one sentence.',
      'NATO Secretary General Jens Stoltenberg spoke.',
      'The 2020-01-06 report was leaked.',
      'NEW RULES for the port were published.',
    ]);
  });

  it('keeps a citation after an elided quotation, and lets a dash open the next sentence', () => {
    expect(sentences('He wrote “they will leave [...]” (Smith 2020, p. 4). Then he left.')).toEqual(
      ['He wrote “they will leave [...]” (Smith 2020, p. 4).', 'Then he left.'],
    );
    expect(sentences('The vote failed. — The next day, it passed.')).toHaveLength(2);
    expect(sentences('The vote failed. — and then it passed.')).toHaveLength(1);
  });

  it('reads Chinese and Japanese ends without spaces, and their closing brackets', () => {
    expect(sentences('他说：「我们明天离开。」然后他走了。')).toEqual([
      '他说：「我们明天离开。」',
      '然后他走了。',
    ]);
    expect(sentences('彼は「本当ですか？」と聞いた。誰も答えなかった。')).toHaveLength(2);
    expect(sentences('増加率は３．５％だ。')).toHaveLength(1);
  });
});
