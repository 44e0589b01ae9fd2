import { openDatabase } from '../db/open';
import { readIdentity } from '../kiosk/identity';
import { runPurge, type PurgeSummary } from '../retention/purge';

/**
 * Runs the retention purge on a database file that is about to become the live one (a restored
 * backup), before anything uses it: an old backup still holds what the kiosk erased since, and a
 * restore must never bring erased data back. The same purge as the daily one, with the restore's
 * clock, so it is recorded in the restored chain as a `retention_purge` event.
 */
export function reapplyPurge(path: string, now: Date): PurgeSummary {
  const db = openDatabase(path);
  try {
    const identity = readIdentity(db);
    if (!identity) throw new Error('a restored database without a kiosk identity');
    return runPurge({ db, kioskId: identity.kioskId, now: () => now, problem: () => null });
  } finally {
    db.close();
  }
}
