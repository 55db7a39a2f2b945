// Electron host entry: app lifecycle only; the back end is the same plain-Node services the
// browser host uses, team sync included (createBackend resumes the reviews that were syncing, the
// Team sync calls come through the IPC host like every call, backend.close stops them on quit).
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, type WebFrameMain } from 'electron';
import { createBackend, type Backend } from '../compose';
import { appResourceDir, type AppLocation } from '../resource-dirs';
import { DataDirInUseError } from '../store/data-dir-lock';
import { createMainWindow, RENDERER_INDEX } from './create-main-window';
import { registerExportDialog } from './export-dialog';
import { registerIpcHost } from './ipc-host';
import { mayQuit, type QuitDialogs } from './quit-guard';
import { denyAllPermissions } from './security';

app.setName('Crosscheck');

function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer && frame.url.startsWith(devServer)) return true;
  return frame.url.split('#')[0]?.split('?')[0] === pathToFileURL(RENDERER_INDEX).href;
}

async function start(): Promise<void> {
  denyAllPermissions();
  const here: AppLocation = {
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  };
  let backend: Backend;
  try {
    backend = await createBackend({
      // Tests point the app at a temporary folder; people get Electron's user-data folder.
      dataDir: process.env['CROSSCHECK_DATA_DIR'] ?? app.getPath('userData'),
      samplesDir: appResourceDir('samples', here),
    });
  } catch (error) {
    const message =
      error instanceof DataDirInUseError
        ? error.message
        : `Crosscheck could not start: ${String(error)}`;
    dialog.showErrorBox('Crosscheck', message);
    app.exit(1);
    return;
  }
  const window = createMainWindow();
  const unregisterApi = registerIpcHost(backend.service, window, isTrustedFrame);
  const fontsDir = appResourceDir('fonts', here);
  const unregisterExport = registerExportDialog(backend.service, window, isTrustedFrame, fontsDir);
  const unregister = () => {
    unregisterApi();
    unregisterExport();
  };
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    event.preventDefault();
    closing = true;
    // Unsaved changes (a full or read-only disk): retry, save a copy elsewhere, or quit anyway.
    void mayQuit(backend.service, quitDialogs(window.isDestroyed() ? undefined : window), fontsDir)
      .then(async (quit) => {
        if (!quit) {
          closing = false;
          return;
        }
        unregister();
        await backend.close();
        app.quit();
      })
      .catch(() => app.exit(1));
  });
}

/** Electron's native dialogs, attached to the window while it is open. */
function quitDialogs(window: BrowserWindow | undefined): QuitDialogs {
  return {
    ask: async (options) =>
      (window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options))
        .response,
    chooseSavePath: async (options) => {
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return choice.canceled ? undefined : choice.filePath || undefined;
    },
    showError: (message) => dialog.showErrorBox('Crosscheck', message),
    documentsDir: app.getPath('documents'),
  };
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
}
