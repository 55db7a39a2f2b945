import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SENTENCE_LENGTH, segment } from './segment';
import {
  isBullet,
  isHardBreak,
  isTerminator,
  SEGMENT_EVENT,
  STRUCTURE_EVENT,
} from './segment-chars';
import type { SegmentOptions, SentenceSpan } from './segment';

/** Check the span invariants and return the sentences as strings. */
function sentences(text: string, options?: SegmentOptions): string[] {
  const spans = segment(text, options);
  expectValidSpans(text, spans);
  return spans.map((s) => text.slice(s.start, s.end));
}

function expectValidSpans(text: string, spans: SentenceSpan[]): void {
  let covered = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(covered);
    expect(s.end).toBeGreaterThan(s.start);
    expect(/\s/.test(text[s.start] ?? '')).toBe(false);
    expect(/\s/.test(text[s.end - 1] ?? '')).toBe(false);
    expect(text.slice(covered, s.start).trim()).toBe('');
    covered = s.end;
  }
  expect(text.slice(covered).trim()).toBe('');
}

type Row = [name: string, text: string, expected: string[]];

function table(rows: Row[]): void {
  it.each(rows)('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
}

describe('segment', () => {
  describe('character classes', () => {
    it('SEGMENT_EVENT and STRUCTURE_EVENT match exactly the characters the loops handle', () => {
      const segmentEvent = new RegExp(SEGMENT_EVENT.source);
      const structureEvent = new RegExp(STRUCTURE_EVENT.source);
      const mismatches: string[] = [];
      for (let c = 0; c <= 0xffff; c++) {
        const ch = String.fromCharCode(c);
        const bracket = c === 40 || c === 91;
        const inSegment = isTerminator(c) || isHardBreak(c) || isBullet(c) || bracket;
        const inStructure = bracket || c === 41 || c === 93 || c === 46 || isHardBreak(c);
        if (segmentEvent.test(ch) !== inSegment || structureEvent.test(ch) !== inStructure) {
          mismatches.push(`U+${c.toString(16)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('edge cases', () => {
    it('returns no spans for empty or whitespace-only text', () => {
      expect(segment('')).toEqual([]);
      expect(segment(' \n\t\r\n \u00a0\u2028 ')).toEqual([]);
    });
    table([
      ['no terminal punctuation', 'And this is the last', ['And this is the last']],
      ['leading and trailing whitespace', '  Hello there.  Bye.  ', ['Hello there.', 'Bye.']],
      ['lone punctuation', '?!', ['?!']],
      ['CRLF line endings', 'First line\r\nSecond line.\r\n', ['First line', 'Second line.']],
      ['lone CR', 'First\rSecond', ['First', 'Second']],
      ['Unicode line separators', 'One\u2028Two\u2029Three', ['One', 'Two', 'Three']],
    ]);
  });

  describe('basic terminators', () => {
    table([
      ['period', 'Hello World. My name is Jonas.', ['Hello World.', 'My name is Jonas.']],
      [
        'question mark',
        'What is your name? My name is Jonas.',
        ['What is your name?', 'My name is Jonas.'],
      ],
      ['exclamation mark', 'There it is! I found it.', ['There it is!', 'I found it.']],
      ['?! combination', 'Hello?! Is that you?', ['Hello?!', 'Is that you?']],
      ['!? combination', 'Hello!? Is that you?', ['Hello!?', 'Is that you?']],
      ['repeated marks', 'Hello!! Long time no see.', ['Hello!!', 'Long time no see.']],
      ['lower-case continuation', 'What now? she asked.', ['What now? she asked.']],
      [
        'comma after !',
        'Leave me alone!, he yelled. Fine.',
        ['Leave me alone!, he yelled.', 'Fine.'],
      ],
      [
        'dash after !',
        'Mix it and -- voila! -- you have cake.',
        ['Mix it and -- voila! -- you have cake.'],
      ],
      [
        'full-width period',
        'Test strange period．Does it segment correctly．',
        ['Test strange period．', 'Does it segment correctly．'],
      ],
      [
        'brand with !',
        'She works at Yahoo! in accounting. Yahoo! Research grew.',
        ['She works at Yahoo! in accounting.', 'Yahoo! Research grew.'],
      ],
    ]);
  });

  describe('line breaks', () => {
    table([
      [
        'single newline ends a sentence',
        'Senate passes bill\nThe vote was 77-19.',
        ['Senate passes bill', 'The vote was 77-19.'],
      ],
      [
        'blank line ends a sentence',
        'It was signed by the general\n\nThe letter was real.',
        ['It was signed by the general', 'The letter was real.'],
      ],
      ['newline inside a would-be sentence', 'the U.S.\nArmy', ['the U.S.', 'Army']],
      [
        'lower-case list lines',
        'features\ncontact manager\nevents, activities\n',
        ['features', 'contact manager', 'events, activities'],
      ],
    ]);
  });

  describe('abbreviations and titles', () => {
    table([
      [
        'titles before names',
        'Dr. Anthony S. Reyes briefed Gov. Karen Miller and Lt. Gov. Sam Ortiz on Monday. It lasted an hour.',
        [
          'Dr. Anthony S. Reyes briefed Gov. Karen Miller and Lt. Gov. Sam Ortiz on Monday.',
          'It lasted an hour.',
        ],
      ],
      [
        'military and academic titles',
        'Gen. Mark Milley met Col. Ann Lee, Capt. Joe Fox, Sgt. Al Day and Prof. Jan Ito.',
        ['Gen. Mark Milley met Col. Ann Lee, Capt. Joe Fox, Sgt. Al Day and Prof. Jan Ito.'],
      ],
      [
        'Mr., Mrs., Ms., Sen., Rep.',
        'Mr. and Mrs. Smith met Ms. Jones, Sen. Ted Cruz and Rep. Ro Khanna.',
        ['Mr. and Mrs. Smith met Ms. Jones, Sen. Ted Cruz and Rep. Ro Khanna.'],
      ],
      [
        'St. and Mt.',
        "St. Michael's Church is on 5th st. near Mt. Fuji.",
        ["St. Michael's Church is on 5th st. near Mt. Fuji."],
      ],
      [
        'Inc. ending a sentence',
        'The contract went to Lockwood Industries Inc. The Pentagon declined to comment.',
        ['The contract went to Lockwood Industries Inc.', 'The Pentagon declined to comment.'],
      ],
      [
        'Inc. before a name',
        'Apple Inc. Chief Executive Tim Cook spoke.',
        ['Apple Inc. Chief Executive Tim Cook spoke.'],
      ],
      [
        'Co., Corp., Ltd.',
        'He works for ABC Ltd. and BCD Corp. She works for Pitt & Co. at noon.',
        ['He works for ABC Ltd. and BCD Corp.', 'She works for Pitt & Co. at noon.'],
      ],
      [
        'Jr. with comma and possessive',
        "The award went to Robert L. King Jr., a student. JFK Jr.'s book sold.",
        ['The award went to Robert L. King Jr., a student.', "JFK Jr.'s book sold."],
      ],
      [
        'month abbreviations',
        'It runs through Nov. 17. The House agreed on Jan. 3.',
        ['It runs through Nov. 17.', 'The House agreed on Jan. 3.'],
      ],
      [
        'month abbreviation before a lower-case word',
        'I think Jun. is a great month, said Mr. Suzuki.',
        ['I think Jun. is a great month, said Mr. Suzuki.'],
      ],
      [
        'No. before a number',
        'The case, No. 21-cv-0457, is No. 5 on the list.',
        ['The case, No. 21-cv-0457, is No. 5 on the list.'],
      ],
      [
        'no. as an answer',
        'The answer was no. Officials said so.',
        ['The answer was no.', 'Officials said so.'],
      ],
      [
        'vs., i.e., e.g.',
        'It pits the state vs. three firms, i.e. the big ones, e.g. Acme. A ruling is due.',
        ['It pits the state vs. three firms, i.e. the big ones, e.g. Acme.', 'A ruling is due.'],
      ],
      [
        'etc. ending a sentence',
        'They sell apples, pears, etc. Prices rose.',
        ['They sell apples, pears, etc.', 'Prices rose.'],
      ],
      [
        'etc. inside a sentence',
        'Apples, pears, etc. are sold here.',
        ['Apples, pears, etc. are sold here.'],
      ],
      [
        'state abbreviation',
        'Rep. Adam Schiff, D-Calif., spoke in Sacramento, Calif. The crowd cheered.',
        ['Rep. Adam Schiff, D-Calif., spoke in Sacramento, Calif.', 'The crowd cheered.'],
      ],
      [
        'unknown short word',
        'The symbol is min. The hour has 60 minutes.',
        ['The symbol is min.', 'The hour has 60 minutes.'],
      ],
    ]);
  });

  describe('a.m. and p.m.', () => {
    table([
      [
        'ends before a new sentence',
        "He left at 6 p.m. Travelers who didn't get the warning at 5 P.M. left later.",
        ['He left at 6 p.m.', "Travelers who didn't get the warning at 5 P.M. left later."],
      ],
      [
        'continues before a weekday or time zone',
        'The vote is at 10 a.m. Tuesday and ends at 8 p.m. EST tonight.',
        ['The vote is at 10 a.m. Tuesday and ends at 8 p.m. EST tonight.'],
      ],
      [
        'before I',
        "The game starts at 10 p.m. I'm going.",
        ['The game starts at 10 p.m.', "I'm going."],
      ],
    ]);
  });

  describe('multi-period abbreviations', () => {
    table([
      [
        'U.S. before a capitalised noun',
        'The U.S. Department of Defense wrote that the U.S. Army agreed.',
        ['The U.S. Department of Defense wrote that the U.S. Army agreed.'],
      ],
      [
        'U.S. ending a sentence',
        'It will be released in the U.S. The report runs to 40 pages.',
        ['It will be released in the U.S.', 'The report runs to 40 pages.'],
      ],
      [
        'U.S. before lower case',
        'I have lived in the U.S. for 20 years.',
        ['I have lived in the U.S. for 20 years.'],
      ],
      [
        'U.S.A. then I',
        'I live in the U.S.A. I went to J.C. Penney.',
        ['I live in the U.S.A.', 'I went to J.C. Penney.'],
      ],
      [
        'U.K. both ways',
        'The U.K. Panel said it was true. Finally he left the U.K. He went home.',
        ['The U.K. Panel said it was true.', 'Finally he left the U.K.', 'He went home.'],
      ],
      [
        'Ph.D.',
        'He has a Ph.D. and Ph.D.-level training. He earned a Ph.D. He left.',
        ['He has a Ph.D. and Ph.D.-level training.', 'He earned a Ph.D.', 'He left.'],
      ],
      ['U.S.-led', 'It was the U.S.-led coalition.', ['It was the U.S.-led coalition.']],
      [
        'Washington, D.C.',
        'He was born in Washington, D.C. He moved away.',
        ['He was born in Washington, D.C.', 'He moved away.'],
      ],
    ]);
  });

  describe('initials', () => {
    table([
      [
        'middle initial and suffix',
        'Brigadier General William H. Seely III, commanding general, told reporters the test was a success. He left.',
        [
          'Brigadier General William H. Seely III, commanding general, told reporters the test was a success.',
          'He left.',
        ],
      ],
      [
        'several initials',
        'J. R. R. Tolkien wrote it. Alfred E. Sloan read it.',
        ['J. R. R. Tolkien wrote it.', 'Alfred E. Sloan read it.'],
      ],
      [
        'single letter ending a sentence',
        'We will need Plan B. The first plan failed.',
        ['We will need Plan B.', 'The first plan failed.'],
      ],
      [
        'the pronoun I ending a sentence',
        'So do I. Congress must act. It was designed by I. M. Pei.',
        ['So do I.', 'Congress must act.', 'It was designed by I. M. Pei.'],
      ],
      [
        'Q. and A. labels',
        'Q. What is his name? A. His name is Alfred E. Sloan.',
        ['Q. What is his name?', 'A. His name is Alfred E. Sloan.'],
      ],
      [
        'page reference',
        'My name is Jonas E. Smith. Please turn to p. 55.',
        ['My name is Jonas E. Smith.', 'Please turn to p. 55.'],
      ],
    ]);
  });

  describe('numbers', () => {
    table([
      [
        'decimals and money',
        'Growth was 3.5 percent. Revenue rose to $4.2 billion, or $1.15 a share, beating $1.09. Inflation eased to 2.9%.',
        [
          'Growth was 3.5 percent.',
          'Revenue rose to $4.2 billion, or $1.15 a share, beating $1.09.',
          'Inflation eased to 2.9%.',
        ],
      ],
      [
        'thousands separator',
        'About 1.000 people came. She has $100.00 in her bag.',
        ['About 1.000 people came.', 'She has $100.00 in her bag.'],
      ],
      [
        'number ending a sentence',
        'I have 600. How many do you have?',
        ['I have 600.', 'How many do you have?'],
      ],
      [
        'year then sentence',
        'It was founded in 1988. Hello world.',
        ['It was founded in 1988.', 'Hello world.'],
      ],
    ]);
  });

  describe('ellipses', () => {
    table([
      [
        '"..." before a capital',
        'Maissen se chargea du reste ... Logiquement, il partit.',
        ['Maissen se chargea du reste ...', 'Logiquement, il partit.'],
      ],
      [
        '"..." before lower case',
        'I was really ... well, I mean...see.',
        ['I was really ... well, I mean...see.'],
      ],
      [
        'spaced three-dot ellipsis stays inside',
        'The thing is . . . I did not mean it.',
        ['The thing is . . . I did not mean it.'],
      ],
      [
        'four dots end the sentence',
        'Mark the end with a period . . . . Next sentence.',
        ['Mark the end with a period . . . .', 'Next sentence.'],
      ],
      [
        'unicode ellipsis in a quote',
        '“We did what we could … and then some,” the coach said. The team flew home.',
        ['“We did what we could … and then some,” the coach said.', 'The team flew home.'],
      ],
      [
        'unicode ellipsis before a capital',
        'We waited… Nothing happened.',
        ['We waited…', 'Nothing happened.'],
      ],
    ]);
  });

  describe('quotations', () => {
    table([
      [
        'curly quote closes the sentence',
        'Sen. Maria Delgado called it “a giveaway to Wall Street.” Her office did not respond.',
        [
          'Sen. Maria Delgado called it “a giveaway to Wall Street.”',
          'Her office did not respond.',
        ],
      ],
      [
        'comma inside quote, then attribution',
        '“We will not be rushed,” read the letter, signed by 14 senators. “The stakes are too high.”',
        [
          '“We will not be rushed,” read the letter, signed by 14 senators.',
          '“The stakes are too high.”',
        ],
      ],
      [
        'straight quotes with attribution',
        '"This is an outrage!" said Mayor Lisa Grant. "We will appeal." Her office filed Monday.',
        [
          '"This is an outrage!" said Mayor Lisa Grant.',
          '"We will appeal."',
          'Her office filed Monday.',
        ],
      ],
      [
        'lower-case attribution after !',
        '“Absolutely not!” one aide said.',
        ['“Absolutely not!” one aide said.'],
      ],
      [
        'capitalised speaker and verb after ?',
        '“Why now?” Jones asked. “Why not?” Mayor Lisa Grant replied, smiling.',
        ['“Why now?” Jones asked.', '“Why not?” Mayor Lisa Grant replied, smiling.'],
      ],
      [
        'pronoun after ? starts a sentence',
        '“Is it safe?” He said nobody knew.',
        ['“Is it safe?”', 'He said nobody knew.'],
      ],
      [
        'nested quote ending a sentence',
        '“Esper says there is “no decision to withdraw.” U.S. officials say otherwise.',
        ['“Esper says there is “no decision to withdraw.”', 'U.S. officials say otherwise.'],
      ],
      [
        'single quotes inside a sentence',
        "She turned to him, 'This is great.' she said.",
        ["She turned to him, 'This is great.' she said."],
      ],
      [
        'single quotes as a sentence',
        "Hello. 'This is a test of single quotes.' A new sentence.",
        ['Hello.', "'This is a test of single quotes.'", 'A new sentence.'],
      ],
      [
        'quote opening the next sentence',
        "Would the fall never come to an end! 'I wonder how far I've fallen?' she said aloud.",
        ['Would the fall never come to an end!', "'I wonder how far I've fallen?' she said aloud."],
      ],
      [
        'apostrophe before a word',
        'I wrote this in the ’nineties.  It has two sentences.',
        ['I wrote this in the ’nineties.', 'It has two sentences.'],
      ],
    ]);
  });

  describe('parentheses and citations', () => {
    table([
      [
        'parenthetical inside a sentence',
        'He teaches science (He worked as an engineer.) at the local University.',
        ['He teaches science (He worked as an engineer.) at the local University.'],
      ],
      [
        'parenthetical sentence',
        'The senator voted no. (She had supported an earlier version.) Her spokesman said so.',
        [
          'The senator voted no.',
          '(She had supported an earlier version.)',
          'Her spokesman said so.',
        ],
      ],
      [
        'abbreviation before a closing parenthesis',
        'Charles (Ind.) said he. Then he left.',
        ['Charles (Ind.) said he.', 'Then he left.'],
      ],
      [
        'question inside brackets',
        '[15:  12:32]  [16:  firma? 13:28]',
        ['[15:  12:32]  [16:  firma? 13:28]'],
      ],
      [
        'period after a parenthesis',
        'This holds in some modes (Ibid.). <|CITE|> research confirms it.',
        ['This holds in some modes (Ibid.).', '<|CITE|> research confirms it.'],
      ],
      [
        'bracketed citations',
        'It is a martyr.[1] The emperor ruled.[7][8] Leaves [2–11]. Buds grew.',
        ['It is a martyr.[1]', 'The emperor ruled.[7][8]', 'Leaves [2–11].', 'Buds grew.'],
      ],
      [
        'flattened footnote numbers',
        'It creates a gap in a consultation.11 12 Take an example (1987).1 According to it.',
        [
          'It creates a gap in a consultation.11 12',
          'Take an example (1987).1',
          'According to it.',
        ],
      ],
      [
        'stage direction in a speech',
        'I know you want to go to Iowa. [Laughter] I have been there. (Applause.) Thank you.',
        [
          'I know you want to go to Iowa.',
          '[Laughter]',
          'I have been there.',
          '(Applause.)',
          'Thank you.',
        ],
      ],
      [
        'acronym in parentheses stays',
        'WASHINGTON (AP) — Will the deal hold? Few are sure.',
        ['WASHINGTON (AP) — Will the deal hold?', 'Few are sure.'],
      ],
    ]);
  });

  describe('lists', () => {
    table([
      [
        'numbered with parentheses',
        '1) The first item 2) The second item',
        ['1) The first item', '2) The second item'],
      ],
      [
        'numbered with period and parenthesis',
        '1.) The first item 2.) The second item',
        ['1.) The first item', '2.) The second item'],
      ],
      [
        'numbered with period',
        '1. The first item. 2. The second item.',
        ['1. The first item.', '2. The second item.'],
      ],
      [
        'alphabetical',
        'a. The first item b. The second item c. The third list item',
        ['a. The first item', 'b. The second item', 'c. The third list item'],
      ],
      [
        'letters with parenthesis after a sentence',
        'They went to the store. w) hello x) hello y) hello',
        ['They went to the store.', 'w) hello', 'x) hello', 'y) hello'],
      ],
      [
        'wrapped letters',
        '(a) Hello world. (b) Hello world.',
        ['(a) Hello world.', '(b) Hello world.'],
      ],
      [
        'roman numerals',
        'i) Hello world. ii) Hello world. iii) Hello world.',
        ['i) Hello world.', 'ii) Hello world.', 'iii) Hello world.'],
      ],
      [
        'bullets',
        '• 9. The first item • 10. The second item',
        ['• 9. The first item', '• 10. The second item'],
      ],
      [
        'inline enumeration',
        'They confirm it by 1) taking what fits, and 2) rejecting the rest. Done.',
        ['They confirm it by', '1) taking what fits, and', '2) rejecting the rest.', 'Done.'],
      ],
      [
        'a single marker-like token is not a list',
        'Take the road (see map 1) and turn left. Then stop.',
        ['Take the road (see map 1) and turn left.', 'Then stop.'],
      ],
      [
        'section headings with roman numerals',
        'II. The threat is real. V. I have referred to it.',
        ['II. The threat is real.', 'V. I have referred to it.'],
      ],
    ]);
  });

  describe('URLs and e-mail addresses', () => {
    table([
      [
        'e-mail ending a sentence',
        'Her email is Jane.Doe@example.com. I sent her an email.',
        ['Her email is Jane.Doe@example.com.', 'I sent her an email.'],
      ],
      [
        'URL ending a sentence',
        'Questions go to press@state.example.gov. See https://www.example.gov/reports/2023/annual-report.pdf. A hearing is set.',
        [
          'Questions go to press@state.example.gov.',
          'See https://www.example.gov/reports/2023/annual-report.pdf.',
          'A hearing is set.',
        ],
      ],
      ['URL alone', 'www.testurl.Awesome.com', ['www.testurl.Awesome.com']],
      [
        'file extensions',
        'Images come in .jpeg format. We also offer .zip files.',
        ['Images come in .jpeg format.', 'We also offer .zip files.'],
      ],
    ]);
  });

  describe('forced split at the length limit', () => {
    const words = Array.from({ length: 40 }, (_, k) => `word${k}`).join(' ');

    it('cuts a long sentence at whitespace and flags the pieces', () => {
      const spans = segment(words, { maxLength: 50 });
      expectValidSpans(words, spans);
      expect(spans.length).toBeGreaterThan(1);
      for (const s of spans) {
        expect(s.end - s.start).toBeLessThanOrEqual(50);
        expect(s.forced).toBe(true);
      }
    });

    it('prefers a cut after a comma or semicolon', () => {
      const text = 'aaaa bbbb cccc dddd eeee, ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn';
      const got = sentences(text, { maxLength: 40 });
      expect(got[0]).toBe('aaaa bbbb cccc dddd eeee,');
    });

    it('leaves a single huge token whole', () => {
      const token = 'x'.repeat(120);
      const text = `short ${token} tail words here`;
      const spans = segment(text, { maxLength: 30 });
      expectValidSpans(text, spans);
      expect(spans.map((s) => text.slice(s.start, s.end))).toContain(token);
      for (const s of spans) {
        const piece = text.slice(s.start, s.end);
        if (piece.length > 30) expect(/\s/.test(piece)).toBe(false);
      }
    });

    it('uses the default limit of 2000', () => {
      expect(DEFAULT_MAX_SENTENCE_LENGTH).toBe(2000);
      const text = 'lorem ipsum '.repeat(500).trim();
      const spans = segment(text);
      expect(spans.length).toBeGreaterThan(2);
      for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(2000);
      expect(spans.every((s) => s.forced === true)).toBe(true);
    });

    it('does not flag ordinary sentences', () => {
      const spans = segment('A short sentence. Another one.');
      expect(spans.map((s) => s.forced)).toEqual([undefined, undefined]);
      expect('forced' in spans[0]!).toBe(false);
    });
  });

  describe('linear time', () => {
    const size = 200_000;
    const patterns: Record<string, string> = {
      'open brackets': '(',
      'closing quotes': '?” A',
      'spaced dots': '. ',
      abbreviations: 'a. ',
      'list markers in sequence': '1) x 2) x ',
      bullets: '• • ',
      citations: '.[1]',
      'footnote numbers': 'a.1 2 3 4 5 ',
      'stage directions': '[Laughter] ',
      'no whitespace': 'x',
      'emoji sentences': '😀. ',
    };
    it.each(Object.entries(patterns))('handles a long run of %s quickly', (_name, unit) => {
      const text = unit.repeat(Math.ceil(size / unit.length));
      const t0 = performance.now();
      const spans = segment(text);
      segment(text, { maxLength: 50 });
      let covered = 0;
      for (const sp of spans) {
        if (sp.start < covered || sp.end <= sp.start) throw new Error('bad span order');
        covered = sp.end;
      }
      // linear work takes milliseconds; quadratic work on 200k characters would take minutes
      expect(performance.now() - t0).toBeLessThan(5000);
    });
  });

  describe('sample article (resources/samples/iraq-letter-2020-01-06.txt)', () => {
    const path = new URL('../../../resources/samples/iraq-letter-2020-01-06.txt', import.meta.url);
    const text = readFileSync(path, 'utf8');
    const got = sentences(text);

    it.each([
      // the date field stands alone, so the claim after it can be tagged on its own
      'date 2020-01-06',
      'The U.S. Department of Defense wrote to the Iraqi government that it is repositioning forces in line with a request from the Iraqi parliament and prime minister.',
      'The redeployment of Soldiers will be carried out by CH-47 Chinook and UH-60 Black Hawk helicopters, with AH-64 Apache that will provide support.',
      '“Sir, in deference to the sovereignty of the Republic of Iraq, and as requested by the Iraqi Parliament and the Prime Minister, CJTF-OIR will be repositioning forces over the course of the coming days and weeks to prepare for onward movement,” read the letter.',
      'It was signed by United States Marine Corps Brigadier General William H. Seely III, commanding general of Task Force Iraq, the U.S.-led military coalition against Islamic State',
      '“We respect your sovereign decision to order our departure,” it said.',
      '“Though the letter doesn’t bear a signature, the US military has confirmed its authenticity.',
      'Not clear yet whether it’s a full or partial withdrawal, but the reference to deference to the Iraqi parliament’s decision makes it seem pretty definitive.“ wrote Liz Sly at her twitter account.',
      'But later added that: “General Milley has just said the letter regarding troop movements out of Iraq was a draft, and releasing it was a “mistake.”',
      'It seems the U.S. military is as confused as everyone else about what their intentions are.”',
      '“Defense Secretary Esper says there is “no decision to withdraw.”',
      'U.S. officials say there is a repositioning of forces for purposes of force protection.',
      'But the letter clearly states there will be “movement out of Iraq.”',
      'It’s hard not to see this as a prelude to withdrawal,” also wrote Liz Sly.',
    ])('has the sentence %s', (sentence) => {
      expect(got).toContain(sentence);
    });

    it('has 19 sentences', () => {
      expect(got).toHaveLength(19);
    });
  });
});
