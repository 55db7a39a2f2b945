// Where the app's bundled fonts and samples are: in an installed app electron-builder puts them in
// the app's resources folder (extraResources → process.resourcesPath); run from a clone, they are
// the project's resources/ folder.
import { join } from 'node:path';

/** What the Electron host knows about where it runs (app.isPackaged, process.resourcesPath, app.getAppPath()). */
export interface AppLocation {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}

/** The folder of bundled `fonts` or `samples` for an app at `where`. */
export function appResourceDir(name: 'fonts' | 'samples', where: AppLocation): string {
  return where.isPackaged
    ? join(where.resourcesPath, name)
    : join(where.appPath, 'resources', name);
}
