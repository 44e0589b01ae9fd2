import type { Core } from '../index';
import { purgeWaitsForCatchUp } from '../backup/restoreMark';
import { newestEvent } from '../ledger/readModel';
import { purgeDue, runPurge, type PurgeSummary } from '../retention/purge';
import { backupJob, type BackupJobResult } from './backupJob';
import { dailyCheck, type DailyCheckResult } from './dailyCheck';

/**
 * What the running kiosk does in the background, once an hour (the shell's timer): the daily
 * check of the database and its ledger when none ran today yet (UTC day, like the backups), then
 * the retention purge once a day (after the check, so it never appends to a chain found bad, and
 * before the backup, so today's backup holds nothing the purge erased), then the daily backup,
 * which is skipped when that check has just found the ledger bad.
 *
 * The check and the purge hold the one database connection for a while (a year's chain ~0.6 s,
 * nine years' ~4 s), and a scan at the door would wait behind them; so they wait for a quiet
 * door: nothing recorded in the last QUIET_MS. During a lesson the next hourly run finds one.
 */
export async function runMaintenance(
  core: Core,
  now: Date,
): Promise<{ check: DailyCheckResult | null; purge: DailyPurge; backup: BackupJobResult }> {
  const today = now.toISOString().slice(0, 10);
  const last = core.health.lastCheck('verify');
  const quiet = doorIsQuiet(core, now);
  const check = quiet && core.problem === null && last?.at.slice(0, 10) !== today ? dailyCheck(core, now) : null;
  const purge = quiet ? dailyPurge(core, now) : null;
  const backup = await backupJob(core, now);
  return { check, purge, backup };
}

/** How long the door must have recorded nothing before the long jobs may hold the database. */
export const QUIET_MS = 10 * 60_000;

function doorIsQuiet(core: Core, now: Date): boolean {
  const newest = newestEvent(core.db);
  if (!newest) return true;
  const since = now.getTime() - Date.parse(newest.occurredAt);
  // An event "from the future" (the wall clock was set back) must not hold the check off for ever.
  return since >= QUIET_MS || since < 0;
}

/** Null when none was due; a failure by its code only (the shell logs it). */
export type DailyPurge = PurgeSummary | { failed: string } | null;

/** A purge that fails (a full disk) is tried again at the next hourly run: it has not been remembered. */
function dailyPurge(core: Core, now: Date): DailyPurge {
  const ctx = { ...core.services.context, now: () => now };
  // A restore's purge waits for the first sync, which takes back what the backup lacks (see restoreMark).
  if (core.problem !== null || purgeWaitsForCatchUp(core.db) || !purgeDue(ctx, now)) return null;
  try {
    return runPurge(ctx);
  } catch (error) {
    return { failed: (error as { code?: string }).code ?? 'internal' };
  }
}
