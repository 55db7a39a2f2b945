import { describe, expect, it } from 'vitest';
import { textDirection } from './direction';

describe('textDirection', () => {
  it.each([
    ['The letter is authentic.', 'ltr'],
    ['قال الوزير إن الرسالة مزورة.', 'rtl'],
    ['הדובר אמר כי אין החלטה.', 'rtl'],
    ['“1932” قال الوزير', 'rtl'],
    ['2020-01-06 — BAGHDAD said قال', 'ltr'],
    ['美军将撤离伊拉克。', 'ltr'],
    ['12345 !?', 'ltr'],
    ['', 'ltr'],
  ])('%s → %s', (text, direction) => {
    expect(textDirection(text)).toBe(direction);
  });
});

describe('textDirection on text the brief prints', () => {
  it.each([
    ['“قال الوزير”', 'rtl'],
    ['1932: הכוחות', 'rtl'],
    ['He said: مرحبا', 'ltr'],
  ])('%s → %s', (text, direction) => {
    expect(textDirection(text)).toBe(direction);
  });
});
