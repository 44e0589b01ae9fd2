import { AppError } from '../../shared/errors';

export type StorageProblem = 'DISK_FULL' | 'DISK_READ_ONLY';

/**
 * The one place where what the disk refused becomes an error people can act on. SQLite says
 * SQLITE_FULL when a write meets a full disk (or `max_page_count`), SQLITE_IOERR_SHMSIZE when a
 * full disk leaves no room to grow the -shm file (measured: the first thing to fail when the kiosk
 * starts on a full disk), SQLITE_READONLY(_…) when the
 * file, its folder or its disk cannot be written, and SQLITE_CANTOPEN when it cannot even create
 * the -wal/-shm beside the database; Node's own file calls say ENOSPC, EROFS, EACCES or EPERM.
 * Anything else is not a storage problem and stays what it was.
 */
export function storageProblemOf(error: unknown): { problem: StorageProblem; cause: string } | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === 'ENOSPC') return { problem: 'DISK_FULL', cause: code };
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'SQLITE_CANTOPEN') {
    return { problem: 'DISK_READ_ONLY', cause: code };
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return { problem: 'DISK_READ_ONLY', cause: code };
  return null;
}

/** The typed error for a storage failure, or the error itself when it is something else. */
export function asStorageError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const storage = storageProblemOf(error);
  return storage ? new AppError(storage.problem, { cause: storage.cause }) : error;
}
