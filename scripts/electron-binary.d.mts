/** Seconds `npm start` waits for the download unless CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT says. */
export const DEFAULT_DOWNLOAD_TIMEOUT_S: number;
/** The path of the installed Electron executable, or undefined when none was downloaded. */
export function findElectronBinary(root: string, env?: NodeJS.ProcessEnv): string | undefined;
/** Runs Electron's own installer for at most `timeoutS` seconds; never throws. */
export function downloadElectron(
  root: string,
  options?: { timeoutS?: number; env?: NodeJS.ProcessEnv },
): { ok: true } | { ok: false; reason: string };
/** The download timeout from CROSSCHECK_ELECTRON_DOWNLOAD_TIMEOUT (seconds), else the default. */
export function downloadTimeout(env?: NodeJS.ProcessEnv): number;
/** Turns a download tool's error output into the few words a person needs, e.g. "no network". */
export function failureReason(output: string): string;
