import { prepared } from '../db/statements';
import type { Db } from '../db/open';
import { storageProblemOf } from '../db/storageErrors';
import { noAttempts, type PinAttempts } from './lockout';

interface AttemptsRow {
  failed_attempts: number;
  failed_since: string | null;
  locked_until: string | null;
}

/**
 * Where an account's wrong-PIN count is kept: in the staff row, outside the ledger (a count is
 * not custody data, and it must be written even when the ledger is read-only). The count must
 * not depend on a write that can fail: on a full or read-only disk the stored counter stays where
 * it was, and every guess would be a first guess. So a count the disk refused is kept in memory
 * (per open database) and wins over the stored one until a write succeeds again.
 */
export function readAttempts(db: Db, staffId: string): PinAttempts {
  const row = prepared<AttemptsRow>(db, 'SELECT failed_attempts, failed_since, locked_until FROM staff WHERE staff_id = ?').get(staffId);
  const stored = row ? { failures: row.failed_attempts, windowStartedAt: row.failed_since, lockedUntil: row.locked_until } : noAttempts;
  const refused = unstored.get(db)?.get(staffId);
  return refused && refused.failures >= stored.failures ? refused : stored;
}

export function writeAttempts(db: Db, staffId: string, attempts: PinAttempts): void {
  let refused = unstored.get(db);
  try {
    prepared(db, 'UPDATE staff SET failed_attempts = ?, failed_since = ?, locked_until = ? WHERE staff_id = ?').run(
      attempts.failures,
      attempts.windowStartedAt,
      attempts.lockedUntil,
      staffId,
    );
    refused?.delete(staffId);
  } catch (error) {
    if (storageProblemOf(error) === null) throw error;
    if (!refused) unstored.set(db, (refused = new Map()));
    refused.set(staffId, attempts);
  }
}

const unstored = new WeakMap<Db, Map<string, PinAttempts>>();
