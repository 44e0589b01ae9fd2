import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { readCustody } from '../../../src/core/ledger/projection';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

describe('devices and tags through the contract gateway', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
  });
  afterEach(() => f.close());

  const unlockAs = (who: 'teacher' | 'office' | 'admin') => gateway.invoke('unlockStaff', { staffId: f[who].staffId, pin: PINS[who] });
  const value = <T>(result: unknown): T => {
    expect(result).toMatchObject({ ok: true });
    return (result as { value: T }).value;
  };

  it('the office lists a group, registers a device, issues it a new code, moves and revokes a tag — each recorded as the office', async () => {
    await unlockAs('office');
    const listed = value<{ groups: string[]; pupils: { roepnaam: string; devices: unknown[] }[] }>(
      await gateway.invoke('listGroupDevices', {}),
    );
    expect(listed.groups).toEqual(['7B']);
    expect(listed.pupils.map((p) => [p.roepnaam, p.devices.length])).toEqual([
      ['Kind1', 1],
      ['Kind2', 1],
    ]);
    const watch = value<{ deviceId: string }>(
      await gateway.invoke('registerDevice', { pupilId: f.pupils[0]!.pupilId, kind: 'smartwatch', description: 'horloge' }),
    );
    const tag = value<{ tagId: string; canonical: string }>(
      await gateway.invoke('attachTag', { deviceId: watch.deviceId, source: { kind: 'newCode' } }),
    );
    expect(tag.canonical).toMatch(/^IP[0-9A-Z]{9}$/);
    const moved = value<{ deviceId: string }>(
      await gateway.invoke('moveTag', { tagId: tag.tagId, toDeviceId: f.phones[1]!.deviceId, reason: 'verkeerd geplakt' }),
    );
    expect(moved.deviceId).toBe(f.phones[1]!.deviceId);
    value(await gateway.invoke('revokeDeviceTag', { tagId: tag.tagId, reason: 'kwijt' }));
    const events = f.s.listEvents({ limit: 4 }).events;
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['tag_revoked', f.office.staffId],
      ['tag_assigned', f.office.staffId],
      ['tag_assigned', f.office.staffId],
      ['device_registered', f.office.staffId],
    ]);
    expect(await gateway.invoke('revokeDeviceTag', { tagId: tag.tagId, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('a teacher cannot register devices; the office cannot enrol at the door', async () => {
    await unlockAs('teacher');
    expect(await gateway.invoke('registerDevice', { pupilId: f.pupils[0]!.pupilId, kind: 'other', description: '' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    });
    await unlockAs('office');
    expect(
      await gateway.invoke('enrolDevice', { code: 'NEW-1', pupilId: f.pupils[0]!.pupilId, kind: 'other', description: '' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
  });

  it('without an unlock nothing here is possible', async () => {
    expect(await gateway.invoke('listGroupDevices', {})).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    expect(
      await gateway.invoke('enrolDevice', { code: 'NEW-1', pupilId: f.pupils[0]!.pupilId, kind: 'other', description: '' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
  });

  it('the teacher who unlocked to enrol holds the device: registered, tagged and handed in by one call', async () => {
    await unlockAs('teacher');
    const out = value<{ device: { deviceId: string }; pupil: { roepnaam: string } }>(
      await gateway.invoke('enrolDevice', { code: 'EAN-5012345678900', pupilId: f.pupils[1]!.pupilId, kind: 'smartphone', description: 'Nokia' }),
    );
    expect(out.pupil.roepnaam).toBe('Kind2');
    expect(readCustody(f.core.db, out.device.deviceId)).toMatchObject({ held: true, custodian: `staff:${f.teacher.staffId}` });
    await gateway.invoke('lockStaff', {});
    expect(await gateway.invoke('scan', { code: 'EAN-5012345678900', mode: 'hand-in' })).toMatchObject({ ok: true, value: { repeat: true } });
  });

  it('a phone enrolled from an NFC reader’s UID gets an NFC tag, not a sticker; a sticker stays a sticker', async () => {
    await unlockAs('teacher');
    const nfc = value<{ device: { deviceId: string } }>(
      await gateway.invoke('enrolDevice', { code: '04A1B2C3D4E5F6', tagKind: 'nfc', pupilId: f.pupils[0]!.pupilId, kind: 'smartphone', description: '' }),
    );
    const sticker = value<{ device: { deviceId: string } }>(
      await gateway.invoke('enrolDevice', { code: 'EAN-4006381333931', pupilId: f.pupils[1]!.pupilId, kind: 'smartwatch', description: '' }),
    );
    const kindsOf = (deviceId: string) =>
      (f.core.db.prepare('SELECT kind FROM tags WHERE device_id = ?').all(deviceId) as { kind: string }[]).map((tag) => tag.kind);
    expect(kindsOf(nfc.device.deviceId)).toEqual(['nfc']);
    expect(kindsOf(sticker.device.deviceId)).toEqual(['device_sticker']);
    expect(await gateway.invoke('enrolDevice', { code: 'X-1', tagKind: 'pouch', pupilId: f.pupils[0]!.pupilId, kind: 'other', description: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
