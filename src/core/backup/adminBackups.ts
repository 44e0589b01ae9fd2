import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { backupDirFor, checkDatabaseFile, checksumFileOf, makeBackup, removeBackupFile } from './backup';
import { backupOwnerOf, ownBackups } from './folder';
import { backupFileName } from './naming';

export interface BackupListing {
  name: string;
  takenAt: string;
  sizeBytes: number;
  ok: boolean;
  problem: string | null;
  lastSeq: number;
}

/** This database's own backups (see ownBackups), newest first, each checked as a restore would check it. */
export function listOwnBackups(db: Db): { folder: string; backups: BackupListing[] } {
  const folder = backupDirFor(db.name);
  return { folder, backups: ownBackups(folder, backupOwnerOf(db)).map((f) => describe(join(folder, f.name), f.name, f.takenAt)) };
}

function describe(path: string, name: string, takenAt: Date): BackupListing {
  const check = checkDatabaseFile(path);
  return { name, takenAt: takenAt.toISOString(), sizeBytes: statSync(path).size, ok: check.ok, problem: check.problem, lastSeq: check.lastSeq };
}

/** "Make one now" on the admin's screen: the same verified backup as the daily one, into the same folder. */
export async function backupNow(db: Db, now: Date): Promise<BackupListing> {
  const name = backupFileName(backupOwnerOf(db), now);
  const path = join(backupDirFor(db.name), name);
  await makeBackup(db, path);
  return describe(path, name, now);
}

/** The path of one of this database's own backups, by name; anything else is refused. */
export function ownBackupPath(db: Db, name: string): string {
  const folder = backupDirFor(db.name);
  if (!ownBackups(folder, backupOwnerOf(db)).some((f) => f.name === name)) throw new AppError('BACKUP_INVALID', { problem: 'not_this_database' });
  return join(folder, name);
}

/**
 * Copies one of this database's backups, with its checksum file, to a folder the office chose (a
 * USB stick, a network share), then checks the copy there against that checksum and the ledger:
 * a stick that silently corrupts is found now, not on the day the copy is needed. A copy that
 * fails is removed.
 */
export function copyBackupTo(db: Db, name: string, folder: string): { path: string; verified: true } {
  const source = ownBackupPath(db, name);
  const target = join(folder, name);
  try {
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
    copyFileSync(source, target);
    if (existsSync(checksumFileOf(source))) copyFileSync(checksumFileOf(source), checksumFileOf(target));
  } catch (error) {
    // A stick that is full, read-only or not there: the OS's code, never the path.
    try {
      removeBackupFile(target);
    } catch {
      // Nothing was written there.
    }
    throw new AppError('BACKUP_COPY_FAILED', { problem: (error as { code?: string }).code ?? 'copy_failed' });
  }
  const check = checkDatabaseFile(target);
  if (!check.ok) {
    removeBackupFile(target);
    throw new AppError('BACKUP_COPY_FAILED', { problem: check.problem });
  }
  return { path: target, verified: true };
}
