import type { Db } from '../db/open';
import { storageProblemOf } from '../db/storageErrors';

interface Attempts {
  failures: number;
  lockedUntil: string | null;
}

// Per open database, so two kiosks' cores in one process (tests, the bridge after a restore) never share counts.
const remembered = new WeakMap<Db, Map<string, Attempts>>();

function memoryOf(db: Db): Map<string, Attempts> {
  let map = remembered.get(db);
  if (!map) remembered.set(db, (map = new Map()));
  return map;
}

/**
 * Counts one more wrong PIN for `key` (the kiosk's pad, or one account) and returns the count.
 * The count must not depend on a write that can fail: on a full or read-only disk the stored
 * counter stays where it was, and every guess would be a first guess. So the count is also kept
 * in memory, and the higher of the two counts; the stored one is written when the disk allows,
 * so it survives a restart as before.
 */
export function countWrongPin(db: Db, key: string, stored: Attempts, lockedUntilAfter: (failures: number) => string | null, store: (a: Attempts) => void): number {
  const memory = memoryOf(db);
  const failures = Math.max(stored.failures, memory.get(key)?.failures ?? 0) + 1;
  const next = { failures, lockedUntil: lockedUntilAfter(failures) };
  memory.set(key, next);
  try {
    store(next);
  } catch (error) {
    if (storageProblemOf(error) === null) throw error;
  }
  return failures;
}

/** The later of the stored lock and the one kept in memory. */
export function lockedUntilOf(db: Db, key: string, storedLockedUntil: string | null): string | null {
  const memory = memoryOf(db).get(key)?.lockedUntil ?? null;
  if (memory === null || (storedLockedUntil !== null && storedLockedUntil > memory)) return storedLockedUntil;
  return memory;
}

/**
 * A right PIN: the count starts again, in memory and (`resetStored`) on disk. A disk that refuses
 * the reset must not refuse the person who typed the right PIN: the memory already says zero.
 */
export function forgetWrongPins(db: Db, key: string, resetStored?: () => void): void {
  memoryOf(db).delete(key);
  try {
    resetStored?.();
  } catch (error) {
    if (storageProblemOf(error) === null) throw error;
  }
}
