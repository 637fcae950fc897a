import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';

/** A write that failed, with a message fit to show the user; `code` is Node's error code when there was one. */
export class FileWriteError extends Error {
  override readonly name = 'FileWriteError';
  constructor(
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

async function statOrNull(target: string): Promise<Stats | null> {
  try {
    return await stat(target);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
}

function explain(filePath: string, error: unknown): FileWriteError {
  if (error instanceof FileWriteError) return error;
  const code = codeOf(error);
  const where = `"${filePath}"`;
  const reasons: Record<string, string> = {
    EACCES: `no permission to write ${where}`,
    EPERM: `no permission to write ${where}`,
    EROFS: `the disk holding ${where} is read-only`,
    ENOSPC: `the disk is full; ${where} was not written`,
    EDQUOT: `the disk quota is used up; ${where} was not written`,
    ENAMETOOLONG: `the path ${where} is too long`,
    EBUSY: `${where} is in use by another program`,
  };
  const reason = (code && reasons[code]) ?? `could not write ${where}: ${error instanceof Error ? error.message : String(error)}`;
  return new FileWriteError(`Could not save: ${reason}.`, code, { cause: error });
}

/** Refuses a folder as target and a missing folder up front, with messages that say which. */
async function checkTarget(filePath: string, dir: string): Promise<Stats | null> {
  let existing: Stats | null;
  let folder: Stats | null;
  try {
    [existing, folder] = await Promise.all([statOrNull(filePath), statOrNull(dir)]);
  } catch (error) {
    throw explain(filePath, error);
  }
  if (existing?.isDirectory()) {
    throw new FileWriteError(`Could not save: "${filePath}" is a folder, not a file.`, 'EISDIR');
  }
  if (!folder?.isDirectory()) {
    throw new FileWriteError(`Could not save: the folder "${dir}" does not exist.`, 'ENOENT');
  }
  return existing;
}

/**
 * Writes `data` to `filePath` atomically: into a temporary file in the same folder, flushed to disk, then renamed
 * over the target. A crash or a full disk leaves the old file intact instead of a truncated one. Strings are
 * written as UTF-8, bytes as they are. Throws a FileWriteError with a message fit for the user.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  if (!path.isAbsolute(filePath)) {
    throw new FileWriteError(`Could not save: "${filePath}" is not an absolute path.`);
  }
  const dir = path.dirname(filePath);
  const existing = await checkTarget(filePath, dir);

  // Same folder as the target: rename is only atomic within one file system.
  const temp = path.join(dir, `.${path.basename(filePath).slice(0, 100)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // 'wx' refuses to follow a symlink someone planted at the temporary name; keep the old file's mode if it had one.
    const handle = await open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw explain(filePath, error);
  }
}
