// File-system failures in plain words, for messages about the data folder or an export's file.

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'Crosscheck is not allowed to write there',
  EPERM: 'Crosscheck is not allowed to write there',
  EIO: 'the disk reported a read or write error',
  ENOENT: 'a folder it needs is missing',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is in use',
};

/** Why a file operation failed, as a short clause ("the disk is full"), never a stack trace. */
export function fsReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return REASONS[code] ?? `the system refused it (${code})`;
  return 'something unexpected went wrong';
}

/** Whether an error is a file-system failure (it carries an errno code such as ENOSPC). */
export function isFsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
