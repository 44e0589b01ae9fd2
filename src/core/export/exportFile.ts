import { createWriteStream } from 'node:fs';
import { lstat, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppError } from '../../shared/errors';

const FILE_PROBLEMS = new Set(['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOENT', 'ENOTDIR', 'EDQUOT', 'EFBIG', 'EIO']);

/**
 * Writes an export straight into the file the user chose, in a stream, so a board's millions of
 * events never sit in memory. When anything fails on the way (the disk fills, the folder cannot be
 * written, the central database goes away) the half-written file is removed: a file that looks
 * like the export but stops somewhere would be worse than none. Only a regular file this call
 * opened is removed.
 */
export async function writeExportFile<T>(path: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const out = createWriteStream(path);
  let opened = false;
  try {
    await new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
    opened = true;
    const result = await write(out);
    if (!out.writableEnded) out.end();
    await finished(out);
    return result;
  } catch (error) {
    out.destroy();
    // Not opened: whatever is at the path (a read-only file the user meant to replace) is not ours.
    if (opened) await removeIfRegularFile(path);
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && FILE_PROBLEMS.has(code)) throw new AppError('EXPORT_FILE_FAILED', { cause: code });
    throw error;
  }
}

async function removeIfRegularFile(path: string): Promise<void> {
  try {
    if ((await lstat(path)).isFile()) await rm(path, { force: true });
  } catch {
    // Nothing there, or not ours to remove.
  }
}
