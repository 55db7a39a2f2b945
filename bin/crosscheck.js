#!/usr/bin/env node
// Starts the built command line; says how to build it when it is not built yet.
import { existsSync } from 'node:fs';

const entry = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('crosscheck: the command is not built yet; run "npm run build" first.\n');
  process.exit(1);
}
await import(entry.href);
