// The `crosscheck` command: dispatches to a subcommand and turns failures into exit codes.
// Each command's module is imported only when that command runs, so that `crosscheck segment`
// starts without loading pdfkit, zod, the review store or the web server.
import type { BriefPaths } from './brief-command';
import { CliFailure, type CliIo, type ExitCode } from './cli-io';
import type { ServePaths } from './serve-command';

/** Help text for the command as a whole. */
const MAIN_HELP = `Usage: crosscheck COMMAND [OPTIONS]

Crosscheck reviews plain-text documents sentence by sentence.

Commands:
  segment FILE... [--json]   print the sentences of text files
  export --review NAME-OR-ID -o FILE [--data-dir DIR]
                             write a review as an annotation file (.crosscheck.json)
  merge A B -o OUT [--report FILE]
                             merge two annotation files; conflicts are listed on stderr
  validate FILE              check an annotation file and list its problems
  serve [--port N] [--data-dir DIR]
                             open Crosscheck in your browser (for machines without Electron)
  brief --review NAME-OR-ID [--data-dir DIR] -o OUT.pdf
  brief FILE.crosscheck.json -o OUT.pdf
                             write a review's PDF brief
  suggest --claim TEXT FILE... [--top N] [--json]
                             suggest sentences that may confirm or contradict a claim
  sync-server [--port N] [--host ADDRESS] [--data-dir DIR] [--new-token R | --revoke R]
                             run the team sync server, or replace or withdraw a review's token

Run "crosscheck COMMAND --help" for a command's options.
Exit status: 0 success, 1 bad input (one plain sentence on stderr), 2 bad usage.`;

type Command = (args: string[], io: CliIo) => Promise<ExitCode>;

/** Where the built app's files are (the browser host serves them). */
export type CliPaths = ServePaths & BriefPaths;

function commands(paths: CliPaths): Record<string, Command> {
  return {
    segment: async (args, io) => (await import('./segment-command')).runSegment(args, io),
    export: async (args, io) => (await import('./export-command')).runExport(args, io),
    merge: async (args, io) => (await import('./merge-command')).runMerge(args, io),
    validate: async (args, io) => (await import('./validate-command')).runValidate(args, io),
    serve: async (args, io) => (await import('./serve-command')).runServe(args, io, paths),
    brief: async (args, io) => (await import('./brief-command')).runBrief(args, io, paths),
    suggest: async (args, io) => (await import('./suggest-command')).runSuggest(args, io),
    'sync-server': async (args, io) =>
      (await import('./sync-server-command')).runSyncServer(args, io),
  };
}

/** Runs the command line `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo, paths: CliPaths): Promise<ExitCode> {
  const available = commands(paths);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(MAIN_HELP + '\n');
    return name === undefined ? 2 : 0;
  }
  const command = available[name];
  if (!command || !Object.hasOwn(available, name)) {
    io.stderr(`crosscheck: unknown command "${name}". Run "crosscheck --help" for the list.\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr(`crosscheck: ${error.message}\n`);
      return error.exitCode;
    }
    if (isArgumentError(error)) {
      io.stderr(
        `crosscheck ${name}: ${(error as Error).message}. Run "crosscheck ${name} --help".\n`,
      );
      return 2;
    }
    throw error;
  }
}

/** node:util parseArgs reports bad options with these codes. */
function isArgumentError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
