/** Builds the app in `root` unless CROSSCHECK_SKIP_BUILD=1 and out/ exists. */
export function buildApp(root: string): void;
