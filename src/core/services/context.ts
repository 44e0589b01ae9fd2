import type { KeyObject } from 'node:crypto';
import type { StartupProblem } from '../ledger/checkpoint';
import type { Db } from '../db/open';
import type { LedgerWriter } from '../ledger/append';
import { AppError, isAppErrorOf } from '../../shared/errors';
import { asStorageError } from '../db/storageErrors';
import type { KioskHealth } from '../health/kioskHealth';
import type { ScryptCost } from './pin';

/** What every service needs; tests pass their own clock and a cheaper PIN hash. */
export interface ServiceContext {
  readonly db: Db;
  readonly kioskId: string;
  readonly now: () => Date;
  /** Null while writing is allowed; otherwise why the start-up check refused it. */
  readonly problem: () => StartupProblem | null;
  /** scrypt cost for new PINs; verification always uses the cost stored with each hash. */
  readonly pinCost?: ScryptCost;
  /** The kiosk's private key, opened from the OS key store; absent where nothing may sign. */
  readonly signingKey?: () => KeyObject;
  /** Told when the disk refuses a write and when writes commit again (getHealth reads it). */
  readonly health?: KioskHealth;
}

export function ledgerWriter(ctx: ServiceContext): LedgerWriter {
  return { db: ctx.db, kioskId: ctx.kioskId, now: ctx.now };
}

/** Refuses every write while the ledger or the database failed its start-up check. */
export function assertWritable(ctx: ServiceContext): void {
  if (ctx.problem() !== null) throw new AppError('DB_READ_ONLY');
}

/**
 * Runs `fn` in one IMMEDIATE transaction (the write lock is taken up front, so the head read at
 * the start is still the head at the commit) and returns only after it committed. A service
 * called by another service (scan → handIn) joins the caller's transaction: one scan, one commit.
 */
export function writeTransaction<T>(ctx: ServiceContext, fn: () => T): T {
  assertWritable(ctx);
  if (ctx.db.inTransaction) return fn();
  let result: T;
  try {
    result = transactionRunner(ctx.db).immediate(fn) as T;
  } catch (error) {
    // The transaction was rolled back as a whole: a full or read-only disk leaves nothing half
    // written, and says so as DISK_FULL / DISK_READ_ONLY instead of INTERNAL.
    const mapped = asStorageError(error);
    if (isAppErrorOf(mapped, 'DISK_FULL') || isAppErrorOf(mapped, 'DISK_READ_ONLY')) {
      ctx.health?.storageRefused(mapped.code, mapped.details?.cause ?? mapped.code);
    }
    throw mapped;
  }
  ctx.health?.storageWrote();
  return result;
}

type Runner = ReturnType<Db['transaction']> & { immediate: (fn: () => unknown) => unknown };
const runners = new WeakMap<Db, Runner>();

/** One transaction wrapper per connection: better-sqlite3 builds five functions for every new one. */
function transactionRunner(db: Db): Runner {
  let runner = runners.get(db);
  if (!runner) {
    runner = db.transaction((fn: () => unknown) => fn()) as Runner;
    runners.set(db, runner);
  }
  return runner;
}
