import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoSchool, DEMO_PINS, type DemoSchool } from '../../../src/core/demo/seed';
import { verifyLedger } from '../../../src/core/ledger/verify';
import type { Host } from '../../../src/core/host';
import type { AppErrorData } from '../../../src/shared/errors';
import { canMountSmallDisks, smallDisk } from '../../support/smallDisk';
import { cleanups, openCoreOf, startHost } from './support/hostFixture';

function stickers(demo: DemoSchool): string[] {
  const seen = new Set<string>();
  return demo.tags.filter((t) => t.kind === 'device_sticker' && !t.revoked && t.deviceId && !seen.has(t.deviceId) && seen.add(t.deviceId)).map((t) => t.code);
}

/** Hands in one device after another until the disk refuses one; returns the seqs acknowledged. */
async function scanUntilRefused(host: Host, codes: string[]): Promise<{ acknowledged: number[]; refused: AppErrorData; next: number }> {
  const acknowledged: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const answer = await host.gateway.invoke('scan', { code: codes[i], mode: 'hand-in' });
    if (!answer.ok) return { acknowledged, refused: answer.error, next: i };
    acknowledged.push((answer.value as { event: { seq: number } }).event.seq);
  }
  throw new Error('the disk never filled up');
}

async function health(host: Host): Promise<Record<string, unknown>> {
  const answer = await host.gateway.invoke('getHealth', {});
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value as Record<string, unknown>;
}

describe('a full disk while the kiosk runs', () => {
  it('a scan answers DISK_FULL (not INTERNAL), nothing half is written, health says so, and room again means the next scan is stored, without a restart', async () => {
    let demo: DemoSchool | undefined;
    const { host } = startHost({ seed: (core) => void (demo = seedDemoSchool(core, { history: false })) });
    const core = openCoreOf(host);
    const headBefore = verifyLedger(core.db);
    // SQLite's own limit on the file's pages: the disk is full at today's size.
    core.db.pragma(`max_page_count = ${core.db.pragma('page_count', { simple: true }) as number}`);
    const codes = stickers(demo!);
    const { acknowledged, refused, next } = await scanUntilRefused(host, codes);
    expect(refused).toMatchObject({ code: 'DISK_FULL', details: { cause: 'SQLITE_FULL' } });
    expect(JSON.stringify(refused.message)).toContain('ruimte vrij');
    expect(await health(host)).toMatchObject({ writable: false, problem: 'DISK_FULL', backup: null });

    // Exactly the acknowledged events, and a chain that verifies.
    const afterFull = verifyLedger(core.db);
    expect(afterFull).toMatchObject({ ok: true, lastSeq: (headBefore.ok ? headBefore.lastSeq : 0) + acknowledged.length });
    // The projection agrees: the refused hand-in left no device held.
    expect(core.services.listCustody()).toHaveLength(acknowledged.length);

    core.db.pragma('max_page_count = 1073741823');
    const again = await host.gateway.invoke('scan', { code: codes[next], mode: 'hand-in' });
    expect(again).toMatchObject({ ok: true });
    expect(await health(host)).toMatchObject({ writable: true, problem: null });
    expect(verifyLedger(core.db)).toMatchObject({ ok: true, lastSeq: (afterFull.ok ? afterFull.lastSeq : 0) + 1 });
  });

  it.skipIf(!canMountSmallDisks)('on a real full disk: refused with DISK_FULL, then stored once a file is deleted', async () => {
    const disk = smallDisk(4 * 1024 * 1024);
    cleanups.push(() => disk.cleanup());
    let demo: DemoSchool | undefined;
    const { host } = startHost({ dbPath: join(disk.dir, 'inleverpunt.db'), seed: (core) => void (demo = seedDemoSchool(core, { history: false })) });
    const core = openCoreOf(host);
    // An emptied -wal must grow for the next write: the disk has no block left for it.
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    disk.fill();
    const codes = stickers(demo!);
    const first = await host.gateway.invoke('scan', { code: codes[0], mode: 'hand-in' });
    expect(first).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    disk.free();
    expect(await host.gateway.invoke('scan', { code: codes[0], mode: 'hand-in' })).toMatchObject({ ok: true });
    expect(verifyLedger(core.db)).toMatchObject({ ok: true });
  });

  it.skipIf(!canMountSmallDisks)('30 wrong PINs on a full disk lock the account, and the right PIN waits too', async () => {
    const disk = smallDisk(4 * 1024 * 1024);
    cleanups.push(() => disk.cleanup());
    const { host } = startHost({ dbPath: join(disk.dir, 'inleverpunt.db'), seed: (core) => void seedDemoSchool(core, { history: false }) });
    openCoreOf(host).db.pragma('wal_checkpoint(TRUNCATE)');
    const admin = openCoreOf(host).services.listStaff().find((s) => s.role === 'admin')!.staffId;
    disk.fill();
    // The disk really refuses writes: a setting cannot be stored.
    expect(await host.gateway.invoke('scan', { code: 'IP0000000000', mode: 'hand-in' })).toMatchObject({ ok: false });
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const answer = await host.gateway.invoke('unlockStaff', { pin: '808080', staffId: admin });
      codes.push(answer.ok ? 'ok' : answer.error.code);
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('PIN_WRONG'));
    expect(new Set(codes.slice(4))).toEqual(new Set(['PIN_LOCKED']));
    expect(await host.gateway.invoke('unlockStaff', { pin: DEMO_PINS.admin, staffId: admin })).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
  });
});

describe('leaving the kiosk on a full disk', () => {
  it.skipIf(!canMountSmallDisks)('an administrator’s PIN still closes it (unrecorded), also after wrong PINs were counted before the disk filled', async () => {
    const disk = smallDisk(4 * 1024 * 1024);
    cleanups.push(() => disk.cleanup());
    const started = startHost({ dbPath: join(disk.dir, 'inleverpunt.db'), seed: (core) => void seedDemoSchool(core, { history: false }) });
    const admin = openCoreOf(started.host).services.listStaff().find((s) => s.role === 'admin')!.staffId;
    expect(await started.host.gateway.invoke('unlockStaff', { pin: '808080', staffId: admin })).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
    openCoreOf(started.host).db.pragma('wal_checkpoint(TRUNCATE)');
    disk.fill();
    expect(await started.host.gateway.invoke('exitKiosk', { pin: DEMO_PINS.admin, staffId: admin })).toMatchObject({ ok: true, value: { exiting: true } });
    expect(started.exits).toBe(1);
  });
});

describe('the CLI on a full disk', () => {
  it.skipIf(!canMountSmallDisks)('prints DISK_FULL in Dutch and English, no stack trace', async () => {
    const { runCli } = await import('../../../src/cli/run');
    const disk = smallDisk(4 * 1024 * 1024);
    cleanups.push(() => disk.cleanup());
    const { host, dbPath } = startHost({ seed: (core) => void seedDemoSchool(core, { history: false }) });
    host.close();
    const onDisk = join(disk.dir, 'inleverpunt.db');
    copyFileSync(dbPath, onDisk);
    expect(statSync(onDisk).size).toBeGreaterThan(0);
    disk.fill();
    let stderr = '';
    const code = await runCli(['pupil', 'add', '--roepnaam', 'Eva', '--achternaam', 'Jansen', '--groep', '7A', '--db', onDisk], {
      stdout: () => undefined,
      stderr: (text) => void (stderr += text),
      stdin: process.stdin,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^DISK_FULL: De schijf van deze pc is vol/);
    expect(stderr).toContain('The disk of this PC is full');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
