import { z } from 'zod';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { runPurge, type PurgeSummary } from '../retention/purge';
import type { ServiceContext } from '../services/context';

/**
 * What a restored database remembers of its restore, in the settings table under a key of its own
 * (like `central`: not a setting staff change, so not in `Settings`): when, at which seq the
 * backup ended, and whether the retention purge still waits. A kiosk with a central database does
 * not purge at the restore itself: the purge appends a `retention_purge` event at once, which
 * would take the seq the central copy already holds for the events the backup lacks (a fork).
 * It runs right after the first sync has taken those events back (or found that it cannot).
 */
const KEY = 'restored_backup';
const Mark = z.object({ at: z.string(), lastSeq: z.number().int().nonnegative(), purgePending: z.boolean() });
export type RestoreMark = z.infer<typeof Mark>;

export function markRestored(db: Db, mark: RestoreMark): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(Mark.parse(mark)),
  );
}

export function restoreMark(db: Db): RestoreMark | null {
  const raw = prepared<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(KEY)?.value;
  if (raw === undefined) return null;
  try {
    const parsed = Mark.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether the retention purge of a restore still waits for the first sync. */
export function purgeWaitsForCatchUp(db: Db): boolean {
  return restoreMark(db)?.purgePending === true;
}

/**
 * The restore's retention purge, once the first sync after it is over (whatever its outcome: a
 * kiosk that cannot reach the centre must not keep erased data for that). Null when none waited.
 */
export function runPendingPurge(ctx: ServiceContext): PurgeSummary | null {
  const mark = restoreMark(ctx.db);
  if (!mark?.purgePending) return null;
  const summary = runPurge(ctx);
  markRestored(ctx.db, { ...mark, purgePending: false });
  return summary;
}
