// The REFI-QDA export: valid against the QDA-XML project schema (tests/fixtures/refi-qda, checked
// with xmllint compiled to WebAssembly), and every selection slices its source text exactly, in
// code points, with emoji, Arabic and combining marks in the text.
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { TestReview, testWorld } from '../../../tests/support/test-reviews';
import { KIND_CODES, qdpxProject } from './qdpx-project';

const XSD = readFileSync(
  new URL('../../../tests/fixtures/refi-qda/Project-mrt2019.xsd', import.meta.url),
  'utf8',
);
const TEXT = [
  'The bridge 🌉 opened in 1932. It cost four million pounds — said the council.',
  'قال المهندسون إن الجسر سيدوم قرنا. Records show repairs began in 1950.',
  'The café’s owner (Zoë) said the toll ends soon. A note with <tags> & “quotes”.',
].join('\n\n');

function review(): TestReview {
  const amal = new TestReview(testWorld(), 'Amal Haddad', 'Bridge <review> & “costs”');
  const id = amal.addDocument('Report', TEXT.normalize('NFC'));
  const claim = amal.tag(id, 'four million', 'claim');
  amal.note(claim, 'Check the minutes & the <ledger>.');
  const arabic = amal.tag(id, 'المهندسون', 'claim');
  amal.link(amal.tag(id, 'Records show', 'contradiction'), arabic);
  amal.link(amal.tag(id, 'Zoë', 'confirmation'), claim);
  amal.tag(id, 'opened in 1932', 'claim');
  return amal;
}

function exported(reviewer: TestReview) {
  const result = qdpxProject(reviewer.review, reviewer.texts, { origin: 'Crosscheck test' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The elements named `name`: their attributes and inner XML (enough for this flat output). */
function elements(
  xml: string,
  name: string,
): { attr: (key: string) => string | undefined; inner: string }[] {
  const pattern = new RegExp(
    `<${name}((?:\\s+[\\w:]+="[^"]*")*)\\s*(?:/>|>([\\s\\S]*?)</${name}>)`,
    'g',
  );
  return [...xml.matchAll(pattern)].map((m) => {
    const attributes = new Map(
      [...(m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], unescape(a[2] ?? '')]),
    );
    return { attr: (key: string) => attributes.get(key), inner: m[2] ?? '' };
  });
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'project.qde', contents: xml }],
    schema: [{ fileName: 'Project-mrt2019.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.rawMessage);
}

describe('qdpxProject', () => {
  it('validates against the REFI-QDA project schema', async () => {
    expect(await schemaErrors(exported(review()).projectXml)).toEqual([]);
    expect(await schemaErrors(exported(new TestReview(testWorld(), 'bo')).projectXml)).toEqual([]);
    // The check bites: a selection without its positions is refused.
    const broken = exported(review()).projectXml.replace(/ startPosition="\d+"/, '');
    expect((await schemaErrors(broken)).join('\n')).toMatch(/startPosition/);
  });

  it('writes users, a codebook of the kinds, a selection per tag and links to claims', () => {
    const reviewer = review();
    const { projectXml, sources } = exported(reviewer);
    const all = (name: string) => elements(projectXml, name);
    expect(all('Project')[0]?.attr('name')).toBe('Bridge <review> & “costs”');
    expect(all('User').map((u) => u.attr('name'))).toEqual(['Amal Haddad']);
    expect(all('Code').map((c) => c.attr('name'))).toEqual([
      'Claim',
      'Confirmation',
      'Contradiction',
    ]);
    const [source] = all('TextSource');
    const path = source?.attr('plainTextPath')?.replace('internal://', 'sources/');
    const file = sources.find((s) => s.path === path);
    expect(file?.text).toBe(reviewer.texts.get(reviewer.review.documents[0]!.id));
    const points = Array.from(file?.text ?? '');
    const selections = all('PlainTextSelection');
    expect(selections).toHaveLength(reviewer.review.tags.length);
    for (const tag of reviewer.review.tags) {
      const selection = selections.find((s) => s.attr('guid') === tag.id);
      const start = Number(selection?.attr('startPosition'));
      const end = Number(selection?.attr('endPosition'));
      expect(points.slice(start, end).join('')).toBe(tag.anchor.exact);
      const code = elements(selection?.inner ?? '', 'CodeRef')[0]?.attr('targetGUID');
      expect(code).toBe(KIND_CODES[tag.kind].guid);
      expect(selection?.attr('creatingUser')).toBe(all('User')[0]?.attr('guid'));
      expect(selection?.attr('creationDateTime')).toBe(tag.created);
      const description = elements(selection?.inner ?? '', 'Description')[0]?.inner;
      expect(description === undefined ? undefined : unescape(description)).toBe(tag.note);
    }
    const links = all('Link').map((l) => [
      l.attr('name'),
      l.attr('originGUID'),
      l.attr('targetGUID'),
    ]);
    const evidence = reviewer.review.tags.filter((t) => t.kind !== 'claim');
    expect(links.sort()).toEqual(
      evidence
        .map((t) => [t.kind === 'confirmation' ? 'confirms' : 'contradicts', t.id, t.claimIds?.[0]])
        .sort(),
    );
  });
});
