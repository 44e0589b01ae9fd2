import { AppError } from '../../shared/errors';
import { backupDirFor, newestGoodBackup, restoreBackup } from './backup';

export interface RecoveryOffer {
  takenAt: string;
  /** The newest ledger event in that backup: what the school gets back. */
  lastSeq: number;
}

/** What the kiosk can offer when its database failed the start-up check. */
export function recoveryOffer(dbPath: string): RecoveryOffer | null {
  const good = newestGoodBackup(backupDirFor(dbPath));
  return good && { takenAt: good.takenAt.toISOString(), lastSeq: good.lastSeq };
}

/**
 * Puts the newest backup that passes every check in place of the live database (which must be
 * closed). The failed database is kept beside it, never deleted: it is evidence, and it may hold
 * events made after the backup.
 */
export function restoreNewestBackup(dbPath: string, now: Date = new Date()): { restoredFrom: string; replacedFile: string | null; lastSeq: number } {
  const good = newestGoodBackup(backupDirFor(dbPath));
  if (!good) throw new AppError('NO_GOOD_BACKUP');
  const { replacedFile, lastSeq } = restoreBackup(good.path, dbPath, now);
  return { restoredFrom: good.path, replacedFile, lastSeq };
}
