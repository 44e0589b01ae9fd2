import { AppError } from '../../shared/errors';
import { backupDirFor, restoreBackup, type RestoreOptions } from './backup';
import { newestGoodBackup } from './folder';
import { recoveryOwner } from './owner';

export interface RecoveryOffer {
  takenAt: string;
  /** The newest ledger event in that backup: what the school gets back. */
  lastSeq: number;
}

/** This database's newest good backup; null when there is none or it is unclear whose backups are. */
function newestOwnBackup(dbPath: string): ReturnType<typeof newestGoodBackup> {
  const dir = backupDirFor(dbPath);
  const owner = recoveryOwner(dbPath, dir);
  return owner && newestGoodBackup(dir, owner);
}

/** The file a restore would put in place now, for checking an administrator's PIN against its staff. */
export function newestRecoveryBackup(dbPath: string): string | null {
  return newestOwnBackup(dbPath)?.path ?? null;
}

/** What the kiosk can offer when its database failed the start-up check. */
export function recoveryOffer(dbPath: string): RecoveryOffer | null {
  const good = newestOwnBackup(dbPath);
  return good && { takenAt: good.takenAt.toISOString(), lastSeq: good.lastSeq };
}

/**
 * Puts this database's newest backup that passes every check in place of the live database (which
 * must be closed). The failed database is kept beside it, never deleted: it is evidence, and it
 * may hold events made after the backup.
 */
export function restoreNewestBackup(
  dbPath: string,
  now: Date = new Date(),
  options: Pick<RestoreOptions, 'deferPurge'> = {},
): { restoredFrom: string; replacedFile: string | null; lastSeq: number } {
  const good = newestOwnBackup(dbPath);
  if (!good) throw new AppError('NO_GOOD_BACKUP');
  const { replacedFile, lastSeq } = restoreBackup(good.path, dbPath, now, options);
  return { restoredFrom: good.path, replacedFile, lastSeq };
}
