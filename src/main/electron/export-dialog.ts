// The Electron host's export capability: the native save dialog, then the export written there.
import { join } from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import { z } from 'zod';
import { ok } from '../../core/result';
import { EXPORT_CHANNEL, EXPORT_KINDS } from '../../shared/host-info';
import { EXPORT_FORMATS, exportNameOf, writeExportFile } from '../exports';
import type { ReviewService } from '../review-service';

const exportArgs = z.object({ kind: z.enum(EXPORT_KINDS), reviewId: z.string().min(1) }).strict();

/** Registers the export handler; returns its removal. */
export function registerExportDialog(
  service: ReviewService,
  window: BrowserWindow,
  isTrusted: (frame: WebFrameMain | null) => boolean,
  fontsDir: string,
): () => void {
  ipcMain.handle(EXPORT_CHANNEL, async (event, raw: unknown) => {
    if (!isTrusted(event.senderFrame))
      throw new Error('Refused: the call did not come from Crosscheck.');
    const args = exportArgs.safeParse(raw);
    if (!args.success) {
      return { ok: false, error: { code: 'invalid-request', message: 'Invalid export request.' } };
    }
    const { kind, reviewId } = args.data;
    const name = await exportNameOf(service, kind, reviewId);
    if (!name.ok) return name;
    const format = EXPORT_FORMATS[kind];
    const choice = await dialog.showSaveDialog(window, {
      title: `Export ${format.label}`,
      defaultPath: join(app.getPath('documents'), name.value),
      filters: [
        {
          name: format.label,
          extensions: [format.extension.replace(/^\./, '').split('.').pop() ?? ''],
        },
      ],
    });
    if (choice.canceled || !choice.filePath) return ok({ cancelled: true as const });
    const written = await writeExportFile(service, kind, reviewId, choice.filePath, {
      fontsDir,
      clock: () => new Date().toISOString(),
      onProgress: (fraction) =>
        service.publish({ name: 'exportProgress', payload: { reviewId, kind, fraction } }),
      onNotice: (notice) =>
        service.publish({
          name: 'exportProgress',
          payload: { reviewId, kind, fraction: 1, notice },
        }),
    });
    return written.ok ? ok({ savedTo: choice.filePath }) : written;
  });
  return () => ipcMain.removeHandler(EXPORT_CHANNEL);
}
