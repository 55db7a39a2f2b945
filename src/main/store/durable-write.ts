// Crash-safe file replacement: write a unique temp file, fsync it, rename it over the target,
// fsync the folder. A reader sees the old file or the new one, never a torn one.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** How the stores write a file: writeFileDurably, or (in tests) one that fails like a full disk. */
export type WriteFile = (path: string, content: string | Uint8Array) => Promise<void>;

/** Replaces `path` with `content` durably. */
export async function writeFileDurably(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = join(
    folder,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const file = await open(temp, 'wx', 0o600);
  try {
    await file.writeFile(content);
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await file.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** fsyncs a folder so a rename in it survives a power cut (a no-op where folders cannot be opened). */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open folders for fsync; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}

/** Temp files of writes that a crash interrupted: `.<name>.<pid>.<hex>.tmp`. */
const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

/**
 * Deletes temp files left in `folder` by writes that were interrupted. Call it only while holding
 * the data folder's lock, when no write of ours can be running.
 */
export async function removeStaleTempFiles(folder: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(folder)) {
    if (!TEMP_FILE.test(name)) continue;
    await unlink(join(folder, name)).catch(() => undefined);
    removed++;
  }
  return removed;
}
