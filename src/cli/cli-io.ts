// The outside world of a CLI run, passed in so commands can be tested in-process.

/** Where a command writes, and the folder relative paths start from. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** A command's outcome: 0 success, 1 bad input, 2 bad usage. */
export type ExitCode = 0 | 1 | 2;

/** A failure that ends the command with one plain sentence and an exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** Bad input: exit 1. */
export function badInput(message: string): CliFailure {
  return new CliFailure(message, 1);
}

/** Bad usage: exit 2. */
export function badUsage(message: string): CliFailure {
  return new CliFailure(message, 2);
}
