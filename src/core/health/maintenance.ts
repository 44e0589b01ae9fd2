import type { Core } from '../index';
import { backupJob, type BackupJobResult } from './backupJob';
import { dailyCheck, type DailyCheckResult } from './dailyCheck';

/**
 * What the running kiosk does in the background, once an hour (the shell's timer): the daily
 * check of the database and its ledger when none ran today yet (UTC day, like the backups), then
 * the daily backup, which is skipped when that check has just found the ledger bad.
 */
export async function runMaintenance(core: Core, now: Date): Promise<{ check: DailyCheckResult | null; backup: BackupJobResult }> {
  const today = now.toISOString().slice(0, 10);
  const last = core.health.lastCheck('verify');
  const check = core.problem === null && last?.at.slice(0, 10) !== today ? dailyCheck(core, now) : null;
  const backup = await backupJob(core, now);
  return { check, backup };
}
