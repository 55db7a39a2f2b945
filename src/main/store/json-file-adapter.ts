// A lowdb adapter for one JSON file, written through writeFileDurably and checked on read.
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably, type WriteFile } from './durable-write';

/** Thrown by `read` when the file exists but does not parse or validate. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Reads and durably writes one JSON file; `parse` validates what was read. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly parse: (
      data: unknown,
    ) => { ok: true; value: T } | { ok: false; error: string },
    private readonly writeFile: WriteFile = writeFileDurably,
    private readonly serialise: (data: T) => string | Promise<string> = (data) =>
      JSON.stringify(data),
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return null;
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new UnreadableFileError(this.path, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = this.parse(data);
    if (!parsed.ok) throw new UnreadableFileError(this.path, parsed.error);
    return parsed.value;
  }

  async write(data: T): Promise<void> {
    await this.writeFile(this.path, await this.serialise(data));
  }
}
