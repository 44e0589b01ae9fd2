import type { Db } from '../db/open';
import { prepared } from '../db/statements';

export type CheckJob = 'backup' | 'verify' | 'sync';

export interface CheckRecord {
  job: CheckJob;
  ok: boolean;
  at: string;
  /** A problem code (BACKUP_FAILED's `ledger_invalid`, DISK_FULL, …): never a path or a name. */
  problem: string | null;
  /** What the job measured (events checked, which SQLite check ran), as JSON. */
  detail: Record<string, unknown> | null;
}

interface Row {
  job: CheckJob;
  ok: number;
  at: string;
  problem: string | null;
  detail: string | null;
}

/** The last result of each job, as stored; a job that never ran (or an unreadable table) has none. */
export function readChecks(db: Db): Partial<Record<CheckJob, CheckRecord>> {
  const out: Partial<Record<CheckJob, CheckRecord>> = {};
  try {
    for (const row of prepared<Row>(db, 'SELECT job, ok, at, problem, detail FROM kiosk_checks').all()) {
      out[row.job] = {
        job: row.job,
        ok: row.ok === 1,
        at: row.at,
        problem: row.problem,
        detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
      };
    }
  } catch {
    // A damaged table must not hide the kiosk's other health: the in-memory record still speaks.
  }
  return out;
}

/**
 * Stores a job's result. Best effort, and it says whether it managed: the failure it records is
 * often the full disk itself, and then only the copy in memory (see kioskHealth) can tell staff.
 */
export function storeCheck(db: Db, record: CheckRecord): boolean {
  try {
    prepared(
      db,
      `INSERT INTO kiosk_checks (job, ok, at, problem, detail) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (job) DO UPDATE SET ok = excluded.ok, at = excluded.at, problem = excluded.problem, detail = excluded.detail`,
    ).run(record.job, record.ok ? 1 : 0, record.at, record.problem, record.detail === null ? null : JSON.stringify(record.detail));
    return true;
  } catch {
    return false;
  }
}
