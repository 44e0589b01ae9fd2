import { AppError, type ErrorCode } from '../../shared/errors';

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
}

export function startFailureOf(error: unknown): StartFailure {
  if (error instanceof AppError) return { code: error.code, cause: String(error.details?.reason ?? error.code) };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return { code: 'INTERNAL', cause: code };
  return { code: 'INTERNAL', cause: error instanceof Error ? error.name : typeof error };
}
