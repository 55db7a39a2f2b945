// Test support: reads a PDF back with PDF.js (pdfjs-dist, in process, no system package), so tests
// check the brief by the text, outline, links, fonts and structure it contains, not by its bytes.
import { readFile, stat } from 'node:fs/promises';
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** One loaded document per file version, shared by the calls of a test file. */
const loaded = new Map<string, Promise<PDFDocumentProxy>>();

async function open(path: string): Promise<PDFDocumentProxy> {
  const { mtimeMs, size } = await stat(path);
  const key = `${path}\0${mtimeMs}\0${size}`;
  let doc = loaded.get(key);
  if (!doc) {
    doc = readFile(path).then(
      (bytes) =>
        getDocument({
          data: new Uint8Array(bytes),
          disableFontFace: true,
          fontExtraProperties: true,
          isEvalSupported: false,
          useSystemFonts: false,
          verbosity: 0,
        }).promise,
    );
    loaded.set(key, doc);
  }
  return doc;
}

/** One run of text as PDF.js reads it, with its box in points from the page's top left. */
interface Piece {
  str: string;
  x: number;
  right: number;
  baseline: number;
  size: number;
}

async function pagePieces(doc: PDFDocumentProxy, number: number): Promise<Piece[]> {
  const page = await doc.getPage(number);
  const height = page.view[3] ?? 0;
  const content = await page.getTextContent();
  return content.items
    .filter((item): item is TextItem => 'str' in item && item.str !== '')
    .map((item) => {
      const [, , , d = 0, e = 0, f = 0] = item.transform as number[];
      return {
        str: item.str,
        x: e,
        right: e + item.width,
        baseline: height - f,
        size: Math.abs(d),
      };
    });
}

/**
 * Pieces grouped into lines by baseline, lines from the top of the page down; within a line the
 * pieces keep the order they were drawn in (the brief draws in logical order). A piece that starts
 * with a raised or lowered mark (an Arabic harakah on its own) has its baseline moved by up to
 * about a third of the type size, well under half a line.
 */
function linesOf(pieces: Piece[]): Piece[][] {
  const lines: { baseline: number; size: number; pieces: Piece[] }[] = [];
  for (const piece of pieces) {
    const line = lines.find(
      (l) =>
        Math.abs(l.baseline - piece.baseline) < Math.max(0.5, 0.4 * Math.min(l.size, piece.size)),
    );
    if (line) line.pieces.push(piece);
    else lines.push({ baseline: piece.baseline, size: piece.size, pieces: [piece] });
  }
  return lines.sort((a, b) => a.baseline - b.baseline).map((l) => l.pieces);
}

function lineText(pieces: Piece[]): string {
  let text = '';
  let previous: Piece | undefined;
  for (const piece of pieces) {
    // A gap wider than a fifth of the type size between pieces reads as a space.
    const gap = previous ? Math.max(piece.x - previous.right, previous.x - piece.right) : 0;
    if (previous && !/\s$/.test(text) && !/^\s/.test(piece.str) && gap > piece.size / 5) {
      text += ' ';
    }
    text += piece.str;
    previous = piece;
  }
  return text;
}

/** The text of the PDF (or of pages `first`..`last`), in reading order; pages end with "\f". */
export async function pdfText(
  path: string,
  pages?: { first: number; last: number },
): Promise<string> {
  const doc = await open(path);
  const first = pages?.first ?? 1;
  const last = pages?.last ?? doc.numPages;
  let text = '';
  for (let number = first; number <= last; number++) {
    text +=
      linesOf(await pagePieces(doc, number))
        .map(lineText)
        .join('\n') + '\n\f';
  }
  return text;
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

/** The page (1-based) a destination (a name or an explicit array) opens, or 0. */
async function destinationPage(doc: PDFDocumentProxy, dest: unknown): Promise<number> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  const target = Array.isArray(explicit) ? (explicit[0] as unknown) : undefined;
  if (typeof target === 'number') return target + 1;
  if (target && typeof target === 'object') {
    return (await doc.getPageIndex(target as Parameters<typeof doc.getPageIndex>[0])) + 1;
  }
  return 0;
}

/** The PDF's outline (bookmarks) in order, each resolved to its page. */
export async function pdfOutline(path: string): Promise<OutlineEntry[]> {
  const doc = await open(path);
  const entries: OutlineEntry[] = [];
  type Item = { title: string; dest: unknown; items: Item[] };
  const walk = async (items: Item[], depth: number) => {
    for (const item of items) {
      entries.push({ title: item.title, page: await destinationPage(doc, item.dest), depth });
      await walk(item.items, depth + 1);
    }
  };
  await walk(((await doc.getOutline()) ?? []) as Item[], 0);
  return entries;
}

/** A PDF date ("D:20240501140300Z", "D:2024…+02'00'") as ISO 8601, as `pdfinfo -isodates` prints. */
function isoDate(value: string): string {
  const m = /^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'?\d\d'?)?/.exec(value);
  if (!m) return value;
  const zone =
    !m[7] || m[7] === 'Z' ? 'Z' : m[7].replace(/'/g, '').replace(/(\d\d)(\d\d)$/, '$1:$2');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}

/**
 * The document information dictionary ("Title", "Author", "CreationDate" in ISO 8601, …) with
 * "Pages", "PDF version", "Tagged" ("yes" or "no") and "Lang" (the catalog's /Lang), as pdfinfo
 * names them.
 */
export async function pdfInfo(path: string): Promise<Record<string, string>> {
  const doc = await open(path);
  const { info, metadata } = await doc.getMetadata();
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(info as Record<string, unknown>)) {
    if (typeof value === 'string') result[key] = /Date$/.test(key) ? isoDate(value) : value;
  }
  const fields = info as { PDFFormatVersion?: string; Language?: string };
  result['PDF version'] = fields.PDFFormatVersion ?? '';
  result['Pages'] = String(doc.numPages);
  result['Tagged'] = (await doc.getMarkInfo())?.Marked ? 'yes' : 'no';
  if (fields.Language) result['Lang'] = fields.Language;
  const xmpTitle = metadata?.get('dc:title');
  if (typeof xmpTitle === 'string') result['XMP title'] = xmpTitle;
  return result;
}

/** The fonts the pages use: name (with any subset prefix) and whether the file embeds it. */
export async function pdfFonts(path: string): Promise<{ name: string; embedded: boolean }[]> {
  const doc = await open(path);
  const fonts = new Map<string, boolean>();
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const ops = await page.getOperatorList();
    for (const [i, fn] of ops.fnArray.entries()) {
      if (fn !== OPS.setFont) continue;
      const id = (ops.argsArray[i] as [string])[0];
      const font = page.commonObjs.get(id) as { name: string; missingFile: boolean };
      fonts.set(font.name, !font.missingFile);
    }
  }
  return [...fonts].map(([name, embedded]) => ({ name, embedded }));
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

/**
 * Every word of the PDF with its box. A word's horizontal extent is its share of the run it was
 * drawn in (by characters), its vertical extent the type's ascent and descent.
 */
export async function pdfWordBoxes(path: string): Promise<WordBox[]> {
  const doc = await open(path);
  const words: WordBox[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    for (const line of linesOf(await pagePieces(doc, page))) {
      for (const piece of line) {
        const chars = Array.from(piece.str);
        const step = (piece.right - piece.x) / Math.max(1, chars.length);
        let at = 0;
        for (const word of piece.str.split(/(\s+)/)) {
          const length = Array.from(word).length;
          if (word.trim() !== '') {
            words.push({
              page,
              word,
              xMin: piece.x + at * step,
              xMax: piece.x + (at + length) * step,
              yMin: piece.baseline - 0.93 * piece.size,
              yMax: piece.baseline + 0.24 * piece.size,
            });
          }
          at += length;
        }
      }
    }
  }
  return words;
}

/** A link annotation: its page, its rectangle (top-left origin) and where it goes. */
export interface LinkBox {
  page: number;
  rect: { xMin: number; yMin: number; xMax: number; yMax: number };
  /** The named destination, when the link names one. */
  destination?: string;
  /** The page the link opens, 0 when it opens none. */
  targetPage: number;
  url?: string;
  /** The annotation's object id ("45R"). */
  id: string;
  /** Its description for assistive technology (/Contents), when it has one. */
  contents?: string;
}

/** Every link annotation, page by page. */
export async function pdfLinks(path: string): Promise<LinkBox[]> {
  const doc = await open(path);
  const links: LinkBox[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const height = page.view[3] ?? 0;
    for (const a of (await page.getAnnotations()) as {
      subtype: string;
      rect: number[];
      dest?: unknown;
      url?: string;
      id: string;
      contentsObj?: { str?: string };
    }[]) {
      if (a.subtype !== 'Link') continue;
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = a.rect;
      links.push({
        page: number,
        rect: { xMin: x1, yMin: height - y2, xMax: x2, yMax: height - y1 },
        ...(typeof a.dest === 'string' ? { destination: a.dest } : {}),
        targetPage: a.dest === undefined ? 0 : await destinationPage(doc, a.dest),
        ...(a.url ? { url: a.url } : {}),
        id: a.id,
        ...(a.contentsObj?.str ? { contents: a.contentsObj.str } : {}),
      });
    }
  }
  return links;
}

/** A node of the logical structure: its role, language and children; marked content as text. */
export interface StructNode {
  role: string;
  lang?: string;
  alt?: string;
  children: StructNode[];
  /** For marked content: the text drawn inside it. */
  text?: string;
  /** For an object reference (role "object"): the object's id, as {@link LinkBox.id} names it. */
  objectId?: string;
}

/**
 * The structure tree of each page (PDF.js `page.getStructTree()`), with each piece of marked
 * content replaced by the text drawn in it; `undefined` for an untagged page.
 */
export async function pdfStructTree(path: string): Promise<(StructNode | undefined)[]> {
  const doc = await open(path);
  const pages: (StructNode | undefined)[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    const open: string[] = [];
    for (const item of content.items) {
      if ('str' in item) {
        const id = open.at(-1);
        if (id !== undefined) byId.set(id, (byId.get(id) ?? '') + item.str);
      } else if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        open.push(item.id ?? '');
      } else if (item.type === 'endMarkedContent') {
        open.pop();
      }
    }
    type Raw = {
      role?: string;
      lang?: string;
      alt?: string;
      children?: Raw[];
      type?: string;
      id?: string;
    };
    const convert = (node: Raw): StructNode => {
      if (node.type === 'content') {
        return { role: 'content', children: [], text: byId.get(node.id ?? '') ?? '' };
      }
      if (node.type === 'object') {
        return { role: 'object', children: [], ...(node.id ? { objectId: node.id } : {}) };
      }
      return {
        role: node.role ?? '',
        ...(node.lang ? { lang: node.lang } : {}),
        ...(node.alt ? { alt: node.alt } : {}),
        children: (node.children ?? []).map(convert),
      };
    };
    const tree = (await page.getStructTree()) as Raw | null;
    pages.push(tree ? convert(tree) : undefined);
  }
  return pages;
}

/** Every node of `tree` (depth first) with its role, including the tree itself. */
export function structNodes(tree: StructNode | undefined): StructNode[] {
  if (!tree) return [];
  return [tree, ...tree.children.flatMap(structNodes)];
}

/** The text drawn inside a structure node, its marked content joined in order, spaces flattened. */
export function structText(node: StructNode): string {
  return flat(node.text ?? node.children.map(structText).join(' '));
}
