import { describe, expect, it } from 'vitest';
import { WriteCoalescer } from './write-coalescer';

describe('WriteCoalescer', () => {
  it('turns a burst of 100 edits into a couple of writes, each edit acknowledged after its write', async () => {
    let state = 0;
    const written: number[] = [];
    const coalescer = new WriteCoalescer(async () => {
      const snapshot = state;
      await new Promise((r) => setTimeout(r, 5));
      written.push(snapshot);
    }, 5);
    const acks = [];
    for (let i = 1; i <= 100; i++) {
      state = i;
      acks.push(coalescer.request().then(() => expect(written.at(-1)).toBeGreaterThanOrEqual(i)));
    }
    await Promise.all(acks);
    expect(written.length).toBeLessThanOrEqual(2);
    expect(written.at(-1)).toBe(100);
  });

  it('an edit made during a write waits for the next write', async () => {
    let state = 'a';
    const written: string[] = [];
    let release: () => void = () => undefined;
    const coalescer = new WriteCoalescer(async () => {
      const snapshot = state;
      if (snapshot === 'a') await new Promise<void>((r) => (release = r));
      written.push(snapshot);
    }, 0);
    const first = coalescer.request();
    await new Promise((r) => setTimeout(r, 5));
    state = 'b';
    const second = coalescer.request();
    release();
    await first;
    expect(written).toEqual(['a']);
    await second;
    expect(written).toEqual(['a', 'b']);
  });

  it('reports a failed write to the edits it held, and later writes still run', async () => {
    let fail = true;
    const coalescer = new WriteCoalescer(async () => {
      if (fail) throw new Error('disk full');
    }, 0);
    await expect(coalescer.request()).rejects.toThrow('disk full');
    fail = false;
    await expect(coalescer.request()).resolves.toBeUndefined();
  });
});
