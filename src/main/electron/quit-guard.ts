// Quitting the Electron host with changes that are not on disk: one more try at saving, then a
// question — try again, save a copy elsewhere (an annotation file per review), or quit anyway.
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { exportFileName, writeExportFile } from '../exports';
import type { ReviewService } from '../review-service';

/** Resolves true when quitting may go on (everything saved, copied, or the person said so). */
export async function mayQuit(
  service: ReviewService,
  window: BrowserWindow | undefined,
  fontsDir: string,
): Promise<boolean> {
  for (;;) {
    await service.retrySaves();
    const unsaved = service.unsaved();
    if (unsaved.length === 0) return true;
    const names = unsaved.map((u) => `“${u.review.name}”`).join(', ');
    const options = {
      type: 'warning' as const,
      title: 'Crosscheck',
      message: `Changes to ${names} are not saved (${unsaved[0]?.reason ?? 'the data folder cannot be written'}).`,
      detail:
        'Try again after freeing some space or fixing the folder, save a copy of each review as an annotation file somewhere else (import it later to get the changes back), or quit and lose those changes.',
      buttons: ['Try Again', 'Save a Copy…', 'Quit Anyway'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    };
    const { response } = window
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options);
    if (response === 2) return true;
    if (response === 1 && (await saveCopies(service, window, fontsDir))) return true;
  }
}

/** Asks where to save each unsaved review's annotation file; true when all were written. */
async function saveCopies(
  service: ReviewService,
  window: BrowserWindow | undefined,
  fontsDir: string,
): Promise<boolean> {
  for (const { review } of service.unsaved()) {
    const options = {
      title: `Save a copy of “${review.name}”`,
      defaultPath: join(app.getPath('documents'), exportFileName(review.name, 'annotations')),
    };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return false;
    const written = await writeExportFile(service, 'annotations', review.id, choice.filePath, {
      fontsDir,
      clock: () => new Date().toISOString(),
    });
    if (!written.ok) {
      dialog.showErrorBox('Crosscheck', written.error.message);
      return false;
    }
  }
  return true;
}
