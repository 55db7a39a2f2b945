// Test support: every file under a folder with its bytes, to show that a command changed nothing.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Relative path → base64 of the bytes, for every file under `root`. */
export async function folderSnapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const visit = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await visit(path);
      else files[relative(root, path)] = (await readFile(path)).toString('base64');
    }
  };
  await visit(root);
  return files;
}
