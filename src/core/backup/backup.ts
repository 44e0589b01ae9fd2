import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { verifyLedger } from '../ledger/verify';
import { backupFileName, backupsToKeep, parseBackupFileName, type BackupFile, type RotationPolicy } from './rotation';

export interface BackupCheck {
  ok: boolean;
  /** Why a backup cannot be trusted; null when it can. */
  problem: 'not_a_database' | 'checksum_mismatch' | 'quick_check_failed' | 'newer_version' | 'ledger_invalid' | null;
  lastSeq: number;
  detail?: string;
}

/** `<backup>.sha256`, in `sha256sum` format so IT can check a copied backup with standard tools. */
export const checksumFileOf = (path: string): string => `${path}.sha256`;

/**
 * Checks a database file without changing it: the checksum written beside it when it was made (if
 * there is one), SQLite's own quick_check, a schema this app can read, and the whole ledger chain.
 * The checksum is what catches a changed byte in a pupil's name or a tag: quick_check only sees
 * the structure and the chain only covers the ledger.
 */
export function checkDatabaseFile(path: string, options: { expectedSha256?: string | null } = {}): BackupCheck {
  const expected = options.expectedSha256 === undefined ? readChecksumFile(path) : options.expectedSha256;
  if (expected !== null) {
    let actual: string;
    try {
      actual = sha256OfFile(path);
    } catch (error) {
      return { ok: false, problem: 'not_a_database', lastSeq: 0, detail: (error as Error).message };
    }
    if (actual !== expected) return { ok: false, problem: 'checksum_mismatch', lastSeq: 0 };
  }
  const sidecars = ['-wal', '-shm'].filter((s) => !existsSync(path + s));
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
    // Reading a WAL-mode file leaves empty -wal/-shm files behind; remove the ones we caused.
    for (const s of sidecars) rmSync(path + s, { force: true });
  }
}

/**
 * An online backup (the kiosk keeps working while it runs) that is only kept once it checks out:
 * a backup that cannot be restored is worse than none, because it is trusted. The copy is turned
 * into a single self-contained file (rollback journal, not WAL), so it can be copied to a USB
 * stick on its own; a checksum file beside it catches any byte that changes later.
 */
export async function makeBackup(db: Db, destination: string): Promise<BackupCheck> {
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  removeWithSidecars(partial);
  await db.backup(partial);
  const copy = new Database(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const check = checkDatabaseFile(partial, { expectedSha256: null });
  if (!check.ok) {
    removeWithSidecars(partial);
    throw new AppError('BACKUP_FAILED', { problem: check.problem });
  }
  fsyncFile(partial);
  const digest = sha256OfFile(partial);
  rmSync(checksumFileOf(destination), { force: true });
  renameSync(partial, destination);
  // After the rename: a crash in between leaves a backup without a checksum (still checked by
  // structure and chain), never a checksum that belongs to another file.
  writeFileSync(checksumFileOf(destination), `${digest}  ${basename(destination)}\n`);
  fsyncFile(checksumFileOf(destination));
  fsyncDir(dirname(destination));
  return check;
}

/** The automatic backups live in a `backups` folder beside the database. */
export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
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
  for (const name of deleted) {
    removeWithSidecars(join(dir, name));
    rmSync(checksumFileOf(join(dir, name)), { force: true });
  }
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
 * closed. What is checked is the copy that will become the database (not the file it came from),
 * so nothing can change between the check and the swap. The replaced file is kept beside it
 * (`….replaced-<time>`), so a restore never loses data.
 */
export function restoreBackup(backupPath: string, livePath: string, now: Date = new Date()): { replacedFile: string | null; lastSeq: number } {
  const first = checkDatabaseFile(backupPath);
  if (!first.ok) throw new AppError('BACKUP_INVALID', { problem: first.problem });
  const staging = `${livePath}.restoring`;
  removeWithSidecars(staging);
  copyFileSync(backupPath, staging);
  fsyncFile(staging);
  const check = checkDatabaseFile(staging, { expectedSha256: readChecksumFile(backupPath) });
  if (!check.ok) {
    removeWithSidecars(staging);
    throw new AppError('BACKUP_INVALID', { problem: check.problem });
  }
  let replacedFile: string | null = null;
  if (existsSync(livePath)) {
    replacedFile = `${livePath}.replaced-${now.toISOString().replace(/[-:.]/g, '')}`;
    renameSync(livePath, replacedFile);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(livePath + suffix)) renameSync(livePath + suffix, replacedFile + suffix);
    }
  }
  renameSync(staging, livePath);
  fsyncDir(dirname(livePath));
  return { replacedFile, lastSeq: check.lastSeq };
}

function readChecksumFile(path: string): string | null {
  const file = checksumFileOf(path);
  if (!existsSync(file)) return null;
  const digest = readFileSync(file, 'utf8').trim().split(/\s+/)[0] ?? '';
  // An unreadable checksum file must not pass as "matches": compare against something impossible.
  return /^[0-9a-f]{64}$/.test(digest) ? digest : 'invalid';
}

function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function removeWithSidecars(path: string): void {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(path + s, { force: true });
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** So the rename itself survives a power cut (a no-op where directories cannot be opened, e.g. Windows). */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows: directory handles cannot be fsynced this way; NTFS journals the rename.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
