import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  formatBytes,
  importText,
  type ImportedText,
} from './import-text';

const SAMPLE = 'Café “quoted” – naïve.\nSecond line: ☃ and 😀.\n';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = bom ? '\ufeff' + text : text;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [first, second] = endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    out[i * 2] = first;
    out[i * 2 + 1] = second;
  }
  return out;
}

function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

function imported(bytes: Uint8Array, name = 'doc.txt'): ImportedText {
  const result = importText(bytes, name);
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.value;
}

function refusal(bytes: Uint8Array, name = 'doc.txt', maxBytes?: number) {
  const result = importText(bytes, name, maxBytes === undefined ? {} : { maxBytes });
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('importText decoding', () => {
  it.each([
    ['UTF-8 without BOM', utf8(SAMPLE), 'utf-8', false],
    ['UTF-8 with BOM', concat([0xef, 0xbb, 0xbf], utf8(SAMPLE)), 'utf-8', true],
    ['UTF-16 LE with BOM', utf16(SAMPLE, 'le', true), 'utf-16le', true],
    ['UTF-16 BE with BOM', utf16(SAMPLE, 'be', true), 'utf-16be', true],
    ['UTF-16 LE without BOM', utf16(SAMPLE, 'le', false), 'utf-16le', false],
    ['UTF-16 BE without BOM', utf16(SAMPLE, 'be', false), 'utf-16be', false],
  ] as const)('reads %s', (_label, bytes, encoding, bom) => {
    const doc = imported(bytes);
    expect(doc.text).toBe(SAMPLE);
    expect(doc.encoding).toBe(encoding);
    expect(doc.bom).toBe(bom);
    expect(doc.warnings).toEqual([]);
  });

  it('reads invalid UTF-8 as Windows-1252 and says so', () => {
    // "Café – “ok”" in Windows-1252: é = E9, – = 96, “ = 93, ” = 94.
    const bytes = concat(utf8('Caf'), [0xe9, 0x20, 0x96, 0x20, 0x93], utf8('ok'), [0x94]);
    const doc = imported(bytes, 'old.txt');
    expect(doc.text).toBe('Café – “ok”');
    expect(doc.encoding).toBe('windows-1252');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatch(/“old\.txt” is not valid UTF-8.*Windows-1252/);
  });

  it('gives the same text and id for UTF-16 LE with CRLF and UTF-8 with LF', () => {
    const windows = imported(utf16(SAMPLE.replace(/\n/g, '\r\n'), 'le', true));
    const unix = imported(utf8(SAMPLE));
    expect(windows.text).toBe(unix.text);
    expect(windows.id).toBe(unix.id);
    expect(windows.originalSha256).not.toBe(unix.originalSha256);
    expect(windows.lineEndings).toBe('crlf');
    expect(unix.lineEndings).toBe('lf');
  });

  it('ids are sha256 of the normalised text', () => {
    // sha256("abc") is a published test vector.
    expect(imported(utf8('abc')).id).toBe(
      'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('importText normalisation', () => {
  it.each([
    ['CRLF', 'a\r\nb\r\n', 'a\nb\n', 'crlf'],
    ['lone CR', 'a\rb\r', 'a\nb\n', 'cr'],
    ['mixed', 'a\r\nb\rc\n', 'a\nb\nc\n', 'mixed'],
    ['none', 'one line', 'one line', 'none'],
  ] as const)('turns %s line endings into LF', (_label, input, text, style) => {
    const doc = imported(utf8(input));
    expect(doc.text).toBe(text);
    expect(doc.lineEndings).toBe(style);
  });

  it('composes to NFC before offsets exist', () => {
    const decomposed = 'Cafe\u0301 Ame\u0301lie';
    const doc = imported(utf8(decomposed));
    expect(doc.text).toBe('Café Amélie');
    expect(doc.text.length).toBe(11);
    expect(doc.id).toBe(imported(utf8('Café Amélie')).id);
  });
});

describe('importText refusals', () => {
  it('refuses an empty file', () => {
    expect(refusal(new Uint8Array(0), 'e.txt')).toMatchObject({
      code: 'empty',
      message: '“e.txt” is empty; there is no text to review.',
    });
  });

  it('refuses a whitespace-only file, in any encoding', () => {
    expect(refusal(utf8(' \n\t\r\n  ')).code).toBe('empty');
    expect(refusal(utf16('  \r\n ', 'le', true)).code).toBe('empty');
  });

  it.each([
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
    ['a PDF document', [...utf8('%PDF-1.7\n%âãÏÓ\n')]],
    ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]],
    ['a gzip archive', [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]],
    ['a JPEG image', [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]],
  ])('refuses %s by name', (format, bytes) => {
    const problem = refusal(Uint8Array.from(bytes), 'x.bin');
    expect(problem.code).toBe('binary');
    expect(problem.message).toContain(`looks like ${format}`);
  });

  it('refuses bytes with NULs that are not UTF-16', () => {
    const bytes = concat(utf8('header'), [0, 0, 0, 1, 2, 0, 0xff, 0], utf8('more text here'));
    expect(refusal(bytes).code).toBe('binary');
  });

  it.each([
    ['Chinese', '政府发表了声明。首相否认辞职！\n第二段：2020 年。\n'],
    ['Japanese', '政府は声明を発表した。「本当ですか？」\n'],
    ['Korean', '정부는 성명을 발표했다. 총리는 사임을 부인했다.\n'],
    ['Arabic', 'هل وقّع الرسالة؟ قال الوزير إنه لم يوقعها.\n'],
  ])('reads %s in UTF-16 without a BOM (few NULs, all on one side)', (_script, text) => {
    for (const endian of ['le', 'be'] as const) {
      const doc = imported(utf16(text, endian, false));
      expect(doc.text).toBe(text);
      expect(doc.encoding).toBe(endian === 'le' ? 'utf-16le' : 'utf-16be');
      expect(doc.bom).toBe(false);
    }
  });

  it('still refuses NULs on one side when the other bytes are not text', () => {
    // NULs only at odd offsets, but the units they belong to are control characters
    const cjk = [0x3f, 0x65, 0x9c, 0x5e, 0xd1, 0x53, 0x68, 0x88];
    const bytes = Uint8Array.from([...cjk, 0x01, 0x00, ...cjk, 0x02, 0x00]);
    expect(refusal(bytes).code).toBe('binary');
    // …or private-use characters stand between them
    const pua = Uint8Array.from([0x01, 0xe0, ...cjk, 0x41, 0x00, 0x10, 0xe1, ...cjk, 0x0a, 0x00]);
    expect(refusal(pua).code).toBe('binary');
  });

  it('refuses a UTF-8 BOM followed by NUL bytes as binary, as without the BOM', () => {
    const withBom = concat([0xef, 0xbb, 0xbf], utf8('abc'), [0, 0, 0, 7], utf8('more text'));
    const problem = refusal(withBom, 'odd.txt');
    expect(problem.code).toBe('binary');
    expect(problem.message).toBe(
      '“odd.txt” looks like a binary file, not text; Crosscheck opens plain-text files (.txt).',
    );
    // a UTF-16 body behind a UTF-8 BOM is refused the same way, never shown as "A\u0000B\u0000"
    expect(refusal(concat([0xef, 0xbb, 0xbf], utf16('AB\n', 'le', false))).code).toBe('binary');
  });

  it('refuses control-character soup that only decodes as Windows-1252', () => {
    const bytes = Uint8Array.from({ length: 400 }, (_, i) => (i * 37) % 32 || 0x81);
    expect(refusal(bytes).code).toBe('binary');
  });

  it('refuses UTF-16 with a BOM whose body is broken', () => {
    // A lone high surrogate followed by a plain letter is not valid UTF-16.
    const bytes = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]);
    const problem = refusal(bytes, 'broken.txt');
    expect(problem.code).toBe('undecodable');
    expect(problem.message).toMatch(/“broken\.txt” is marked as UTF-16LE/);
  });

  it('refuses a file over the size cap, naming both sizes', () => {
    const problem = refusal(utf8('x'.repeat(2048)), 'big.txt', 1024);
    expect(problem).toMatchObject({ code: 'too-large' });
    expect(problem.message).toBe(
      '“big.txt” is 2 KB, larger than the 1 KB Crosscheck opens; split it into smaller files.',
    );
  });

  it('has a 50 MB default cap', () => {
    expect(DEFAULT_MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    expect(formatBytes(DEFAULT_MAX_IMPORT_BYTES)).toBe('50 MB');
    expect(formatBytes(62.3 * 1024 * 1024)).toBe('62.3 MB');
  });
});

describe('importText on random input', () => {
  it('never throws on random bytes, and any text it returns is normalised', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const result = importText(bytes, 'random.bin');
        if (result.ok) {
          expect(result.value.text).not.toMatch(/\r/);
          expect(result.value.text.normalize('NFC')).toBe(result.value.text);
          expect(result.value.id).toMatch(/^sha256:[0-9a-f]{64}$/);
        } else {
          expect(result.error.message).toMatch(/^“random\.bin” .+\.$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any Unicode text through UTF-8 and UTF-16', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), (text) => {
        fc.pre(text.trim() !== '' && !text.includes('\u0000'));
        const expected = text.replace(/\r\n?/g, '\n').normalize('NFC');
        const viaUtf8 = importText(utf8(text), 't.txt');
        const viaUtf16 = importText(utf16(text, 'be', true), 't.txt');
        expect(viaUtf8.ok && viaUtf8.value.text).toBe(expected);
        expect(viaUtf16.ok && viaUtf16.value.text).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
