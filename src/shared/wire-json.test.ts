import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, fromWireJson, toWireJson } from './wire-json';

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
});
