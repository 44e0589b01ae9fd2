import type { Db } from './open';

/**
 * Runs `fn` with SQLite's `secure_delete` on: every cell, index entry and page that a statement
 * frees is overwritten with zeros in the same write, instead of lingering as free space where a
 * hex editor would find an erased name. Only around erasure: the door's writes stay as they are.
 */
export function withSecureDelete<T>(db: Db, fn: () => T): T {
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return fn();
  } finally {
    db.pragma(`secure_delete = ${before === 1 ? 'ON' : before === 2 ? 'FAST' : 'OFF'}`);
  }
}

export interface Scrub {
  /** The WAL was emptied: no earlier version of an erased page is left in it. */
  walEmptied: boolean;
}

/**
 * After an erasure has committed: the WAL still holds the pages as they were before it (that is
 * what a WAL is), and the main file may hold them in free pages. A checkpoint copies the erased
 * pages into the file, VACUUM rewrites the file without free pages, and a TRUNCATE checkpoint
 * empties the WAL. Must run outside a transaction; a reader holding an old snapshot keeps the WAL
 * from emptying, which the result says (the next purge tries again).
 */
export function scrubFreedBytes(db: Db): Scrub {
  if (db.inTransaction) throw new Error('scrubFreedBytes must run outside a transaction');
  db.pragma('wal_checkpoint(TRUNCATE)');
  withSecureDelete(db, () => db.exec('VACUUM'));
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return { walEmptied: result !== undefined && result.busy === 0 && result.log <= 0 };
}
