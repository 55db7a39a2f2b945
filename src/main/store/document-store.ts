// Document texts, stored once each under documents/<sha256 hex>.txt (content-addressed).
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './durable-write';

/** Reads and writes normalised document texts by id. */
export class DocumentStore {
  constructor(private readonly folder: string) {}

  private pathOf(documentId: string): string {
    const hex = /^sha256:([0-9a-f]{64})$/.exec(documentId)?.[1];
    if (!hex) throw new Error(`Not a document id: ${documentId}`);
    return join(this.folder, `${hex}.txt`);
  }

  /** Stores a text under its id unless it is already there. */
  async put(documentId: string, text: string): Promise<void> {
    const path = this.pathOf(documentId);
    try {
      await access(path);
      return;
    } catch {
      await writeFileDurably(path, text);
    }
  }

  /** The text of a document, or undefined when it is not stored. */
  async get(documentId: string): Promise<string | undefined> {
    try {
      return await readFile(this.pathOf(documentId), 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
