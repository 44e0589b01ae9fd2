import { isAppErrorOf } from '../../shared/errors';
import { backupDirFor } from '../backup/backup';
import { scheduledBackup } from '../backup/folder';
import { asStorageError } from '../db/storageErrors';
import type { Core } from '../index';
import type { StartupProblem } from '../ledger/checkpoint';

export type BackupJobResult =
  | { status: 'made' | 'not-due'; made: string | null; deleted: string[] }
  | { status: 'skipped'; reason: StartupProblem }
  | { status: 'failed'; problem: string };

/** What a backup's failed check of its own fresh copy says about the live database it copied. */
const liveDatabaseProblem: Partial<Record<string, StartupProblem>> = {
  quick_check_failed: 'DB_CORRUPT',
  ledger_invalid: 'DB_READ_ONLY',
  registry_mismatch: 'REGISTRY_MISMATCH',
};

/**
 * The daily backup as the running kiosk makes it, with its result recorded for staff (getHealth,
 * the banner on the teacher and settings screens) instead of only a log line: a failure stands
 * until the next backup succeeds. A backup whose copy fails the ledger or registry check copied a
 * live database that fails it too (someone changed it while the kiosk ran): the kiosk then stops
 * writing, as the start-up check would. A database that already refuses writes is not backed up,
 * so a damaged file never pushes good backups out of the rotation.
 */
export async function backupJob(core: Core, now: Date): Promise<BackupJobResult> {
  if (core.problem !== null) return { status: 'skipped', reason: core.problem };
  const at = now.toISOString();
  try {
    const { made, deleted } = await scheduledBackup(core.db, backupDirFor(core.db.name), now);
    if (made !== null || core.health.lastCheck('backup')?.ok === false) {
      core.health.record({ job: 'backup', ok: true, at, problem: null, detail: null });
    }
    return { status: made === null ? 'not-due' : 'made', made, deleted };
  } catch (thrown) {
    const error = asStorageError(thrown);
    const problem = isAppErrorOf(error, 'BACKUP_FAILED')
      ? (error.details?.problem ?? 'backup_failed')
      : isAppErrorOf(error, 'DISK_FULL') || isAppErrorOf(error, 'DISK_READ_ONLY')
        ? error.code
        : 'internal';
    const live = liveDatabaseProblem[problem];
    if (live) core.refuseWrites(live);
    core.health.record({ job: 'backup', ok: false, at, problem, detail: null });
    return { status: 'failed', problem };
  }
}
