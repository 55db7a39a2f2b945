// Quitting the Electron host with changes that are not on disk: one more try at saving, then a
// question — try again, save a copy elsewhere (an annotation file per review), or quit anyway.
// The dialogs come in as a port, so the whole conversation is tested under plain Node.
import { join } from 'node:path';
import type { MessageBoxOptions, SaveDialogOptions } from 'electron';
import { exportFileName, writeExportFile } from '../exports';
import type { ReviewService } from '../review-service';

/** The native dialogs the quit guard asks through (Electron's `dialog`, bound to the window). */
export interface QuitDialogs {
  /** Resolves with the index of the button pressed. */
  ask(options: MessageBoxOptions): Promise<number>;
  /** Resolves with the chosen path, or undefined when cancelled. */
  chooseSavePath(options: SaveDialogOptions): Promise<string | undefined>;
  showError(message: string): void;
  /** The folder a copy is offered in first (the person's documents folder). */
  documentsDir: string;
}

/** The buttons of the question, in order. */
export const QUIT_BUTTONS = ['Try Again', 'Save a Copy…', 'Quit Anyway'] as const;

/** Resolves true when quitting may go on (everything saved, copied, or the person said so). */
export async function mayQuit(
  service: ReviewService,
  dialogs: QuitDialogs,
  fontsDir: string,
): Promise<boolean> {
  for (;;) {
    await service.retrySaves();
    const unsaved = service.unsaved();
    if (unsaved.length === 0) return true;
    const names = unsaved.map((u) => `“${u.review.name}”`).join(', ');
    const response = await dialogs.ask({
      type: 'warning',
      title: 'Crosscheck',
      message: `Changes to ${names} are not saved (${unsaved[0]?.reason ?? 'the data folder cannot be written'}).`,
      detail:
        'Try again after freeing some space or fixing the folder, save a copy of each review as an annotation file somewhere else (import it later to get the changes back), or quit and lose those changes.',
      buttons: [...QUIT_BUTTONS],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (response === 2) return true;
    if (response === 1 && (await saveCopies(service, dialogs, fontsDir))) return true;
  }
}

/** Asks where to save each unsaved review's annotation file; true when all were written. */
async function saveCopies(
  service: ReviewService,
  dialogs: QuitDialogs,
  fontsDir: string,
): Promise<boolean> {
  for (const { review } of service.unsaved()) {
    const filePath = await dialogs.chooseSavePath({
      title: `Save a copy of “${review.name}”`,
      defaultPath: join(dialogs.documentsDir, exportFileName(review.name, 'annotations')),
    });
    if (!filePath) return false;
    const written = await writeExportFile(service, 'annotations', review.id, filePath, {
      fontsDir,
      clock: () => new Date().toISOString(),
    });
    if (!written.ok) {
      dialogs.showError(written.error.message);
      return false;
    }
  }
  return true;
}
