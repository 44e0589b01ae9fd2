import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core';
import { backupDirFor, restoreBackup } from '../../../src/core/backup/backup';
import { backupOwnerOf, listBackups, ownBackups, scheduledBackup } from '../../../src/core/backup/folder';
import { backupFileName, type BackupOwner } from '../../../src/core/backup/naming';
import { kioskIdOfFile } from '../../../src/core/backup/readOnlyFile';
import { recoveryOffer, restoreNewestBackup } from '../../../src/core/backup/recovery';
import { backupsToKeep } from '../../../src/core/backup/rotation';
import { tempDir } from '../../support/tempDb';
import { changedOrGone, kioskDatabase, novemberDay, snapshotOf } from './support/kioskDb';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** Two kiosks' databases side by side in one folder, sharing the backups folder beside them. */
function twoDatabasesInOneFolder(): { dir: string; backups: string; a: Core; b: Core; aPath: string; bPath: string } {
  const tmp = tempDir('inleverpunt-two-dbs-');
  const aPath = join(tmp.dir, 'a.db');
  const bPath = join(tmp.dir, 'b.db');
  const a = kioskDatabase(aPath);
  const b = kioskDatabase(bPath);
  cleanups.push(() => {
    if (a.db.open) a.close();
    if (b.db.open) b.close();
    tmp.cleanup();
  });
  expect(backupDirFor(aPath)).toBe(backupDirFor(bPath));
  return { dir: tmp.dir, backups: backupDirFor(aPath), a, b, aPath, bPath };
}

const namesOf = (owner: BackupOwner, days: readonly Date[]): string[] => days.map((at) => backupFileName(owner, at));

describe('backups of two databases in one folder', () => {
  it('neither loses a backup to the other: each keeps its own rotation over five weeks', async () => {
    const { backups, a, b } = twoDatabasesInOneFolder();
    const aOwner = backupOwnerOf(a.db);
    const bOwner = backupOwnerOf(b.db);
    expect(aOwner.kioskId).not.toBe(bOwner.kioskId);
    const aDays: Date[] = [];
    const bDays: Date[] = [];
    const deleted: { a: string[]; b: string[] } = { a: [], b: [] };
    for (let day = 1; day <= 35; day++) {
      // a every day at 07:00; b on two days out of three, half an hour later, so b's is the newest file.
      const aRun = await scheduledBackup(a.db, backups, novemberDay(day));
      if (aRun.made) aDays.push(novemberDay(day));
      deleted.a.push(...aRun.deleted);
      if (day % 3 !== 0) {
        const bRun = await scheduledBackup(b.db, backups, novemberDay(day, 30));
        if (bRun.made) bDays.push(novemberDay(day, 30));
        deleted.b.push(...bRun.deleted);
      }
    }
    expect(aDays).toHaveLength(35);
    expect(bDays).toHaveLength(24);
    // What each rotation removed was only ever its own database's backups.
    const aMade = namesOf(aOwner, aDays);
    const bMade = namesOf(bOwner, bDays);
    expect(deleted.a.every((name) => aMade.includes(name))).toBe(true);
    expect(deleted.b.every((name) => bMade.includes(name))).toBe(true);
    // Each keeps exactly the set its own rotation asks for: 7 daily + 4 weekly.
    const keptFor = (owner: BackupOwner) => ownBackups(backups, owner).map((f) => f.name).sort();
    const expected = (names: string[], days: Date[]) =>
      [...backupsToKeep(names.map((name, i) => ({ name, takenAt: days[i]! })))].sort();
    expect(keptFor(aOwner)).toEqual(expected(aMade, aDays));
    expect(keptFor(bOwner)).toEqual(expected(bMade, bDays));
    expect(keptFor(aOwner)).toHaveLength(11);
    expect(keptFor(bOwner)).toHaveLength(11);
    expect(listBackups(backups)).toHaveLength(22);
  });

  it("a backup of one database does not stand in for the other's backup of the day", async () => {
    const { backups, a, b } = twoDatabasesInOneFolder();
    await scheduledBackup(b.db, backups, novemberDay(3));
    const run = await scheduledBackup(a.db, backups, novemberDay(3, 1));
    expect(run.made).not.toBeNull();
    expect(ownBackups(backups, backupOwnerOf(a.db))).toHaveLength(1);
    expect(ownBackups(backups, backupOwnerOf(b.db))).toHaveLength(1);
  });

  it('recovery for each database offers and restores its own newest backup, even when the other one is newer', async () => {
    const { backups, a, b, aPath, bPath } = twoDatabasesInOneFolder();
    const aKiosk = a.kiosk().kioskId;
    const bKiosk = b.kiosk().kioskId;
    for (let day = 1; day <= 10; day++) {
      await scheduledBackup(a.db, backups, novemberDay(day));
      await scheduledBackup(b.db, backups, novemberDay(day, 30));
    }
    await scheduledBackup(b.db, backups, novemberDay(11, 30));
    a.close();
    b.close();

    expect(recoveryOffer(aPath)?.takenAt).toBe(novemberDay(10).toISOString());
    expect(recoveryOffer(bPath)?.takenAt).toBe(novemberDay(11, 30).toISOString());

    const restoredA = restoreNewestBackup(aPath, novemberDay(12));
    expect(restoredA.restoredFrom).toBe(join(backups, backupFileName({ dbName: 'a', kioskId: aKiosk }, novemberDay(10))));
    expect(kioskIdOfFile(aPath)).toBe(aKiosk);
    const restoredB = restoreNewestBackup(bPath, novemberDay(12));
    expect(restoredB.restoredFrom).toBe(join(backups, backupFileName({ dbName: 'b', kioskId: bKiosk }, novemberDay(11, 30))));
    expect(kioskIdOfFile(bPath)).toBe(bKiosk);
  });

  it("two kiosks' copies of inleverpunt.db whose backups meet in one folder keep apart", async () => {
    const here = tempDir('inleverpunt-here-');
    const there = tempDir('inleverpunt-there-');
    const ours = kioskDatabase(here.dbPath);
    const theirs = kioskDatabase(there.dbPath);
    cleanups.push(() => (ours.db.open && ours.close(), theirs.db.open && theirs.close(), here.cleanup(), there.cleanup()));
    const backups = backupDirFor(here.dbPath);
    // The other kiosk's backups were copied into this folder (a shared drive, a restored image).
    for (let day = 1; day <= 20; day++) await scheduledBackup(theirs.db, backups, novemberDay(day, 30));
    const theirFiles = snapshotOf(backups, listBackups(backups).flatMap((f) => [f.name, `${f.name}.sha256`]));
    for (let day = 1; day <= 20; day++) await scheduledBackup(ours.db, backups, novemberDay(day));
    expect(changedOrGone(backups, theirFiles)).toEqual([]);
    // 7 daily (14–20 November) and the newest of each of the two ISO weeks before them.
    expect(ownBackups(backups, backupOwnerOf(ours.db))).toHaveLength(9);
    ours.close();
    expect(recoveryOffer(here.dbPath)?.takenAt).toBe(novemberDay(20).toISOString());
  });
});

describe('files in the backups folder that are not provably this database’s backups', () => {
  it('are never deleted by the rotation, however old they are', async () => {
    const { backups, a, b } = twoDatabasesInOneFolder();
    const aOwner = backupOwnerOf(a.db);
    await scheduledBackup(b.db, backups, novemberDay(1));
    const bBackup = listBackups(backups)[0]!.name;
    mkdirSync(backups, { recursive: true });
    const oldWhen = new Date('2026-09-01T07:00:00Z');
    const foreign = {
      'notes.txt': 'Back-ups van de kiosk in lokaal 7',
      'inleverpunt.db': 'not a backup at all',
      // Named like one of a's backups, but not a database.
      [backupFileName(aOwner, new Date('2026-09-02T07:00:00Z'))]: 'junk',
      // Named like one of a's backups, but inside it is b's database.
      [backupFileName(aOwner, new Date('2026-09-03T07:00:00Z'))]: null,
      // Old-style names, which do not say which database they are of: one of b, one of a.
      'inleverpunt-20260901T070000Z.db': null,
      'inleverpunt-20260904T070000Z.db': null,
      [`${backupFileName(aOwner, new Date('2026-09-05T07:00:00Z'))}.partial`]: 'left by a crash',
    };
    for (const [name, text] of Object.entries(foreign)) {
      if (text !== null) writeFileSync(join(backups, name), text);
    }
    copyFileSync(join(backups, bBackup), join(backups, backupFileName(aOwner, new Date('2026-09-03T07:00:00Z'))));
    copyFileSync(join(backups, bBackup), join(backups, 'inleverpunt-20260901T070000Z.db'));
    const aCopy = join(backups, backupFileName(aOwner, oldWhen));
    await scheduledBackup(a.db, backups, oldWhen);
    copyFileSync(aCopy, join(backups, 'inleverpunt-20260904T070000Z.db'));
    const before = snapshotOf(backups, [...Object.keys(foreign), bBackup, `${bBackup}.sha256`]);

    for (let day = 1; day <= 40; day++) await scheduledBackup(a.db, backups, new Date(Date.UTC(2026, 9, day, 7)));

    expect(changedOrGone(backups, before)).toEqual([]);
    // a's own rotation still happened: its September backup is gone, 11 of its own are left.
    expect(ownBackups(backups, aOwner)).toHaveLength(11);
    expect(listBackups(backups).some((f) => f.name === backupFileName(aOwner, oldWhen))).toBe(false);
  });

  it("restore refuses another kiosk's backup while the database can still say whose it is", async () => {
    const { backups, a, b, aPath } = twoDatabasesInOneFolder();
    const made = await scheduledBackup(b.db, backups, novemberDay(1));
    a.close();
    const before = snapshotOf(dirname(aPath), ['a.db']);
    let code: string | undefined;
    try {
      restoreBackup(made.made!, aPath, novemberDay(2));
    } catch (error) {
      code = (error as { code?: string }).code;
    }
    expect(code).toBe('BACKUP_OTHER_KIOSK');
    expect(changedOrGone(dirname(aPath), before)).toEqual([]);
    // Asked for explicitly (the kiosk's PC was replaced), it is restored, the database kept aside.
    const restored = restoreBackup(made.made!, aPath, novemberDay(2), { allowOtherKiosk: true });
    expect(restored.kioskId).toBe(b.kiosk().kioskId);
    expect(restored.replacedFile).not.toBeNull();
  });
});
