/** A browser found for the end-to-end tests, and where it was found. */
export interface FoundBrowser {
  path: string;
  source: string;
}
/** How a browser can be installed. */
export interface BrowserInstaller {
  command: string;
  applies: () => boolean;
  run: () => boolean;
}
/** Where to look; each part replaceable for tests. */
export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  candidates?: string[];
  playwright?: () => string | undefined;
  exists?: (path: string) => boolean;
}
export const SYSTEM_BROWSERS: Record<string, string[]>;
export const INSTALLERS: BrowserInstaller[];
/** The executable Playwright installs for its own Chromium (whether or not it is there). */
export function playwrightChromium(): string | undefined;
/** The first browser found, without installing anything. */
export function findBrowser(options?: FindOptions): FoundBrowser | undefined;
/** Whether `apt-get install chromium` can be tried: root on Debian or Ubuntu. */
export function aptApplies(facts?: { uid?: number; osRelease?: string }): boolean;
/** A browser for the tests, found or installed; else the one sentence naming the command to run. */
export function ensureBrowser(
  options?: FindOptions & { installers?: BrowserInstaller[]; log?: (line: string) => void },
): FoundBrowser | { error: string };
