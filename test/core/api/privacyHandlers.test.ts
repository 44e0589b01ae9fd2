import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../../src/core/backup/backup';
import { createHost, type Host } from '../../../src/core/host';
import { classFixture, PINS, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';
import { tempDir } from '../../support/tempDb';

type Value<T = Record<string, unknown>> = { ok: true; value: T };

describe('privacy and backups through the contract gateway', () => {
  let f: ClassFixture;
  let host: Host;
  let restarts = 0;
  afterEach(() => {
    host.close();
    f.close();
  });

  /** The class fixture's database, served by a host as the kiosk serves it. */
  function start() {
    f = classFixture({ size: 2 });
    f.s.handIn({ deviceId: f.phones[0]!.deviceId, actor: 'pupil' });
    f.core.close();
    host = createHost({
      dbPath: f.dbPath,
      appVersion: 'test',
      now: f.clock.now,
      pinCost: TEST_PIN_COST,
      shell: { exitKiosk: () => undefined, push: () => undefined, restored: () => void restarts++ },
    });
    return host.gateway;
  }
  const unlock = (who: 'teacher' | 'office' | 'admin') => host.gateway.invoke('unlockStaff', { staffId: f[who].staffId, pin: PINS[who] });

  it('the office makes subject-access files and erases on request; a teacher cannot; purges are the admin’s', async () => {
    const gateway = start();
    const pupilId = f.pupils[1]!.pupilId;
    await unlock('teacher');
    expect(await gateway.invoke('subjectAccess', { pupilId, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    await unlock('office');
    const list = (await gateway.invoke('privacyPupils', {})) as Value<{ pupils: { pupilId: string }[] }>;
    expect(list.value.pupils.map((p) => p.pupilId)).toContain(pupilId);
    const file = (await gateway.invoke('subjectAccess', { pupilId, format: 'pdf' })) as Value<{ base64: string; mime: string }>;
    expect(file.value.mime).toBe('application/pdf');
    expect(Buffer.from(file.value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await gateway.invoke('previewPurge', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await gateway.invoke('erasePupil', { pupilId, reason: 'verzoek ouders' })).toMatchObject({ ok: true, value: { recordSeq: expect.any(Number) } });
    const after = (await gateway.invoke('privacyPupils', {})) as Value<{ pupils: { pupilId: string }[] }>;
    expect(after.value.pupils.map((p) => p.pupilId)).not.toContain(pupilId);
    await unlock('admin');
    expect(await gateway.invoke('previewPurge', {})).toMatchObject({ ok: true, value: { dryRun: true, events: 0 } });
  });

  it('the admin lists, makes, copies (verified) and restores this database’s backups only', async () => {
    const gateway = start();
    await unlock('admin');
    const made = (await gateway.invoke('makeBackupNow', {})) as Value<{ name: string; ok: boolean; lastSeq: number }>;
    expect(made.value).toMatchObject({ ok: true });
    // Another database's backup in the same folder is neither listed nor restorable.
    const folder = backupDirFor(f.dbPath);
    const foreign = made.value.name.replace(/^inleverpunt-/, 'andere-school-');
    copyFileSync(join(folder, made.value.name), join(folder, foreign));
    const listed = (await gateway.invoke('listBackups', {})) as Value<{ backups: { name: string; ok: boolean; sizeBytes: number }[] }>;
    expect(listed.value.backups.map((b) => b.name)).toEqual([made.value.name]);
    expect(listed.value.backups[0]!.sizeBytes).toBeGreaterThan(0);
    expect(await gateway.invoke('restoreBackup', { name: foreign, confirm: true })).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });

    const usb = tempDir('inleverpunt-usb-');
    try {
      const copied = (await gateway.invoke('copyBackup', { name: made.value.name, folder: usb.dir })) as Value<{ path: string; verified: boolean }>;
      expect(copied.value.verified).toBe(true);
      expect(existsSync(`${copied.value.path}.sha256`)).toBe(true);
      // A backup whose bytes changed since it was made is not copied as if it were good.
      const source = join(folder, made.value.name);
      const bytes = readFileSync(source);
      bytes[bytes.length - 100] = (bytes[bytes.length - 100]! + 1) % 256;
      writeFileSync(source, bytes);
      const other = join(usb.dir, 'tweede');
      expect(await gateway.invoke('copyBackup', { name: made.value.name, folder: other })).toMatchObject({
        ok: false,
        error: { code: 'BACKUP_COPY_FAILED', details: { problem: 'checksum_mismatch' } },
      });
      expect(existsSync(join(other, made.value.name))).toBe(false);
      copyFileSync(copied.value.path, source);
      // A folder that cannot be made (its parent is a file): said as such, not as an internal error.
      expect(await gateway.invoke('copyBackup', { name: made.value.name, folder: join(copied.value.path, 'sub') })).toMatchObject({
        ok: false,
        error: { code: 'BACKUP_COPY_FAILED' },
      });
    } finally {
      usb.cleanup();
    }

    f.clock.advance(60_000);
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    expect(await gateway.invoke('returnDevice', { deviceId: f.phones[0]!.deviceId })).toMatchObject({ ok: true });
    await unlock('admin');
    expect(await gateway.invoke('restoreBackup', { name: made.value.name })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const restored = await gateway.invoke('restoreBackup', { name: made.value.name, confirm: true });
    expect(restored).toMatchObject({ ok: true, value: { restarting: true } });
    expect(restarts).toBe(1);
    // The return made after the backup is gone: the device is held again.
    expect(host.core?.services.listCustody({}).some((c) => c.deviceId === f.phones[0]!.deviceId)).toBe(true);
  });
});
