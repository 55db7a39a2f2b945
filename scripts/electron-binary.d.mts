/** The path of the installed Electron executable, or undefined when none was downloaded. */
export function findElectronBinary(root: string): string | undefined;
