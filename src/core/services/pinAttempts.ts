import { prepared } from '../db/statements';
import type { Db } from '../db/open';
import { noAttempts, type PinAttempts } from './lockout';

interface AttemptsRow {
  failed_attempts: number;
  failed_since: string | null;
  locked_until: string | null;
}

/**
 * Where an account's wrong-PIN count is kept: in the staff row, outside the ledger (a count is
 * not custody data, and it must be written even when the ledger is read-only). Kept to these two
 * functions so that another store (a fallback when the disk is full) slots in here alone.
 */
export function readAttempts(db: Db, staffId: string): PinAttempts {
  const row = prepared<AttemptsRow>(db, 'SELECT failed_attempts, failed_since, locked_until FROM staff WHERE staff_id = ?').get(staffId);
  if (!row) return noAttempts;
  return { failures: row.failed_attempts, windowStartedAt: row.failed_since, lockedUntil: row.locked_until };
}

export function writeAttempts(db: Db, staffId: string, attempts: PinAttempts): void {
  prepared(db, 'UPDATE staff SET failed_attempts = ?, failed_since = ?, locked_until = ? WHERE staff_id = ?').run(
    attempts.failures,
    attempts.windowStartedAt,
    attempts.lockedUntil,
    staffId,
  );
}
