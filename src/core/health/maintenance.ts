import type { Core } from '../index';
import { purgeDue, runPurge, type PurgeSummary } from '../retention/purge';
import { backupJob, type BackupJobResult } from './backupJob';
import { dailyCheck, type DailyCheckResult } from './dailyCheck';

/**
 * What the running kiosk does in the background, once an hour (the shell's timer): the daily
 * check of the database and its ledger when none ran today yet (UTC day, like the backups), then
 * the retention purge once a day (after the check, so it never appends to a chain found bad, and
 * before the backup, so today's backup holds nothing the purge erased), then the daily backup,
 * which is skipped when that check has just found the ledger bad.
 */
export async function runMaintenance(
  core: Core,
  now: Date,
): Promise<{ check: DailyCheckResult | null; purge: DailyPurge; backup: BackupJobResult }> {
  const today = now.toISOString().slice(0, 10);
  const last = core.health.lastCheck('verify');
  const check = core.problem === null && last?.at.slice(0, 10) !== today ? dailyCheck(core, now) : null;
  const purge = dailyPurge(core, now);
  const backup = await backupJob(core, now);
  return { check, purge, backup };
}

/** Null when none was due; a failure by its code only (the shell logs it). */
export type DailyPurge = PurgeSummary | { failed: string } | null;

/** A purge that fails (a full disk) is tried again at the next hourly run: it has not been remembered. */
function dailyPurge(core: Core, now: Date): DailyPurge {
  const ctx = { ...core.services.context, now: () => now };
  if (core.problem !== null || !purgeDue(ctx, now)) return null;
  try {
    return runPurge(ctx);
  } catch (error) {
    return { failed: (error as { code?: string }).code ?? 'internal' };
  }
}
