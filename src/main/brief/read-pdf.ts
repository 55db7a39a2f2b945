// Test support: reads a PDF back with poppler-utils (pdftotext, pdftohtml, pdfinfo, pdffonts), so
// tests check the brief by the text, outline and boxes it contains rather than by its bytes.
import { execFileSync } from 'node:child_process';

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The text of the PDF (or of pages `first`..`last`), in reading order. */
export function pdfText(path: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, path, '-']);
}

/** Text with every run of whitespace made one space, for finding wrapped quotes. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** One bookmark: its title, the page it opens and its depth (0 at the top level). */
export interface OutlineEntry {
  title: string;
  page: number;
  depth: number;
}

/** The PDF's outline (bookmarks) in order, each resolved to its page. */
export function pdfOutline(path: string): OutlineEntry[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-stdout', '-q', path]);
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const entries: OutlineEntry[] = [];
  let depth = -1;
  for (const match of xml
    .slice(start)
    .matchAll(/<outline>|<\/outline>|<item page="(\d+)">(.*?)<\/item>/g)) {
    if (match[0] === '<outline>') depth++;
    else if (match[0] === '</outline>') depth--;
    else entries.push({ title: unescapeXml(match[2] ?? ''), page: Number(match[1]), depth });
  }
  return entries;
}

/** The document information dictionary as pdfinfo prints it ("Title", "Pages", …). */
export function pdfInfo(path: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', path]).split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) info[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return info;
}

/** The fonts pdffonts lists: name and whether it is embedded. */
export function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  return run('pdffonts', [path])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return { name: fields[0] ?? '', embedded: fields.at(-5) === 'yes' };
    });
}

/** One word's box on its page, in points from the top left. */
export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its bounding box. */
export function pdfWordBoxes(path: string): WordBox[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']);
  const words: WordBox[] = [];
  let page = 0;
  const pattern =
    /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g;
  for (const match of html.matchAll(pattern)) {
    if (match[0] === '<page ') {
      page++;
      continue;
    }
    const [, xMin, yMin, xMax, yMax, word] = match;
    words.push({
      page,
      word: unescapeXml(word ?? ''),
      xMin: Number(xMin),
      yMin: Number(yMin),
      xMax: Number(xMax),
      yMax: Number(yMax),
    });
  }
  return words;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
