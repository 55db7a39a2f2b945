// Small per-data-folder settings (the review open last, the sample review, the reviewer's name),
// kept in settings.json.
import { z } from 'zod';
import type { WriteFile } from './durable-write';
import { DurableJsonFile } from './json-file-adapter';

const settingsSchema = z.object({
  lastReviewId: z.string().optional(),
  sampleReviewId: z.string().optional(),
  reviewerName: z.string().min(1).optional(),
});

/** The settings this folder remembers. */
export type Settings = z.infer<typeof settingsSchema>;

/** Reads and writes settings.json; an unreadable file counts as empty settings. */
export class SettingsStore {
  private settings: Settings = {};
  private readonly file: DurableJsonFile<Settings>;

  constructor(path: string, writeFile?: WriteFile) {
    this.file = new DurableJsonFile(
      path,
      (data) => {
        const parsed = settingsSchema.safeParse(data);
        return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'invalid' };
      },
      writeFile,
    );
  }

  /** Loads the file (missing or unreadable: defaults). */
  async load(): Promise<void> {
    try {
      this.settings = (await this.file.read()) ?? {};
    } catch {
      this.settings = {};
    }
  }

  get lastReviewId(): string | undefined {
    return this.settings.lastReviewId;
  }

  get sampleReviewId(): string | undefined {
    return this.settings.sampleReviewId;
  }

  /** The name the reviewer gave (absent until asked). */
  get reviewerName(): string | undefined {
    return this.settings.reviewerName;
  }

  /** Remembers the name new tags, verdicts and dismissals are written by. */
  setReviewerName(name: string): Promise<void> {
    return this.set('reviewerName', name);
  }

  /** Remembers (or forgets, with undefined) the last open review. */
  setLastReviewId(id: string | undefined): Promise<void> {
    return this.set('lastReviewId', id);
  }

  /** Remembers (or forgets) the review built from the bundled sample. */
  setSampleReviewId(id: string | undefined): Promise<void> {
    return this.set('sampleReviewId', id);
  }

  private async set(key: keyof Settings, value: string | undefined): Promise<void> {
    if (this.settings[key] === value) return;
    const next = { ...this.settings };
    if (value === undefined) delete next[key];
    else next[key] = value;
    this.settings = next;
    await this.file.write(next);
  }
}
