// The brief of the sample review as its story tells it: key judgements first (the letter is
// authentic, the withdrawal it announces is contradicted), evidence split by what it speaks to and
// who says it, a source register and the gaps — read back as text and as a structure tree.
import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrief } from '../../core/brief/build-brief';
import type { Brief } from '../../core/brief/types';
import {
  flat,
  pdfInfo,
  pdfLinks,
  pdfStructTree,
  pdfText,
  structNodes,
  structText,
  type StructNode,
} from '../../../tests/support/read-pdf';
import { NOW } from '../../../tests/support/review-builder';
import { buildStorySample } from '../../../tests/support/sample-review';
import { renderBriefPdf } from './render-brief-pdf';

const FONTS = join(import.meta.dirname, '../../../resources/fonts');
const { review, texts } = buildStorySample();

let dir: string;
let path: string;
let brief: Brief;
let text: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-judgement-brief-'));
  brief = buildBrief(review, texts, { generatedAt: NOW });
  path = await render(brief, 'story.pdf');
  text = flat(await pdfText(path));
  // CROSSCHECK_KEEP_PDF=/tmp/x.pdf keeps the brief, to look at its pages.
  const keep = process.env['CROSSCHECK_KEEP_PDF'];
  if (keep) await copyFile(path, keep);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function render(value: Brief, name: string): Promise<string> {
  const file = join(dir, name);
  await renderBriefPdf(value, createWriteStream(file), { fontsDir: FONTS });
  return file;
}

/** The text between two headings (the first occurrence of each after `from`). */
function between(from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  expect(start, from).toBeGreaterThanOrEqual(0);
  expect(end, to).toBeGreaterThan(start);
  return text.slice(start, end);
}

describe('the brief of the sample story', () => {
  it('opens with key judgements: the letter is authentic, the withdrawal it announces contradicted', () => {
    expect(text.indexOf('Key judgements')).toBeLessThan(text.indexOf('Bottom line'));
    const judgements = between('Key judgements', 'Bottom line');
    const letter = judgements.slice(judgements.indexOf('“In letter says'));
    expect(letter).toMatch(
      /^“In letter says that the U\.S\. troops would pull out of the country .*” — The CJTF-OIR letter Judged very unlikely to be true \(moderate confidence\), by ana \(1 May 2024\) Source ● Confirmed authentic — 2 independent origins: Reuters; Liz Sly Content ○ Contradicted — 2 independent origins: Gen\. Mark Milley; Mark Esper Rationale: The letter is genuine/,
    );
    // Origins, not sentences: three tags confirm the letter, but two independent origins do.
    expect(judgements).not.toMatch(/\b3 (for|confirmations|items|independent)\b|contested, 3/i);
    expect(judgements).toContain(
      '“We are working to finally end America’s longest war and bring our troops back home!” — Donald J. Trump Unverified: no independent evidence yet No reviewer’s verdict yet',
    );
  });

  it('states the bottom line from the content in origins and names the contradicted claim', () => {
    const bottom = between('Bottom line', 'Gaps');
    for (const sentence of brief.bottomLine.sentences) expect(bottom).toContain(flat(sentence));
    expect(bottom).toContain(
      'none is contested, 1 is contradicted, 1 is confirmed and 2 are unverified',
    );
    expect(bottom).toContain('On their sources, claim 1 is authentic (2 independent origins).');
    expect(bottom).toContain('By their source: 1 confirmed authentic · 3 unverified.');
  });

  it('names the gaps: the unverified claims, and none resting on one origin', () => {
    const gaps = between('Gaps', 'Documents reviewed');
    expect(gaps).toContain('Unverified claims (2)');
    expect(gaps).toMatch(
      /3 “Today, the ISIS territorial caliphate .*” No evidence is linked to it\./,
    );
    expect(gaps).toContain(
      'Resting on a single origin (0) No claim’s status rests on a single origin.',
    );
  });

  it('prints what each document is, not only its file name and hash', () => {
    const documents = between('Documents reviewed', 'Claims at a glance');
    expect(documents).toMatch(
      /^Documents reviewed US military letter on leaving Iraq 6 January 2020 sha256:0+1 /,
    );
    expect(documents).toContain(
      'State of the Union address, 2020 Donald J. Trump · 4 February 2020 sha256:',
    );
    const appendix = between('B. Documents', 'C. Tags needing attention');
    expect(appendix).toContain(
      'Author Donald J. Trump Date 2020-02-04 Original file sotu-2020-trump.txt',
    );
  });

  it('shows each claim’s source and content status in origins in the claims table', () => {
    const table = between('Claims at a glance', 'Claims Claim 1');
    expect(table).toContain('No. Claim Said by, where Source Content Page');
    expect(table).toMatch(/● Confirmed \(2\) ○ Contradicted \(2\) 4/);
    expect(table).toMatch(/◌ Unverified ● Confirmed \(2\) 5/);
  });

  it('splits each claim’s evidence into its source and its content, and names who says each item', () => {
    const claim = between('Claim 1 SOURCE ● CONFIRMED CONTENT ○ CONTRADICTED', 'Claim 2');
    const onSource = claim.indexOf('On its source:');
    const onContent = claim.indexOf('On its content:');
    expect(onSource).toBeGreaterThan(0);
    expect(onContent).toBeGreaterThan(onSource);
    const source = claim.slice(onSource, onContent);
    const content = claim.slice(onContent);
    expect(source).toContain(
      'Status ● Confirmed authentic — 2 independent origins: Reuters; Liz Sly · 3 items',
    );
    expect(source).toContain(
      '✓ Confirmation · Reuters · origin 1 of 2 Reliability B, usually reliable · credibility 1, confirmed by other sources “The authenticity of the letter',
    );
    expect(source.match(/✓ Confirmation · Liz Sly · origin 2 of 2/g)).toHaveLength(2);
    expect(content).toContain(
      'Status ○ Contradicted — 2 independent origins: Gen. Mark Milley; Mark Esper · 2 items',
    );
    expect(content).toContain('✗ Contradiction · Gen. Mark Milley · origin 1 of 2');
    expect(content).toContain('✗ Contradiction · Mark Esper · origin 2 of 2');
    expect(claim).toContain('made by The CJTF-OIR letter');
    expect(claim).toContain(
      'Reviewer’s verdict: very unlikely to be true (“very unlikely”), moderate confidence — ana, 1 May 2024.',
    );
  });

  it('lists every source with its grade and the items it supplied in the register', () => {
    const register = between('A. Source register', 'B. Documents');
    for (const entry of brief.sourceRegister) expect(register).toContain(entry.name);
    expect(register).toContain(
      'Reuters reliability B, usually reliable · 1 item • Confirmation of claims 1 and 2 · US military letter on leaving Iraq, sentence 8 · credibility 1, confirmed by other sources “The authenticity of the letter',
    );
    expect(register).toContain(
      'Gen. Mark Milley reliability B, usually reliable · 1 item · also named General Milley',
    );
    expect(register).toContain(
      'Mark Esper reliability B, usually reliable · 1 item · also named Defense Secretary Esper',
    );
    expect(register).toContain('Donald J. Trump reliability not graded · 2 items • Claim 3');
  });

  it('flags a verdict that goes against the evidence, in the key judgements and the claim', async () => {
    const judgements = { ...review.judgements };
    judgements[brief.claims[0]?.tagId as string] = {
      verdict: 'likely',
      confidence: 'low',
      author: 'ben',
      modified: NOW,
    };
    const against = buildBrief({ ...review, judgements }, texts, { generatedAt: NOW });
    const flagged = flat(await pdfText(await render(against, 'against.pdf')));
    const warning =
      '⚠ The verdict “likely” goes against the evidence, which contradicts the content.';
    expect(flagged.split(warning)).toHaveLength(3);
    expect(flagged.indexOf(warning)).toBeLessThan(flagged.indexOf('Bottom line'));
  });
});

describe('the structure of the judgement parts', () => {
  let nodes: StructNode[];
  beforeAll(async () => {
    nodes = (await pdfStructTree(path)).flatMap(structNodes);
  });
  const texts = (role: string) => nodes.filter((n) => n.role === role).map(structText);

  it('tags the new sections’ headings and lists', () => {
    expect(texts('H1')).toEqual(
      expect.arrayContaining([
        'Key judgements',
        'Bottom line',
        'Gaps',
        'Documents reviewed',
        'Appendix',
      ]),
    );
    expect(texts('H2')).toEqual(
      expect.arrayContaining([
        'Unverified claims (2)',
        'Resting on a single origin (0)',
        'A. Source register',
        'B. Documents',
      ]),
    );
    expect(texts('H3')).toEqual(
      expect.arrayContaining([
        'On its source: is the document, letter, quote or speaker authentic?',
        'On its content: is what it asserts true?',
        'Reuters',
        'Gen. Mark Milley',
        'Mark Esper',
      ]),
    );
    // Four key judgements, two gaps and the register’s eight items, each a list item with a label
    // and a body.
    const items = nodes.filter((n) => n.role === 'LI');
    expect(items).toHaveLength(4 + 2 + 8);
    for (const item of items) expect(item.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
    expect(texts('Lbl').slice(0, 6)).toEqual(['1', '2', '3', '4', '3', '4']);
    const first = structText(nodes.find((n) => n.role === 'LBody') as StructNode);
    expect(first).toContain(
      'Source ● Confirmed authentic — 2 independent origins: Reuters; Liz Sly',
    );
  });

  it('keeps the claims table a table, its status cells per facet', () => {
    expect(texts('TH')).toEqual(['No.', 'Claim', 'Said by, where', 'Source', 'Content', 'Page']);
    expect(texts('TD')).toEqual(expect.arrayContaining(['● Confirmed (2)', '○ Contradicted (2)']));
  });

  it('puts every link into the structure: a Link element with its text and its annotation', async () => {
    const links = await pdfLinks(path);
    const elements = nodes.filter((n) => n.role === 'Link');
    // A link per row of the claims table, per key judgement and per gap.
    expect(links).toHaveLength(4 + 4 + 2);
    expect(elements).toHaveLength(links.length);
    const referenced = elements.flatMap((e) =>
      e.children.filter((c) => c.role === 'object').map((c) => c.objectId),
    );
    expect(referenced.sort()).toEqual(links.map((l) => l.id).sort());
    expect(elements.map(structText).slice(0, 4)).toEqual(['1', '2', '3', '4']);
    expect(links.every((l) => /^Claim \d: go to its section$/.test(l.contents ?? ''))).toBe(true);
    // Every page visits its annotations in the order of the structure (PDF/UA).
    const raw = (await readFile(path)).toString('latin1');
    const pages = Number((await pdfInfo(path))['Pages']);
    expect(raw.match(/\/Tabs \/S\b/g)).toHaveLength(pages);
  });
});
