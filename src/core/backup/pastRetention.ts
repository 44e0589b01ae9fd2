import type { RetentionSettings } from '../../shared/contract/retention';
import { cutoffsAt } from '../retention/cutoffs';
import type { DatedBackup } from './rotation';

/**
 * Backups taken before the routine retention period began: they hold routine notes the live
 * database has since erased, so they go whatever the rotation would keep. (The routine period is
 * the shortest; older cases and pupils who left live on only in the live database, purged there.)
 */
export function backupsPastRetention(files: readonly DatedBackup[], now: Date, retention: RetentionSettings): Set<string> {
  const before = cutoffsAt(now, retention).routineBefore;
  return new Set(files.filter((f) => f.takenAt.toISOString() < before).map((f) => f.name));
}
