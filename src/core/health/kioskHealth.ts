import type { Db } from '../db/open';
import type { StorageProblem } from '../db/storageErrors';
import { readChecks, storeCheck, type CheckJob, type CheckRecord } from './checks';

export interface StorageFailure {
  problem: StorageProblem;
  /** SQLite's or the OS's code, for the IT partner. */
  cause: string;
  since: string;
}

/**
 * What the kiosk knows is wrong besides its start-up check, for getHealth and the staff screens'
 * banners: the disk refusing writes (in memory only: it clears with the next write that commits,
 * and writing it down on a full disk would fail too), and the last backup and daily check (kept
 * in `kiosk_checks` across restarts, and in memory when even that write fails).
 */
export interface KioskHealth {
  storage(): StorageFailure | null;
  /** A write was refused by the disk. */
  storageRefused(problem: StorageProblem, cause: string): void;
  /** A write committed: the disk takes writes again. */
  storageWrote(): void;
  lastCheck(job: CheckJob): CheckRecord | null;
  record(check: CheckRecord): void;
}

export function createKioskHealth(db: Db, now: () => Date): KioskHealth {
  let storage: StorageFailure | null = null;
  const checks = readChecks(db);
  return {
    storage: () => storage,
    storageRefused(problem, cause) {
      if (storage?.problem !== problem) storage = { problem, cause, since: now().toISOString() };
    },
    storageWrote() {
      storage = null;
    },
    lastCheck: (job) => checks[job] ?? null,
    record(check) {
      checks[check.job] = check;
      storeCheck(db, check);
    },
  };
}
