// Small per-data-folder settings (which review was open last), kept in settings.json.
import { z } from 'zod';
import { DurableJsonFile } from './json-file-adapter';

const settingsSchema = z.object({ lastReviewId: z.string().optional() });

/** The settings this folder remembers. */
export type Settings = z.infer<typeof settingsSchema>;

/** Reads and writes settings.json; an unreadable file counts as empty settings. */
export class SettingsStore {
  private settings: Settings = {};
  private readonly file: DurableJsonFile<Settings>;

  constructor(path: string) {
    this.file = new DurableJsonFile(path, (data) => {
      const parsed = settingsSchema.safeParse(data);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'invalid' };
    });
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

  /** Remembers (or forgets, with undefined) the last open review. */
  async setLastReviewId(id: string | undefined): Promise<void> {
    if (this.settings.lastReviewId === id) return;
    this.settings = id === undefined ? {} : { lastReviewId: id };
    await this.file.write(this.settings);
  }
}
