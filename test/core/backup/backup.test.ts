import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { checkDatabaseFile, makeBackup, restoreBackup } from '../../../src/core/backup/backup';
import { backupOwnerOf, listBackups, newestGoodBackup, scheduledBackup } from '../../../src/core/backup/folder';
import { backupFileName } from '../../../src/core/backup/naming';
import { seedDemoSchool } from '../../../src/core/demo/seed';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { tempDir } from '../../support/tempDb';
import { TEST_PIN_COST, codeOf } from '../support/custodyFixture';

const NOW = new Date('2025-10-15T10:00:00.000Z');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function liveSchool(): { core: Core; dir: string; dbPath: string } {
  const tmp = tempDir('inleverpunt-backup-');
  const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test', now: () => NOW, pinCost: TEST_PIN_COST });
  cleanups.push(() => (core.db.open && core.close(), tmp.cleanup()));
  seedDemoSchool(core, { now: NOW });
  return { core, dir: tmp.dir, dbPath: tmp.dbPath };
}

const eventCount = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM ledger_events').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Overwrites `length` bytes in the middle of the file: what a failing disk or a bad copy does. */
function damage(path: string, length = 16384): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, Math.floor(size / 2));
  } finally {
    closeSync(fd);
  }
}

describe('backups', () => {
  it('a backup taken while the kiosk runs verifies and holds every event', async () => {
    const { core, dir } = liveSchool();
    const head = verifyLedger(core.db);
    const path = join(dir, 'manual.db');
    const check = await makeBackup(core.db, path);
    expect(check).toMatchObject({ ok: true, lastSeq: head.ok ? head.lastSeq : -1 });
    expect(eventCount(path)).toBe(check.lastSeq);
    expect(checkDatabaseFile(path).ok).toBe(true);
    expect(existsSync(`${path}.partial`)).toBe(false);
    // The kiosk keeps writing afterwards.
    expect(() => core.services.listCustody()).not.toThrow();
  });

  it('a damaged backup is refused by restore, and the live database is untouched', async () => {
    const { core, dir, dbPath } = liveSchool();
    const path = join(dir, 'damaged.db');
    await makeBackup(core.db, path);
    damage(path);
    core.close();
    const before = readFileSync(dbPath);
    expect(codeOf(() => restoreBackup(path, dbPath))).toBe('BACKUP_INVALID');
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.replaced-') || f.endsWith('.restoring'))).toEqual([]);
  });

  it('a backup is one self-contained file with a checksum beside it, and nothing else is left behind', async () => {
    const { core, dir } = liveSchool();
    const backups = join(dir, 'backups');
    await scheduledBackup(core.db, backups, NOW);
    const name = backupFileName(backupOwnerOf(core.db), NOW);
    expect(checkDatabaseFile(join(backups, name))).toMatchObject({ ok: true, kioskId: core.kiosk().kioskId });
    expect(readdirSync(backups).sort()).toEqual([name, `${name}.sha256`]);
    const copy = new Database(join(backups, name), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('one changed letter in a pupil record of a backup is caught by its checksum', async () => {
    const { core, dir, dbPath } = liveSchool();
    const path = join(dir, 'backup.db');
    await makeBackup(core.db, path);
    core.close();
    const bytes = readFileSync(path);
    const at = bytes.indexOf('DEMO-7A-1');
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'E'.charCodeAt(0);
    writeFileSync(path, bytes);
    expect(checkDatabaseFile(path)).toMatchObject({ ok: false, problem: 'checksum_mismatch' });
    expect(codeOf(() => restoreBackup(path, dbPath))).toBe('BACKUP_INVALID');
  });

  it('a backup whose tag was re-pointed is refused even without its checksum file: the registry is checked too', async () => {
    const { core, dir } = liveSchool();
    const path = join(dir, 'backup.db');
    await makeBackup(core.db, path);
    const raw = new Database(path);
    raw.prepare("UPDATE tags SET device_id = (SELECT device_id FROM devices ORDER BY rowid DESC LIMIT 1) WHERE rowid = (SELECT min(rowid) FROM tags WHERE kind = 'device_sticker')").run();
    raw.close();
    expect(checkDatabaseFile(path, { expectedSha256: null })).toMatchObject({ ok: false, problem: 'registry_mismatch', detail: expect.stringContaining('deviceId differs') });
  });

  it('a restore puts the backup in place and keeps the database it replaced', async () => {
    const { core, dir, dbPath } = liveSchool();
    const path = join(dir, 'before-the-scan.db');
    const { lastSeq } = await makeBackup(core.db, path);
    const sticker = core.db.prepare("SELECT canonical FROM tags WHERE kind = 'device_sticker' AND status = 'active' LIMIT 1").pluck().get() as string;
    core.services.scan({ code: sticker, mode: 'hand-in', actor: 'pupil' });
    core.close();

    const result = restoreBackup(path, dbPath, NOW);
    expect(result.lastSeq).toBe(lastSeq);
    expect(eventCount(dbPath)).toBe(lastSeq);
    expect(result.replacedFile).not.toBeNull();
    expect(eventCount(result.replacedFile as string)).toBe(lastSeq + 1);
    const reopened = openCore({ dbPath, appVersion: 'test', now: () => NOW });
    expect(reopened.problem).toBeNull();
    reopened.close();
  });

  it('the scheduled backup makes at most one a day and rotates the folder', async () => {
    const { core, dir } = liveSchool();
    const backups = join(dir, 'backups');
    const day = (d: number, hour = 7) => new Date(Date.UTC(2025, 9, d, hour));
    expect((await scheduledBackup(core.db, backups, day(1))).made).not.toBeNull();
    expect((await scheduledBackup(core.db, backups, day(1, 15))).made).toBeNull();
    expect(listBackups(backups)).toHaveLength(1);
    for (let d = 2; d <= 12; d++) await scheduledBackup(core.db, backups, day(d), { daily: 3, weekly: 1 });
    const kept = listBackups(backups).map((f) => f.takenAt.getUTCDate());
    expect(kept).toEqual([12, 11, 10, 5]);
  });

  it('newestGoodBackup skips a broken newest backup', async () => {
    const { core, dir } = liveSchool();
    const backups = join(dir, 'backups');
    await scheduledBackup(core.db, backups, new Date('2025-10-13T07:00:00Z'));
    const newest = await scheduledBackup(core.db, backups, new Date('2025-10-14T07:00:00Z'));
    damage(newest.made as string);
    const good = newestGoodBackup(backups, backupOwnerOf(core.db));
    expect(good?.takenAt.toISOString()).toBe('2025-10-13T07:00:00.000Z');
    expect(good?.lastSeq).toBeGreaterThan(1000);
  });

  it('a file that is not a database at all is refused, whatever it is called', () => {
    const { core, dir } = liveSchool();
    const owner = backupOwnerOf(core.db);
    const path = join(dir, backupFileName(owner, new Date('2025-10-14T07:00:00Z')));
    closeSync(openSync(path, 'w'));
    damage(path, 4096);
    expect(checkDatabaseFile(path)).toMatchObject({ ok: false, kioskId: null });
    expect(newestGoodBackup(dir, owner)).toBeNull();
  });
});
