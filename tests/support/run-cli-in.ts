// Test support: runs the CLI in-process in a folder and captures what it prints.
import { join } from 'node:path';
import type { ExitCode } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/run-cli';

/** What one CLI run printed, and its exit code. */
export interface CliRun {
  code: ExitCode;
  stdout: string;
  stderr: string;
}

/** Runs `crosscheck ...argv` with `dir` as the working folder (no built app or fonts there). */
export async function runCliIn(dir: string, argv: string[], fontsDir?: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir },
    {
      rendererDir: join(dir, 'no-renderer'),
      samplesDir: join(dir, 'no-samples'),
      fontsDir: fontsDir ?? join(dir, 'no-fonts'),
    },
  );
  return { code, stdout, stderr };
}
