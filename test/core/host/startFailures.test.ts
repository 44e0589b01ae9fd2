import Database from 'better-sqlite3';
import { closeSync, copyFileSync, openSync, readdirSync, statSync, truncateSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDirFor } from '../../../src/core/backup/backup';
import { DEMO_PINS } from '../../../src/core/demo/seed';
import type { Host } from '../../../src/core/host';
import type { Health } from '../../../src/shared/contract';
import { canMountSmallDisks, smallDisk } from '../../support/smallDisk';
import { cleanups, kioskWithBackup, openCoreOf, startHost } from './support/hostFixture';

/** Overwrites the first 100 bytes: the SQLite header ("SQLite format 3", page size, counters). */
function destroyHeader(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
  } finally {
    closeSync(fd);
  }
}

async function healthOf(host: Host): Promise<Health> {
  const answer = await host.gateway.invoke('getHealth', {});
  if (!answer.ok) throw new Error(`getHealth failed: ${answer.error.code}`);
  return answer.value as Health;
}

/** A kiosk database (demo school, one backup) copied onto its own small disk, with its backup. */
async function kioskOnSmallDisk(): Promise<{ dbPath: string; disk: ReturnType<typeof smallDisk>; kioskId: string }> {
  const { dbPath } = await kioskWithBackup();
  const kioskId = readdirSync(backupDirFor(dbPath))[0]!.match(/[0-9a-f]{8}-[0-9a-f-]{27}/)![0];
  const disk = smallDisk(statSync(dbPath).size * 3 + 256 * 1024);
  cleanups.push(() => disk.cleanup());
  const onDisk = join(disk.dir, 'inleverpunt.db');
  copyFileSync(dbPath, onDisk);
  // A kiosk that has run keeps its marker (its kiosk id) beside the database.
  copyFileSync(`${dbPath}.kiosk`, `${onDisk}.kiosk`);
  return { dbPath: onDisk, disk, kioskId };
}

/**
 * Every way the database can fail to open at start gives a kiosk that still answers: the
 * recovery screen's calls work, every other call answers the failure, nothing throws. Through
 * the host, as Electron's main process and the test bridge start it.
 */
describe('a kiosk whose database cannot be opened at start', () => {
  it('a destroyed header (the first 100 bytes): DB_CORRUPT, with the newest good backup offered', async () => {
    const { dbPath } = await kioskWithBackup();
    destroyHeader(dbPath);
    const { host } = startHost({ dbPath });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DB_CORRUPT', cause: 'not a database' } });
    const health = await healthOf(host);
    expect(health).toMatchObject({ writable: false, problem: 'DB_CORRUPT', startFailure: { code: 'DB_CORRUPT', cause: 'not a database' } });
    expect(health.backup).not.toBeNull();
    expect(health.startFailure?.kioskId).toMatch(/^[0-9a-f-]{36}$/);
    // What the IT partner reads carries no path of the school.
    expect(JSON.stringify(health)).not.toContain(dirname(dbPath));
  });

  it('a file cut to half its size: DB_CORRUPT', async () => {
    const { dbPath } = await kioskWithBackup();
    truncateSync(dbPath, Math.floor(statSync(dbPath).size / 2));
    const { host } = startHost({ dbPath });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DB_CORRUPT' } });
    expect((await healthOf(host)).backup).not.toBeNull();
  });

  it('a database from a newer version: DB_FROM_NEWER_VERSION, and no restore offered (it would lose the newer data)', async () => {
    const { dbPath } = await kioskWithBackup();
    const raw = new Database(dbPath);
    raw.pragma('user_version = 999');
    raw.close();
    const { host } = startHost({ dbPath });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DB_FROM_NEWER_VERSION' } });
    expect(await healthOf(host)).toMatchObject({ problem: 'DB_FROM_NEWER_VERSION', backup: null, startFailure: { code: 'DB_FROM_NEWER_VERSION' } });
  });

  it.skipIf(!canMountSmallDisks)('a database on a read-only disk: DISK_READ_ONLY with SQLite’s cause and the kiosk id from its marker', async () => {
    const { dbPath, disk, kioskId } = await kioskOnSmallDisk();
    disk.readOnly();
    const { host } = startHost({ dbPath });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DISK_READ_ONLY', cause: expect.stringMatching(/^SQLITE_/) } });
    expect(await healthOf(host)).toMatchObject({ problem: 'DISK_READ_ONLY', backup: null, startFailure: { code: 'DISK_READ_ONLY' } });
    expect((await healthOf(host)).startFailure?.kioskId).toBe(kioskId);
    expect(await host.gateway.invoke('scan', { code: 'X', mode: 'hand-in' })).toMatchObject({ ok: false, error: { code: 'DISK_READ_ONLY' } });
  });

  it.skipIf(!canMountSmallDisks)('a full disk at start: DISK_FULL; once space is freed, "try again" opens it without a restart', async () => {
    const { dbPath, disk } = await kioskOnSmallDisk();
    disk.fill();
    const { host } = startHost({ dbPath });
    expect(host.state).toMatchObject({ kind: 'failed', failure: { code: 'DISK_FULL' } });
    expect(await healthOf(host)).toMatchObject({ writable: false, problem: 'DISK_FULL', startFailure: { code: 'DISK_FULL' } });
    expect(await host.gateway.invoke('retryStart', {})).toMatchObject({ ok: true, value: { opened: false } });
    disk.free();
    expect(await host.gateway.invoke('retryStart', {})).toMatchObject({ ok: true, value: { opened: true } });
    expect(openCoreOf(host).problem).toBeNull();
    expect(await healthOf(host)).toMatchObject({ writable: true, problem: null });
  });
});

describe('the safe actions while the database cannot be opened', () => {
  it('restoring needs an administrator’s PIN from the newest good backup, the staff a restore brings back', async () => {
    const started = startHost({ dbPath: (await kioskWithBackup()).dbPath });
    started.host.close();
    destroyHeader(started.dbPath);
    const { host } = startHost({ dbPath: started.dbPath });
    expect(await host.gateway.invoke('restoreAfterFailedStart', { pin: DEMO_PINS.teacher7A })).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
    expect(await host.gateway.invoke('restoreAfterFailedStart', { pin: '00000000' })).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
    expect(host.state.kind).toBe('failed');
    expect(await host.gateway.invoke('restoreAfterFailedStart', { pin: DEMO_PINS.admin })).toMatchObject({ ok: true, value: { restarting: true } });
    expect(openCoreOf(host).problem).toBeNull();
  });

  it('wrong PINs back off here too: after a few, even the right PIN waits', async () => {
    const { dbPath } = await kioskWithBackup();
    destroyHeader(dbPath);
    const { host } = startHost({ dbPath });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await host.gateway.invoke('exitKiosk', { pin: '1234567' });
      codes.push(answer.ok ? 'ok' : answer.error.code);
    }
    expect(codes.slice(0, 4)).toEqual(['PIN_WRONG', 'PIN_WRONG', 'PIN_WRONG', 'PIN_WRONG']);
    expect(codes.slice(4)).toEqual(['PIN_LOCKED', 'PIN_LOCKED']);
    expect(await host.gateway.invoke('exitKiosk', { pin: DEMO_PINS.admin })).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
  });

  it('the IT partner can leave kiosk mode with an administrator’s PIN; without a good backup there is no PIN to check', async () => {
    const { dbPath } = await kioskWithBackup();
    destroyHeader(dbPath);
    const started = startHost({ dbPath });
    expect(await started.host.gateway.invoke('exitKiosk', { pin: DEMO_PINS.admin })).toMatchObject({ ok: true, value: { exiting: true } });
    expect(started.exits).toBe(1);

    const bare = startHost();
    bare.host.close();
    destroyHeader(bare.dbPath);
    const again = startHost({ dbPath: bare.dbPath });
    expect(await again.host.gateway.invoke('exitKiosk', { pin: DEMO_PINS.admin })).toMatchObject({ ok: false, error: { code: 'NO_GOOD_BACKUP' } });
    expect(again.exits).toBe(0);
  });

  it('every other call answers the failure, also those with arguments', async () => {
    const { dbPath } = await kioskWithBackup();
    destroyHeader(dbPath);
    const { host } = startHost({ dbPath });
    for (const method of ['getKioskInfo', 'unlockStaff', 'scan', 'restoreNewestBackup']) {
      expect(await host.gateway.invoke(method, { pin: DEMO_PINS.admin }), method).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT' } });
    }
  });
});
