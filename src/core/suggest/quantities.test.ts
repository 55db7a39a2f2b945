import { describe, expect, it } from 'vitest';
import { analyse } from './analyse';
import { quantities, sameFigure, sameUnit } from './quantities';

const figures = (text: string) =>
  quantities(analyse(text)).map((q) => ({
    value: q.value,
    unit: q.unit,
    text: text.slice(q.start, q.end),
  }));

describe('quantities', () => {
  it.each([
    ['The ban lasts 30 days.', [{ value: 30, unit: 'day', text: '30 days' }]],
    ['It cost $4 million.', [{ value: 4e6, unit: 'dollar', text: '$4 million' }]],
    ['Prices rose 3.1 per cent.', [{ value: 3.1, unit: 'percent', text: '3.1 per cent' }]],
    [
      'It reopens on 12 May 2021.',
      [
        { value: 512, unit: 'date', text: '12 May' },
        { value: 2021, unit: 'year', text: '2021' },
      ],
    ],
    ['Twelve bodies were found.', [{ value: 12, unit: 'bodi', text: 'Twelve bodies' }]],
    ['He may leave in 2 hours.', [{ value: 2, unit: 'hour', text: '2 hours' }]],
  ])('finds the figures in %j', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it('takes a month alone as agreeing with any day of it', () => {
    const [may] = quantities(analyse('in May 2020'));
    const [may12] = quantities(analyse('on 12 May'));
    const [june3] = quantities(analyse('on 3 June'));
    expect(sameFigure(may!, may12!)).toBe(true);
    expect(sameFigure(may12!, june3!)).toBe(false);
  });

  it('compares durations across units ("48 hours" is "two days")', () => {
    const [hours] = quantities(analyse('a strike of 48 hours'));
    const [days] = quantities(analyse('for two days'));
    const [three] = quantities(analyse('for 3 days'));
    expect(sameUnit(hours!, days!) && sameFigure(hours!, days!)).toBe(true);
    expect(sameUnit(hours!, three!) && !sameFigure(hours!, three!)).toBe(true);
  });

  it('compares a bare count with counted things but not with a percentage', () => {
    const [bare] = quantities(analyse('reached 15 million in the census'));
    const [residents] = quantities(analyse('has 15 million residents'));
    const [share] = quantities(analyse('rose 15 percent'));
    expect(sameUnit(bare!, residents!)).toBe(true);
    expect(sameUnit(bare!, share!)).toBe(false);
  });
});
