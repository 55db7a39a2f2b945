// Test support: makes a folder refuse writes, the way a folder made read-only does. Root ignores
// permission bits, so as root the folder is made immutable (chattr +i, ext4 and most Linux file
// systems) instead.
import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

const asRoot = process.getuid?.() === 0;

/** Makes `folder` refuse new files and renames; returns the function that undoes it. */
export function makeReadOnly(folder: string): () => void {
  if (asRoot) {
    execFileSync('chattr', ['+i', folder]);
    return () => execFileSync('chattr', ['-i', folder]);
  }
  chmodSync(folder, 0o555);
  return () => chmodSync(folder, 0o755);
}
