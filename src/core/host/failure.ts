import { AppError, type AppErrorData, type ErrorCode } from '../../shared/errors';
import { asStorageError } from '../db/storageErrors';

/**
 * Why the database could not be opened at all (not: opened and failed its check, which is the
 * core's read-only `problem`). Codes and SQLite result codes only: an error's message may hold
 * the file's path, and that is the school's business.
 */
export interface StartFailure {
  /** DB_CORRUPT, DB_FROM_NEWER_VERSION, … or INTERNAL for what the core did not foresee. */
  readonly code: ErrorCode;
  /** SQLite's own code (SQLITE_READONLY, SQLITE_FULL, SQLITE_CANTOPEN…) or the error's name. */
  readonly cause: string;
  /** What every call answers while the database cannot be opened (with the code's own details). */
  readonly error: AppErrorData;
}

export function startFailureOf(thrown: unknown): StartFailure {
  const error = asStorageError(thrown);
  if (error instanceof AppError) {
    const details: unknown = error.details;
    const cause =
      typeof details === 'object' && details !== null
        ? 'reason' in details
          ? String(details.reason)
          : 'cause' in details
            ? String(details.cause)
            : error.code
        : error.code;
    return { code: error.code, cause, error: error.toData() };
  }
  const internal = new AppError('INTERNAL').toData();
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return { code: 'INTERNAL', cause: code, error: internal };
  return { code: 'INTERNAL', cause: error instanceof Error ? error.name : typeof error, error: internal };
}
