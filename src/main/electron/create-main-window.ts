// The one workspace window, created with the strictest web preferences that still run the app.
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { hardenWebContents } from './security';

/** The built renderer's page. */
export const RENDERER_INDEX = join(import.meta.dirname, '../renderer/index.html');

/** Opens the workspace window and loads the renderer (dev server URL or built files). */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Crosscheck',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(RENDERER_INDEX);
  return window;
}
