import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../review/anchor';
import { AnchorText, errorBudget, reanchor, reanchorAll, type QuoteToPlace } from './reanchor';

const ORIGINAL = [
  'The bridge opened in 1932. It cost four million pounds. Thank you.',
  'Engineers said it would last a century. Records show repairs began in 1950. Thank you.',
  'The council says the bridge is safe today.',
].join('\n\n');

/** The quote of the sentence of ORIGINAL that contains `words`, with its old position. */
function quoteOf(words: string, text = ORIGINAL, occurrence = 0): QuoteToPlace {
  const spans = new AnchorText(text).sentences.filter((s) =>
    text.slice(s.start, s.end).includes(words),
  );
  const span = spans[occurrence];
  if (!span) throw new Error(`no sentence with ${words}`);
  const { exact, prefix, suffix } = makeAnchor(text, span.start, span.end);
  return { exact, prefix, suffix, hint: { start: span.start, end: span.end } };
}

function placedText(text: string, quote: QuoteToPlace) {
  const placement = reanchor(new AnchorText(text), quote);
  return placement.status === 'orphan'
    ? { status: 'orphan' }
    : { status: placement.status, text: text.slice(placement.start, placement.end) };
}

describe('reanchor', () => {
  it.each([
    ['outside the text (a web page’s offsets)', { start: 412_000, end: 412_012 }],
    ['far from the quote, in a long text', { start: 0, end: 12 }],
  ])('searches the whole text when the hint is %s', (_, hint) => {
    const padded = `${'Filler words here. '.repeat(400)}\n\n${ORIGINAL}`;
    const text = hint.start === 0 ? padded : ORIGINAL;
    const placement = placedText(text, {
      exact: 'repairs began',
      prefix: 'Records show ',
      suffix: ' in 1950.',
      hint,
    });
    expect(placement).toEqual({ status: 'fuzzy', text: 'Records show repairs began in 1950.' });
  });

  it('keeps a quote whose position still holds it', () => {
    const quote = quoteOf('four million');
    expect(reanchor(new AnchorText(ORIGINAL), quote)).toEqual({ status: 'exact', ...quote.hint });
  });

  it('finds a sentence that moved, without asking for review', () => {
    const edited = 'A new opening line. ' + ORIGINAL;
    expect(placedText(edited, quoteOf('four million'))).toEqual({
      status: 'moved',
      text: 'It cost four million pounds.',
    });
  });

  it('tells repeated sentences apart by their surroundings', () => {
    const edited = 'A new opening line. ' + ORIGINAL;
    const second = quoteOf('Thank you', ORIGINAL, 1);
    const placement = reanchor(new AnchorText(edited), second);
    expect(placement.status).toBe('moved');
    expect(placement.status !== 'orphan' && placement.start).toBe(edited.lastIndexOf('Thank you.'));
  });

  it('marks a typo fix for review and places it on the corrected sentence', () => {
    const typo = ORIGINAL.replace('Records show', 'Recrods show');
    const quote = quoteOf('Recrods', typo);
    const placement = reanchor(new AnchorText(ORIGINAL), quote);
    expect(placement).toMatchObject({
      status: 'fuzzy',
      reason: expect.stringMatching(/changed \(about 2 characters differ\)/),
    });
    expect(placedText(ORIGINAL, quote)).toMatchObject({
      text: 'Records show repairs began in 1950.',
    });
  });

  it('places a sentence whose spacing changed without asking for review', () => {
    const edited = ORIGINAL.replace('It cost four', 'It cost  four');
    expect(placedText(edited, quoteOf('four million'))).toEqual({
      status: 'moved',
      text: 'It cost  four million pounds.',
    });
  });

  it('keeps a sentence duplicated in place at its old position', () => {
    const sentence = 'It cost four million pounds.';
    const edited = ORIGINAL.replace(sentence, `${sentence} ${sentence}`);
    const quote = quoteOf('four million');
    expect(reanchor(new AnchorText(edited), quote)).toEqual({ status: 'exact', ...quote.hint });
  });

  it('marks a sentence duplicated and moved for review, on the copy nearer its old place', () => {
    const sentence = 'It cost four million pounds.';
    const edited = 'A new opening line. ' + ORIGINAL.replace(sentence, `${sentence} ${sentence}`);
    const placement = reanchor(new AnchorText(edited), quoteOf('four million'));
    expect(placement).toMatchObject({
      status: 'fuzzy',
      start: edited.indexOf(sentence),
      reason: expect.stringMatching(/occurs 2 times/),
    });
  });

  it('reports a deleted sentence as an orphan', () => {
    const edited = ORIGINAL.replace(' Records show repairs began in 1950.', '');
    expect(reanchor(new AnchorText(edited), quoteOf('Records show'))).toEqual({
      status: 'orphan',
      reason: 'its text was not found; the sentence may have been deleted or rewritten',
    });
  });

  it('does not move a deleted sentence silently onto an identical sentence elsewhere', () => {
    const edited = ORIGINAL.replace('Thank you.\n\nEngineers', 'Engineers');
    const placement = reanchor(new AnchorText(edited), quoteOf('Thank you', ORIGINAL, 0));
    expect(placement.status).not.toBe('moved');
    expect(placement.status).not.toBe('exact');
  });

  it('snaps a quote from another tool, without a position, to the sentence it falls in', () => {
    const placement = reanchor(new AnchorText(ORIGINAL), {
      exact: 'last a century',
      prefix: 'it would ',
      suffix: '.',
    });
    expect(placement).toMatchObject({
      status: 'fuzzy',
      reason: 'the sentence around the quote changed',
    });
    expect(placement.status !== 'orphan' && ORIGINAL.slice(placement.start, placement.end)).toBe(
      'Engineers said it would last a century.',
    );
  });

  it('places a reworded sentence between unchanged neighbours for review', () => {
    const edited = ORIGINAL.replace(
      'It cost four million pounds.',
      'It cost about four million pounds.',
    );
    expect(placedText(edited, quoteOf('four million'))).toEqual({
      status: 'fuzzy',
      text: 'It cost about four million pounds.',
    });
  });

  it('never puts two quotes on one sentence', () => {
    const edited = ORIGINAL.replace(' Records show repairs began in 1950.', '');
    const quotes = [
      quoteOf('last a century'),
      { ...quoteOf('Records show'), exact: 'Engineers said it would last a century!' },
    ];
    const [first, second] = reanchorAll(new AnchorText(edited), quotes);
    expect(first?.status).toBe('exact');
    expect(second?.status).toBe('orphan');
  });
});

describe('errorBudget', () => {
  it.each([
    [4, 1],
    [40, 5],
    [2000, 64],
  ])('allows a quote of %i characters %i differences', (length, budget) => {
    expect(errorBudget(length)).toBe(budget);
  });
});
