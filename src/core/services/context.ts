import type { StartupProblem } from '../ledger/checkpoint';
import type { Db } from '../db/open';
import type { LedgerWriter } from '../ledger/append';
import { AppError } from '../../shared/errors';
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
  return ctx.db.transaction(fn).immediate();
}
