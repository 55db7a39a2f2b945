// Document texts, stored once each under documents/<sha256 hex>.txt (content-addressed). A text
// read back must still match its name: a file edited on disk is reported, never served as is.
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Problem, type Result } from '../../core/result';
import { writeFileDurably, type WriteFile } from './durable-write';

/** Reads and writes normalised document texts by id. */
export class DocumentStore {
  constructor(
    private readonly folder: string,
    private readonly writeFile: WriteFile = writeFileDurably,
  ) {}

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
      await this.writeFile(path, text);
    }
  }

  /** The text of a document, or undefined when it is not stored (or no longer matches its id). */
  async get(documentId: string): Promise<string | undefined> {
    const read = await this.read(documentId);
    return read.ok ? read.value : undefined;
  }

  /** The text of a document, or why it cannot be used: missing, or changed since it was stored. */
  async read(documentId: string): Promise<Result<string, Problem>> {
    const path = this.pathOf(documentId);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
      return fail({
        code: 'document-missing',
        message: `The text of a document is missing from the data folder (${path}); remove the document and add it again.`,
      });
    }
    if (`sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}` !== documentId) {
      return fail({
        code: 'document-changed',
        message: `The text file ${path} was changed outside Crosscheck, so tags no longer match it; put back the original file, or remove the document and add it again.`,
      });
    }
    return ok(text);
  }
}
