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
  renameSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { readIdentity } from '../kiosk/identity';
import { openDatabase } from '../db/open';
import { verifyAllChains, type ChainsReport } from '../ledger/verify';
import { checkRegistry, describeDifference } from '../registry/check';
import { kioskIdOfFile, withReadOnlyFile } from './readOnlyFile';
import { reapplyPurge } from './reapplyPurge';
import { markRestored } from './restoreMark';

export interface BackupCheck {
  ok: boolean;
  /** Why a backup cannot be trusted; null when it can. */
  problem:
    | 'not_a_database'
    | 'checksum_mismatch'
    | 'quick_check_failed'
    | 'newer_version'
    | 'ledger_invalid'
    | 'registry_mismatch'
    | null;
  lastSeq: number;
  /** The kiosk the file belongs to, from the identity inside it; null when it cannot be read. */
  kioskId: string | null;
  detail?: string;
}

/**
 * A backup made by an older version has the older ledger schema, which this version's verify does
 * not read: its chains are checked on a temporary copy brought up to date by the same migrations
 * a restore would run, and the copy is removed. The file itself is not changed.
 */
function verifyMigratedCopy(path: string): ChainsReport {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-check-'));
  try {
    const copy = join(dir, 'copy.db');
    copyFileSync(path, copy);
    const db = openDatabase(copy);
    try {
      return verifyAllChains(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `<backup>.sha256`, in `sha256sum` format so IT can check a copied backup with standard tools. */
export const checksumFileOf = (path: string): string => `${path}.sha256`;

/**
 * Checks a database file without changing it: the checksum written beside it when it was made (if
 * there is one), SQLite's own quick_check, a schema this app can read, the whole ledger chain, and
 * the registry against its events (a backup restored with a re-pointed tag would refuse to write
 * at its first start). The checksum is what catches any other changed byte: quick_check only sees
 * the structure and the chain only covers the ledger. A backup from before the registry was
 * chained has nothing to compare yet: its first start records the baseline.
 */
export function checkDatabaseFile(path: string, options: { expectedSha256?: string | null } = {}): BackupCheck {
  const expected = options.expectedSha256 === undefined ? readChecksumFile(path) : options.expectedSha256;
  const refused = (problem: NonNullable<BackupCheck['problem']>, detail?: string): BackupCheck => ({
    ok: false,
    problem,
    lastSeq: 0,
    kioskId: null,
    ...(detail === undefined ? {} : { detail }),
  });
  if (expected !== null) {
    let actual: string;
    try {
      actual = sha256OfFile(path);
    } catch (error) {
      return refused('not_a_database', (error as Error).message);
    }
    if (actual !== expected) return refused('checksum_mismatch');
  }
  try {
    return withReadOnlyFile(path, (db): BackupCheck => {
      const quick = db.pragma('quick_check', { simple: true });
      if (quick !== 'ok') return refused('quick_check_failed', String(quick));
      if (schemaVersion(db) > migrations.length) return refused('newer_version');
      const report = schemaVersion(db) < migrations.length ? verifyMigratedCopy(path) : verifyAllChains(db);
      if (report.firstBad) {
        const { kioskId, seq, problem } = report.firstBad;
        return refused('ledger_invalid', `kiosk ${kioskId} seq ${seq}: ${problem}`);
      }
      const registry = schemaVersion(db) < migrations.length ? null : checkRegistry(db);
      if (registry?.status === 'mismatch') {
        return refused('registry_mismatch', registry.differences.slice(0, 3).map(describeDifference).join('; '));
      }
      const kioskId = readIdentity(db)?.kioskId ?? null;
      const own = report.chains.find((c) => c.kioskId === kioskId);
      return { ok: true, problem: null, lastSeq: own?.ok ? own.lastSeq : 0, kioskId };
    });
  } catch (error) {
    return refused('not_a_database', (error as Error).message);
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

export interface RestoreOptions {
  /** Put another kiosk's backup in place of this kiosk's database (a PC that is replaced, say). */
  allowOtherKiosk?: boolean;
  /**
   * The kiosk syncs with a central database: the retention purge waits for the first sync after
   * the restore (see restoreMark), which takes back what the backup lacks before anything appends.
   */
  deferPurge?: boolean;
}

/**
 * Replaces the live database with a backup, only after the backup verifies. The database must be
 * closed. What is checked is the copy that will become the database (not the file it came from),
 * so nothing can change between the check and the swap. The replaced file is kept beside it
 * (`….replaced-<time>`), so a restore never loses data. A backup of another kiosk is refused
 * while the live database can still say whose it is: its ledger would continue under the other
 * kiosk's id and key. The retention purge is re-applied to the copy before the swap, with the
 * restore's clock (`now`), so erased data never comes back with an old backup.
 */
export function restoreBackup(
  backupPath: string,
  livePath: string,
  now: Date = new Date(),
  options: RestoreOptions = {},
): { replacedFile: string | null; lastSeq: number; kioskId: string | null; purgedEvents: number } {
  const first = checkDatabaseFile(backupPath);
  if (!first.ok) throw new AppError('BACKUP_INVALID', { problem: first.problem });
  const liveKiosk = kioskIdOfFile(livePath);
  if (liveKiosk !== null && first.kioskId !== liveKiosk && !options.allowOtherKiosk) {
    throw new AppError('BACKUP_OTHER_KIOSK', { backupKioskId: first.kioskId, databaseKioskId: liveKiosk });
  }
  const staging = `${livePath}.restoring`;
  removeWithSidecars(staging);
  copyFileSync(backupPath, staging);
  fsyncFile(staging);
  const check = checkDatabaseFile(staging, { expectedSha256: readChecksumFile(backupPath) });
  if (!check.ok || check.kioskId !== first.kioskId) {
    removeWithSidecars(staging);
    throw new AppError('BACKUP_INVALID', { problem: check.problem });
  }
  // Before the swap: the kiosk never opens a restored file that still holds what it had erased.
  const purged = options.deferPurge ? markStaging(staging, now, check.lastSeq) : purgeStaging(staging, now, check.lastSeq);
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
  return { replacedFile, lastSeq: purged.lastSeq, kioskId: check.kioskId, purgedEvents: purged.events };
}

/** Remembers in the staged copy that it is a restore whose purge waits for the first sync. */
function markStaging(staging: string, now: Date, lastSeq: number): { lastSeq: number; events: number } {
  try {
    withFile(staging, (db) => markRestored(db, { at: now.toISOString(), lastSeq, purgePending: true }));
  } catch (error) {
    removeWithSidecars(staging);
    throw error;
  }
  return { lastSeq, events: 0 };
}

/** Re-applies the retention purge to the staged copy and checks it again (it has one event more). */
function purgeStaging(staging: string, now: Date, lastSeq: number): { lastSeq: number; events: number } {
  let events: number;
  try {
    events = reapplyPurge(staging, now).events;
    withFile(staging, (db) => markRestored(db, { at: now.toISOString(), lastSeq, purgePending: false }));
  } catch (error) {
    removeWithSidecars(staging);
    throw error;
  }
  const after = checkDatabaseFile(staging, { expectedSha256: null });
  if (!after.ok) {
    removeWithSidecars(staging);
    throw new AppError('BACKUP_INVALID', { problem: after.problem });
  }
  return { lastSeq: after.lastSeq, events };
}

function withFile(path: string, fn: (db: Db) => void): void {
  const db = openDatabase(path);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

/** Deletes a backup with its checksum file (and any journal a reader left beside it). */
export function removeBackupFile(path: string): void {
  removeWithSidecars(path);
  rmSync(checksumFileOf(path), { force: true });
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
