import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  fromWireJson,
  joinTrailingBytes,
  splitTrailingBytes,
  toWireJson,
} from './wire-json';

describe('wire JSON', () => {
  it('matches Node’s base64 and round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = bytesToBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect([...base64ToBytes(encoded)]).toEqual([...bytes]);
      }),
    );
  });

  it('carries Uint8Array inside objects', () => {
    const value = { fileName: 'a.txt', bytes: Uint8Array.from([0, 1, 255]) };
    const back = fromWireJson(toWireJson(value)) as typeof value;
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect([...back.bytes]).toEqual([0, 1, 255]);
    expect(back.fileName).toBe('a.txt');
  });

  it('rejects base64 with foreign characters', () => {
    expect(() => base64ToBytes('ab$d')).toThrow(/Invalid base64/);
  });

  it.each([
    ['plain JSON', '{"ok":true,"value":{"text":"a $bytes b","n":[1,2]}}'],
    ['bytes', toWireJson({ a: Uint8Array.from([7]) })],
    ['a text that mentions $bytes', '{"text":"\\"$bytes\\" and \\u0002"}'],
  ])('parses %s the same with or without the quick path', (_name, text) => {
    const careful = JSON.parse(text, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && Object.keys(v).length === 1 && '$bytes' in v
        ? base64ToBytes(String((v as { $bytes: unknown }).$bytes))
        : v,
    ) as unknown;
    expect(fromWireJson(text)).toEqual(careful);
  });
});

describe('calls with trailing bytes', () => {
  const frame = (head: string, bytes: Uint8Array) =>
    new Uint8Array([...new TextEncoder().encode(head), 0x0a, ...bytes]);

  it('sends one large byte array after the JSON, and reads it back', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const split = splitTrailingBytes({ reviewId: 'r1', fileName: 'a\nb.txt', bytes }, 100);
    if (!split) throw new Error('not split');
    expect(split.head).not.toContain('\n');
    const back = joinTrailingBytes(frame(split.head, split.bytes)) as Record<string, unknown>;
    expect(back['reviewId']).toBe('r1');
    expect(back['fileName']).toBe('a\nb.txt');
    expect([...(back['bytes'] as Uint8Array)]).toEqual([...bytes]);
  });

  it('leaves small, repeated or absent byte arrays to plain wire JSON', () => {
    const big = new Uint8Array(200);
    expect(splitTrailingBytes({ bytes: new Uint8Array(10) }, 100)).toBeUndefined();
    expect(splitTrailingBytes({ a: big, b: big }, 100)).toBeUndefined();
    expect(splitTrailingBytes({ name: 'x' }, 100)).toBeUndefined();
  });

  it.each([
    ['no newline', new TextEncoder().encode('{"bytes":{"$trailingBytes":true}}')],
    ['no marker', frame('{"bytes":1}', Uint8Array.from([1]))],
    [
      'two markers',
      frame('{"a":{"$trailingBytes":true},"b":{"$trailingBytes":true}}', Uint8Array.from([1])),
    ],
    ['JSON that is not JSON', frame('{"a":', Uint8Array.from([1]))],
  ])('refuses a body with %s', (_name, body) => {
    expect(() => joinTrailingBytes(body)).toThrow();
  });
});
