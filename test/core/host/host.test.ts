import { existsSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { backupDirFor } from '../../../src/core/backup/backup';
import { scheduledBackup } from '../../../src/core/backup/folder';
import { holdsSchoolData } from '../../../src/core/demo/empty';
import { seedDemoSchool, type DemoSchool } from '../../../src/core/demo/seed';
import { novemberDay, wipeHeader } from '../backup/support/kioskDb';
import { codeOf } from '../support/custodyFixture';
import { kioskWithBackup, newDbPath, openCoreOf, startHost, tamperWithLedger } from './support/hostFixture';

describe('starting the kiosk through the host', () => {
  it('opens a fresh database, reports what it did with the roll-out file, and answers the contract', async () => {
    const { host, dbPath } = startHost({ rolloutConfigPath: join(newDbPath(), '..', 'config.json') });
    expect(host.state).toMatchObject({ kind: 'open', rollout: { status: 'no-file' } });
    expect(openCoreOf(host).problem).toBeNull();
    const info = await host.gateway.invoke('getKioskInfo', {});
    expect(info).toMatchObject({ ok: true, value: { appVersion: 'test', kioskId: openCoreOf(host).kiosk().kioskId } });
    expect(host.dbPath).toBe(dbPath);
  });

  it('`--demo` fills an empty database with the demo school, and never a database that holds a school', () => {
    const first = startHost({ demo: true });
    const pupils = openCoreOf(first.host).services.listPupils({}).length;
    expect(pupils).toBeGreaterThan(0);
    first.host.close();
    const again = startHost({ dbPath: first.dbPath, demo: true });
    expect(openCoreOf(again.host).services.listPupils({})).toHaveLength(pupils);
    expect(holdsSchoolData(openCoreOf(startHost({}).host).db)).toBe(false);
  });

  it('a file that is not a database: the host says why instead of throwing, every call says so too, the file is left alone', async () => {
    const dbPath = newDbPath();
    writeFileSync(dbPath, 'dit is geen database, maar een boodschappenlijstje\n'.repeat(200));
    const before = readFileSync(dbPath);
    const { host } = startHost({ dbPath });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DB_CORRUPT', cause: 'not a database' } });
    expect(host.core).toBeNull();
    expect(await host.gateway.invoke('getKioskInfo', {})).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    expect(await host.gateway.invoke('scan', { code: 'X', mode: 'hand-in' })).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('a database from a newer Inleverpunt: reported as such, not opened', () => {
    const dbPath = newDbPath();
    const raw = new Database(dbPath);
    raw.pragma('user_version = 999');
    raw.close();
    const { host } = startHost({ dbPath });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DB_FROM_NEWER_VERSION' } });
  });
});

describe('restoring a backup through the host', () => {
  it('a ledger that fails its check: the newest good backup is put in place and the host starts again on it', async () => {
    const { dbPath, scannedSeq } = await kioskWithBackup();
    tamperWithLedger(dbPath, scannedSeq);
    const started = startHost({ dbPath });
    const { host } = started;
    expect(openCoreOf(host).problem).toBe('DB_READ_ONLY');

    expect(host.restoreFromBackup().lastSeq).toBeLessThan(scannedSeq);
    expect(started.restarts).toBe(1);
    expect(openCoreOf(host).problem).toBeNull();
    // The same gateway object now answers from the restored database.
    expect(await host.gateway.invoke('getHealth', {})).toMatchObject({ ok: true, value: { writable: true } });
  });

  it('a database whose header was destroyed: the host that could not open it restores it all the same', async () => {
    const { dbPath } = await kioskWithBackup();
    wipeHeader(dbPath);
    const { host } = startHost({ dbPath });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DB_CORRUPT' } });
    host.restoreFromBackup();
    expect(host.state.kind).toBe('open');
    expect(openCoreOf(host).problem).toBeNull();
  });

  it('a kiosk whose database was emptied to 0 bytes does not come back as a new, empty kiosk', () => {
    const { host, dbPath } = startHost();
    const kioskId = openCoreOf(host).kiosk().kioskId;
    host.close();
    expect(readFileSync(`${dbPath}.kiosk`, 'utf8').trim()).toBe(kioskId);
    truncateSync(dbPath, 0);
    rmSync(`${dbPath}-wal`, { force: true });
    const again = startHost({ dbPath });
    expect(again.host.state).toMatchObject({ kind: 'failed', failure: { code: 'DB_CORRUPT', cause: 'database missing or empty' } });
    // Nothing was created in its place: no "first administrator" for whoever stands at the screen.
    expect(statSync(dbPath).size).toBe(0);
  });

  it('a deleted database with backups beside it is refused too, and the newest good backup brings it back', async () => {
    const { dbPath, scannedSeq } = await kioskWithBackup();
    rmSync(dbPath);
    rmSync(`${dbPath}.kiosk`);
    rmSync(`${dbPath}-wal`, { force: true });
    const { host } = startHost({ dbPath });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DB_CORRUPT' } });
    expect(existsSync(dbPath)).toBe(false);
    expect(host.restoreFromBackup().lastSeq).toBeLessThan(scannedSeq);
    expect(openCoreOf(host).problem).toBeNull();
  });

  it('a new PC with no database, no marker and no backups starts a new kiosk, and remembers it', () => {
    const { host, dbPath } = startHost();
    expect(host.state.kind).toBe('open');
    expect(existsSync(`${dbPath}.kiosk`)).toBe(true);
  });

  it('with no good backup nothing is closed or replaced, and a test’s seed is not run again after a restore', async () => {
    let seeded = 0;
    const started = startHost({ seed: (core) => void (seeded++, seedDemoSchool(core, { history: false })) });
    const core = openCoreOf(started.host);
    expect(codeOf(() => started.host.restoreFromBackup())).toBe('NO_GOOD_BACKUP');
    expect(started.host.core).toBe(core);
    expect(core.db.open).toBe(true);

    await scheduledBackup(core.db, backupDirFor(started.dbPath), novemberDay(5));
    started.host.restoreFromBackup();
    expect(seeded).toBe(1);
    expect(started.restarts).toBe(1);
  });
});

describe('the screen hears when custody changes', () => {
  it('a scan at the door is pushed once committed; a refused scan and a look-up are not', async () => {
    let demo: DemoSchool | undefined;
    const { host, pushed } = startHost({ seed: (core) => void (demo = seedDemoSchool(core, { history: false })) });
    const sticker = demo!.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!;

    expect(await host.gateway.invoke('scan', { code: 'ONBEKEND-1', mode: 'hand-in' })).toMatchObject({ ok: false });
    expect(await host.gateway.invoke('custodyCount', {})).toMatchObject({ ok: true });
    expect(pushed).toEqual([]);

    const scanned = await host.gateway.invoke('scan', { code: sticker.code, mode: 'hand-in' });
    expect(scanned.ok).toBe(true);
    expect(pushed).toEqual([{ event: 'custodyChanged', payload: { method: 'scan' } }]);
  });
});
