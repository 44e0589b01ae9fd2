import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { readIdentity } from '../kiosk/identity';
import { checkDatabaseFile, makeBackup, removeBackupFile } from './backup';
import { backupFileName, dbNameOf, namedFor, parseBackupFileName, type BackupFile, type BackupOwner } from './naming';
import { kioskIdOfFile } from './readOnlyFile';
import { backupsToKeep, type RotationPolicy } from './rotation';
import { readSettings } from '../settings/store';
import { backupsPastRetention } from './pastRetention';

/** Whose backups an open database makes: its file name (better-sqlite3's `db.name`) and its kiosk. */
export function backupOwnerOf(db: Db): BackupOwner {
  const identity = readIdentity(db);
  if (!identity) throw new AppError('DB_CORRUPT', { reason: 'kiosk identity missing' });
  return { dbName: dbNameOf(db.name), kioskId: identity.kioskId };
}

/** Every file in `dir` named like a backup (of any database, old names included), newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map(parseBackupFileName)
    .filter((f): f is BackupFile => f !== null)
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/**
 * The backups that are provably this database's: the name carries its database name and kiosk
 * id, and the identity inside the file says the same kiosk. Only these are counted by the
 * rotation and only these may ever be deleted; a file that cannot be read, an old name, or a
 * file whose inside disagrees with its name is left alone.
 */
export function ownBackups(dir: string, owner: BackupOwner): BackupFile[] {
  return listBackups(dir).filter((f) => namedFor(f, owner) && kioskIdOfFile(join(dir, f.name)) === owner.kioskId);
}

/**
 * The scheduled backup: one a day at most, then the rotation (7 daily, 4 weekly) and the
 * retention (nothing older than the routine period: see pastRetention), all counting
 * only this database's own backups, so a neighbouring database's backups neither stand in for
 * today's nor get rotated away.
 */
export async function scheduledBackup(
  db: Db,
  dir: string,
  now: Date = new Date(),
  policy?: RotationPolicy,
): Promise<{ made: string | null; deleted: string[] }> {
  const owner = backupOwnerOf(db);
  const today = now.toISOString().slice(0, 10);
  let made: string | null = null;
  if (!ownBackups(dir, owner).some((f) => f.takenAt.toISOString().slice(0, 10) === today)) {
    made = join(dir, backupFileName(owner, now));
    await makeBackup(db, made);
  }
  const own = ownBackups(dir, owner);
  const keep = backupsToKeep(own, policy);
  const expired = backupsPastRetention(own, now, readSettings(db).retention);
  const deleted = own.filter((f) => !keep.has(f.name) || expired.has(f.name)).map((f) => f.name);
  for (const name of deleted) removeBackupFile(join(dir, name));
  return { made, deleted };
}

/**
 * The newest backup in `dir` of this database that passes every check, for the "restore" offer
 * after a failed start. Old names (`inleverpunt-<time>.db`, which do not say which database) count
 * when the identity inside is this kiosk's: they are this kiosk's data, and right after an update
 * they are the only backups there are.
 */
export function newestGoodBackup(dir: string, owner: BackupOwner): { path: string; takenAt: Date; lastSeq: number } | null {
  for (const file of listBackups(dir)) {
    if (file.owner !== null && !namedFor(file, owner)) continue;
    const path = join(dir, file.name);
    const check = checkDatabaseFile(path);
    if (check.ok && check.kioskId === owner.kioskId) return { path, takenAt: file.takenAt, lastSeq: check.lastSeq };
  }
  return null;
}
