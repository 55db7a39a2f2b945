// Entry of the built `crosscheck` command (out/main/cli.js), started by bin/crosscheck.js.
import { join } from 'node:path';
import { runCli } from './run-cli';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`crosscheck segment big.txt | head`) is a normal way to stop reading.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  },
  {
    rendererDir: join(import.meta.dirname, '../renderer'),
    samplesDir: join(import.meta.dirname, '../../resources/samples'),
    fontsDir: join(import.meta.dirname, '../../resources/fonts'),
  },
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `crosscheck: an internal error stopped the command (${error instanceof Error ? error.message : String(error)}).\n`,
    );
    process.exitCode = 1;
  },
);
