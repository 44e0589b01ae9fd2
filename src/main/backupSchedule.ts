import { backupDirFor } from '../core/backup/backup';
import { scheduledBackup } from '../core/backup/folder';
import type { Core } from '../core';

const HOUR = 60 * 60 * 1000;

/**
 * The kiosk's own daily backup: checked at start and every hour, made at most once a day (see
 * scheduledBackup), rotated 7 daily + 4 weekly. A failure is logged without personal data and
 * retried at the next hour; the kiosk keeps working. Always the host's current core: a restore
 * replaces it.
 */
export function startBackupSchedule(currentCore: () => Core | null, dbPath: string): () => void {
  const dir = backupDirFor(dbPath);
  const run = () => {
    const core = currentCore();
    if (core === null) return; // the database could not be opened: nothing to copy
    if (core.problem !== null) return; // never back up a database that failed its check over good backups
    scheduledBackup(core.db, dir).catch((error: unknown) => console.error('[backup] failed:', (error as Error).name));
  };
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, HOUR);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
