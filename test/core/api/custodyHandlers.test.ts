import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

describe('the custody methods through the contract gateway', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  let exits: number;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    exits = 0;
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => void exits++ }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
  });
  afterEach(() => f.close());

  it('a scan at the door returns what the screen shows', async () => {
    const result = await gateway.invoke('scan', { code: 'STK-1', mode: 'hand-in' });
    expect(result).toMatchObject({ ok: true, value: { repeat: false, pupil: { roepnaam: 'Kind1' }, pouch: { number: 1 } } });
  });

  it('an unknown sticker comes back as a typed error with both languages', async () => {
    const result = await gateway.invoke('scan', { code: 'NOPE', mode: 'hand-in' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TAG', message: { nl: expect.any(String), en: expect.any(String) } } });
  });

  it('unlockStaff returns a summary without any PIN hash', async () => {
    const result = await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    expect(result).toEqual({ ok: true, value: { staffId: f.teacher.staffId, displayName: 'Juf Anna', role: 'teacher', pinChangeRequired: false } });
    expect(JSON.stringify(result)).not.toContain('scrypt');
  });

  it('staff methods need a PIN unlock first, and the screen cannot name an actor itself', async () => {
    expect(await gateway.invoke('listCustody', {})).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    // Naming a teacher does not get a locked screen in, nor an unlocked one a different actor.
    expect(await gateway.invoke('listCustody', { staffId: f.teacher.staffId })).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    await gateway.invoke('unlockStaff', { staffId: f.witness.staffId, pin: PINS.witness });
    const claimed = await gateway.invoke('listCustody', { staffId: f.teacher.staffId });
    expect(claimed).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('lists custody, events, pupils and devices for an unlocked teacher', async () => {
    await gateway.invoke('scan', { code: 'STK-2', mode: 'hand-in' });
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    expect(await gateway.invoke('listCustody', {})).toMatchObject({ ok: true, value: { items: [{ pouchNumber: 2 }] } });
    expect(await gateway.invoke('listEvents', { limit: 1 })).toMatchObject({ ok: true, value: { events: [{ type: 'staff_login' }] } });
    expect(await gateway.invoke('listPupils', { groep: '7B' })).toMatchObject({ ok: true, value: { pupils: [{}, {}] } });
    expect(await gateway.invoke('listDevices', {})).toMatchObject({ ok: true, value: { devices: [{}, {}] } });
    expect(await gateway.invoke('verifyLedger', {})).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('the teacher on duty holds what pupils hand in, also after the staff screens lock', async () => {
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    expect(await gateway.invoke('lockStaff', {})).toMatchObject({
      ok: true,
      value: { onDuty: { staffId: f.teacher.staffId }, unlocked: null },
    });
    const result = await gateway.invoke('scan', { code: 'STK-1', mode: 'hand-in' });
    expect(result).toMatchObject({ ok: true, value: { event: { actor: 'pupil', custodian: `staff:${f.teacher.staffId}` } } });
    await gateway.invoke('lockStaff', { endDuty: true });
    expect(await gateway.invoke('getSession', {})).toEqual({ ok: true, value: { onDuty: null, unlocked: null } });
    expect(await gateway.invoke('listCustody', {})).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
  });

  it('a correction through the gateway voids the event it names', async () => {
    const scan = await gateway.invoke('scan', { code: 'STK-1', mode: 'hand-in' });
    const seq = (scan as { value: { event: { seq: number } } }).value.event.seq;
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    const result = await gateway.invoke('correct', { seq, reason: 'fout gescand' });
    expect(result).toMatchObject({ ok: true, value: { event: { type: 'corrected', voidsSeq: seq }, voided: { seq } } });
  });

  it('exitKiosk needs an administrator’s PIN and is recorded', async () => {
    expect(await gateway.invoke('exitKiosk', { staffId: f.teacher.staffId, pin: PINS.teacher })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await gateway.invoke('exitKiosk', { staffId: f.admin.staffId, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
    expect(exits).toBe(0);
    expect(await gateway.invoke('exitKiosk', { staffId: f.admin.staffId, pin: PINS.admin })).toEqual({ ok: true, value: { exiting: true } });
    expect(exits).toBe(1);
    expect(f.s.listEvents({ limit: 1 }).events[0]).toMatchObject({ type: 'kiosk_exited', actor: f.admin.staffId });
  });

  it('a confiscation with a wrong witness PIN is refused', async () => {
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    const result = await gateway.invoke('confiscate', {
      deviceId: f.phones[0]!.deviceId,
      reason: 'gebruik in de les',
      witnessStaffId: f.witness.staffId,
      witnessPin: '0000',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
  });
});
