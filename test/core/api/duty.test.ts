import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

/** Who is on duty decides who holds what pupils hand in at the door. */
describe('who is on duty', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  beforeEach(() => {
    f = classFixture({ size: 3 });
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }));
  });
  afterEach(() => f.close());

  const call = async (method: string, args: object = {}) => {
    const result = await gateway.invoke(method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}`);
    return result.value;
  };
  const custodianOfHandIn = async (code: string) =>
    ((await call('scan', { code, mode: 'hand-in' })) as { event: { custodian: string } }).event.custodian;

  it('a teacher who unlocks goes on duty and holds what is handed in after that', async () => {
    await call('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    await call('lockStaff', {});
    expect(await call('getSession')).toMatchObject({ onDuty: { staffId: f.teacher.staffId }, unlocked: null });
    expect(await custodianOfHandIn('STK-1')).toBe(`staff:${f.teacher.staffId}`);
  });

  it('an administrator opening the settings does not go on duty, nor ends the teacher’s duty', async () => {
    await call('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    await call('lockStaff', {});
    await call('unlockStaff', { staffId: f.admin.staffId, pin: PINS.admin });
    await call('updateSettings', { patch: { returnModeAt: '14:30' } });
    expect(await call('getSession')).toMatchObject({ onDuty: { staffId: f.teacher.staffId }, unlocked: { staffId: f.admin.staffId } });
    expect(await custodianOfHandIn('STK-1')).toBe(`staff:${f.teacher.staffId}`);
    await call('lockStaff', {});
    expect(await custodianOfHandIn('STK-2')).toBe(`staff:${f.teacher.staffId}`);
  });

  it('office work does not put anyone on duty: with no teacher on duty the pouch’s place holds it', async () => {
    await call('unlockStaff', { staffId: f.office.staffId, pin: PINS.office });
    expect(await call('getSession')).toMatchObject({ onDuty: null, unlocked: { staffId: f.office.staffId } });
    expect(await custodianOfHandIn('STK-1')).toBe(`location:${f.bag.locationId}`);
  });

  it('another teacher who unlocks takes over the duty', async () => {
    await call('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    await call('unlockStaff', { staffId: f.witness.staffId, pin: PINS.witness });
    expect(await call('getSession')).toMatchObject({ onDuty: { staffId: f.witness.staffId } });
    expect(await custodianOfHandIn('STK-1')).toBe(`staff:${f.witness.staffId}`);
  });

  it('a staff member the office deactivates loses the unlock at once', async () => {
    await call('unlockStaff', { staffId: f.witness.staffId, pin: PINS.witness });
    f.core.db.prepare('UPDATE staff SET active = 0 WHERE staff_id = ?').run(f.witness.staffId);
    expect(await gateway.invoke('listCustody', {})).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    expect(await call('getSession')).toMatchObject({ unlocked: null });
  });
});
