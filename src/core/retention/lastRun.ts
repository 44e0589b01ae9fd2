import type { Db } from '../db/open';
import { prepared } from '../db/statements';

export function lastPurgeAt(db: Db): string | null {
  return prepared<{ at: string }>(db, 'SELECT at FROM retention_runs WHERE singleton = 1').get()?.at ?? null;
}

export function rememberPurge(db: Db, at: string, erased: number): void {
  prepared(
    db,
    `INSERT INTO retention_runs (singleton, at, erased) VALUES (1, ?, ?)
     ON CONFLICT (singleton) DO UPDATE SET at = excluded.at, erased = excluded.erased`,
  ).run(at, erased);
}
