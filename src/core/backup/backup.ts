import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { verifyLedger } from '../ledger/verify';
import { backupFileName, backupsToKeep, parseBackupFileName, type BackupFile, type RotationPolicy } from './rotation';

export interface BackupCheck {
  ok: boolean;
  /** Why a backup cannot be trusted; null when it can. */
  problem: 'not_a_database' | 'quick_check_failed' | 'newer_version' | 'ledger_invalid' | null;
  lastSeq: number;
  detail?: string;
}

/**
 * Checks a database file without changing it: SQLite's own quick_check, a schema this app can
 * read, and the whole ledger chain.
 */
export function checkDatabaseFile(path: string): BackupCheck {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') return { ok: false, problem: 'quick_check_failed', lastSeq: 0, detail: String(quick) };
    if (schemaVersion(db) > migrations.length) return { ok: false, problem: 'newer_version', lastSeq: 0 };
    const result = verifyLedger(db);
    if (!result.ok) return { ok: false, problem: 'ledger_invalid', lastSeq: 0, detail: `seq ${result.firstBadSeq}: ${result.problem}` };
    return { ok: true, problem: null, lastSeq: result.lastSeq };
  } catch (error) {
    return { ok: false, problem: 'not_a_database', lastSeq: 0, detail: (error as Error).message };
  } finally {
    db?.close();
  }
}

/**
 * An online backup (the kiosk keeps working while it runs) that is only kept once it checks out:
 * a backup that cannot be restored is worse than none, because it is trusted.
 */
export async function makeBackup(db: Db, destination: string): Promise<BackupCheck> {
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  await db.backup(partial);
  const check = checkDatabaseFile(partial);
  if (!check.ok) {
    rmSync(partial, { force: true });
    throw new AppError('BACKUP_FAILED', { problem: check.problem });
  }
  fsyncFile(partial);
  renameSync(partial, destination);
  return check;
}

export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map(parseBackupFileName)
    .filter((f): f is BackupFile => f !== null)
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** The scheduled backup: one a day at most, then the rotation (7 daily, 4 weekly). */
export async function scheduledBackup(
  db: Db,
  dir: string,
  now: Date = new Date(),
  policy?: RotationPolicy,
): Promise<{ made: string | null; deleted: string[] }> {
  const today = now.toISOString().slice(0, 10);
  const existing = listBackups(dir);
  let made: string | null = null;
  if (!existing.some((f) => f.takenAt.toISOString().slice(0, 10) === today)) {
    made = join(dir, backupFileName(now));
    await makeBackup(db, made);
  }
  const all = listBackups(dir);
  const keep = backupsToKeep(all, policy);
  const deleted = all.filter((f) => !keep.has(f.name)).map((f) => f.name);
  for (const name of deleted) rmSync(join(dir, name), { force: true });
  return { made, deleted };
}

/** The newest backup in `dir` that passes every check, for the "restore" offer after a failed start. */
export function newestGoodBackup(dir: string): { path: string; takenAt: Date; lastSeq: number } | null {
  for (const file of listBackups(dir)) {
    const path = join(dir, file.name);
    const check = checkDatabaseFile(path);
    if (check.ok) return { path, takenAt: file.takenAt, lastSeq: check.lastSeq };
  }
  return null;
}

/**
 * Replaces the live database with a backup, only after the backup verifies. The database must be
 * closed. The replaced file is kept beside it (`….replaced-<time>`), so a restore never loses data.
 */
export function restoreBackup(backupPath: string, livePath: string, now: Date = new Date()): { replacedFile: string | null; lastSeq: number } {
  const check = checkDatabaseFile(backupPath);
  if (!check.ok) throw new AppError('BACKUP_INVALID', { problem: check.problem });
  const staging = `${livePath}.restoring`;
  copyFileSync(backupPath, staging);
  fsyncFile(staging);
  let replacedFile: string | null = null;
  if (existsSync(livePath)) {
    replacedFile = `${livePath}.replaced-${now.toISOString().replace(/[-:.]/g, '')}`;
    renameSync(livePath, replacedFile);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(livePath + suffix)) renameSync(livePath + suffix, replacedFile + suffix);
    }
  }
  renameSync(staging, livePath);
  return { replacedFile, lastSeq: check.lastSeq };
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
