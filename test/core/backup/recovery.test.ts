import Database from 'better-sqlite3';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { backupDirFor } from '../../../src/core/backup/backup';
import { listBackups, scheduledBackup } from '../../../src/core/backup/folder';
import { backupFileName } from '../../../src/core/backup/naming';
import { recoveryOwner } from '../../../src/core/backup/owner';
import { kioskIdOfFile } from '../../../src/core/backup/readOnlyFile';
import { recoveryOffer, restoreNewestBackup } from '../../../src/core/backup/recovery';
import { tempDir } from '../../support/tempDb';
import { codeOf } from '../support/custodyFixture';
import { changedOrGone, filesIn, kioskDatabase, novemberDay, snapshotOf, wipeHeader } from './support/kioskDb';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/**
 * This kiosk's inleverpunt.db with backups on 1–5 November, and in the same backups folder the
 * backups of another kiosk's inleverpunt.db (copied there from another PC), the newest of all
 * made on 6 November. Both databases are closed, as they are when a restore runs.
 */
async function kioskWithForeignBackups(): Promise<{ dbPath: string; backups: string; kioskId: string; otherKioskId: string }> {
  const here = tempDir('inleverpunt-recovery-');
  const there = tempDir('inleverpunt-other-');
  cleanups.push(() => (here.cleanup(), there.cleanup()));
  const ours = kioskDatabase(here.dbPath);
  const theirs = kioskDatabase(there.dbPath);
  const backups = backupDirFor(here.dbPath);
  for (let day = 1; day <= 5; day++) await scheduledBackup(ours.db, backups, novemberDay(day));
  for (let day = 1; day <= 6; day++) await scheduledBackup(theirs.db, backups, novemberDay(day, 30));
  const ids = { kioskId: ours.kiosk().kioskId, otherKioskId: theirs.kiosk().kioskId };
  ours.close();
  theirs.close();
  return { dbPath: here.dbPath, backups, ...ids };
}

function tamperWithLedger(dbPath: string): void {
  const raw = new Database(dbPath);
  raw.exec('DROP TRIGGER ledger_events_no_update');
  raw.prepare("UPDATE ledger_events SET actor = 'someone-else' WHERE seq = 3").run();
  raw.close();
}

describe('the newest good backup after the database failed', () => {
  it('a ledger that fails its check: the identity still reads, and only this kiosk’s backups are offered', async () => {
    const { dbPath, kioskId } = await kioskWithForeignBackups();
    tamperWithLedger(dbPath);
    const core: Core = openCore({ dbPath, appVersion: 'test', now: () => novemberDay(7) });
    expect(core.problem).toBe('DB_READ_ONLY');
    // Asked while the kiosk is running on the failed database, as the health check does.
    expect(recoveryOffer(core.db.name)?.takenAt).toBe(novemberDay(5).toISOString());
    core.close();
    const restored = restoreNewestBackup(dbPath, novemberDay(7));
    expect(kioskIdOfFile(dbPath)).toBe(kioskId);
    expect(kioskIdOfFile(restored.replacedFile!)).toBe(kioskId);
  });

  it('a database too damaged to open: its own backups are found by the kiosk id left in its bytes', async () => {
    const { dbPath, backups, kioskId, otherKioskId } = await kioskWithForeignBackups();
    wipeHeader(dbPath);
    expect(kioskIdOfFile(dbPath)).toBeNull();
    expect(recoveryOwner(dbPath, backups)).toEqual({ dbName: 'inleverpunt', kioskId });
    expect(recoveryOffer(dbPath)?.takenAt).toBe(novemberDay(5).toISOString());
    const restored = restoreNewestBackup(dbPath, novemberDay(7));
    expect(restored.restoredFrom).toBe(join(backups, backupFileName({ dbName: 'inleverpunt', kioskId }, novemberDay(5))));
    expect(kioskIdOfFile(dbPath)).toBe(kioskId);
    // The damaged file is kept as evidence; the other kiosk's backups are all still there.
    expect(existsSync(restored.replacedFile!)).toBe(true);
    expect(listBackups(backups).filter((f) => f.owner?.kioskId === otherKioskId)).toHaveLength(6);
  });

  it('a database that is gone: the backups named for it are enough when they are of one kiosk', async () => {
    const tmp = tempDir('inleverpunt-gone-');
    cleanups.push(tmp.cleanup);
    const core = kioskDatabase(tmp.dbPath);
    const kioskId = core.kiosk().kioskId;
    const backups = backupDirFor(tmp.dbPath);
    for (let day = 1; day <= 3; day++) await scheduledBackup(core.db, backups, novemberDay(day));
    core.close();
    rmSync(tmp.dbPath);
    expect(recoveryOffer(tmp.dbPath)?.takenAt).toBe(novemberDay(3).toISOString());
    expect(restoreNewestBackup(tmp.dbPath, novemberDay(4)).replacedFile).toBeNull();
    expect(kioskIdOfFile(tmp.dbPath)).toBe(kioskId);
  });

  it('a database that is gone, with two kiosks’ backups of that name: nothing is guessed, nothing is touched', async () => {
    const { dbPath, backups } = await kioskWithForeignBackups();
    rmSync(dbPath);
    const before = snapshotOf(backups, filesIn(backups));
    expect(recoveryOwner(dbPath, backups)).toBeNull();
    expect(recoveryOffer(dbPath)).toBeNull();
    expect(codeOf(() => restoreNewestBackup(dbPath, novemberDay(7)))).toBe('NO_GOOD_BACKUP');
    expect(existsSync(dbPath)).toBe(false);
    expect(changedOrGone(backups, before)).toEqual([]);
  });

  it('a broken newest backup of this database is skipped for the one before it, never for another kiosk’s', async () => {
    const { dbPath, backups, kioskId } = await kioskWithForeignBackups();
    wipeHeader(join(backups, backupFileName({ dbName: 'inleverpunt', kioskId }, novemberDay(5))));
    wipeHeader(dbPath);
    expect(recoveryOffer(dbPath)?.takenAt).toBe(novemberDay(4).toISOString());
  });
});

describe('backups with the old names (before backups carried their database)', () => {
  /** Renames the backups to `inleverpunt-<time>.db`, as an earlier version named them. */
  function toOldNames(backups: string): void {
    for (const file of listBackups(backups)) {
      const old = `inleverpunt-${file.name.slice(-19)}`;
      copyFileSync(join(backups, file.name), join(backups, old));
      rmSync(join(backups, file.name));
      rmSync(join(backups, `${file.name}.sha256`));
    }
  }

  it('are offered when the identity inside is this kiosk’s, also for a database too damaged to open', async () => {
    const { dbPath, backups, kioskId } = await kioskWithForeignBackups();
    toOldNames(backups);
    expect(listBackups(backups).every((f) => f.owner === null)).toBe(true);
    expect(recoveryOffer(dbPath)?.takenAt).toBe(novemberDay(5).toISOString());
    wipeHeader(dbPath);
    expect(recoveryOwner(dbPath, backups)?.kioskId).toBe(kioskId);
    restoreNewestBackup(dbPath, novemberDay(7));
    expect(kioskIdOfFile(dbPath)).toBe(kioskId);
  });

  it('are never rotated away: the rotation only counts backups named for this database', async () => {
    const tmp = tempDir('inleverpunt-old-names-');
    cleanups.push(tmp.cleanup);
    const core = kioskDatabase(tmp.dbPath);
    const backups = backupDirFor(tmp.dbPath);
    for (let day = 1; day <= 3; day++) await scheduledBackup(core.db, backups, new Date(Date.UTC(2026, 8, day, 7)));
    toOldNames(backups);
    const before = snapshotOf(backups, filesIn(backups));
    for (let day = 1; day <= 30; day++) await scheduledBackup(core.db, backups, novemberDay(day));
    core.close();
    expect(changedOrGone(backups, before)).toEqual([]);
    expect(listBackups(backups).filter((f) => f.owner?.kioskId === kioskIdOfFile(tmp.dbPath))).toHaveLength(11);
  });
});
