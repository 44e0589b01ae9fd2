import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

describe('a PIN shorter than the role now asks', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  beforeEach(() => {
    f = classFixture({ size: 1 });
    // A teacher promoted to the office keeps her 4-digit PIN; the office role asks for 6.
    f.s.changeStaff(f.witness.staffId, { role: 'office' }, f.admin.staffId);
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }));
  });
  afterEach(() => f.close());

  it('opens nothing but "change my PIN" in the core itself, whatever client calls', async () => {
    const unlocked = await gateway.invoke('unlockStaff', { staffId: f.witness.staffId, pin: PINS.witness });
    expect(unlocked).toMatchObject({ ok: true, value: { role: 'office', pinChangeRequired: true } });
    expect(await gateway.invoke('listStaffAccounts', {})).toMatchObject({ ok: false, error: { code: 'PIN_CHANGE_REQUIRED', details: { minLength: 6 } } });
    expect(await gateway.invoke('exportLog', { format: 'csv', from: '2026-11-01', to: '2026-11-30' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_CHANGE_REQUIRED' },
    });
    // The door's own calls still work: a pupil at the door is not kept waiting.
    expect(await gateway.invoke('scan', { code: 'STK-1', mode: 'hand-in' })).toMatchObject({ ok: true });
    expect(await gateway.invoke('changeOwnPin', { currentPin: PINS.witness, newPin: '4815162' })).toEqual({ ok: true, value: { changed: true } });
    expect(await gateway.invoke('listStaffAccounts', {})).toMatchObject({ ok: true });
  });

  it('asks again at the next unlock with the short PIN, and not once it is long enough', async () => {
    await gateway.invoke('unlockStaff', { staffId: f.witness.staffId, pin: PINS.witness });
    await gateway.invoke('lockStaff', {});
    await gateway.invoke('unlockStaff', { staffId: f.witness.staffId, pin: PINS.witness });
    expect(await gateway.invoke('listStaffAccounts', {})).toMatchObject({ ok: false, error: { code: 'PIN_CHANGE_REQUIRED' } });
    await gateway.invoke('changeOwnPin', { currentPin: PINS.witness, newPin: '4815162' });
    await gateway.invoke('lockStaff', {});
    const again = await gateway.invoke('unlockStaff', { staffId: f.witness.staffId, pin: '4815162' });
    expect(again).toMatchObject({ ok: true, value: { pinChangeRequired: false } });
    expect(await gateway.invoke('listStaffAccounts', {})).toMatchObject({ ok: true });
  });

  it('a teacher with a 4-digit PIN is not asked: that is long enough for a teacher', async () => {
    await gateway.invoke('unlockStaff', { staffId: f.teacher.staffId, pin: PINS.teacher });
    expect(await gateway.invoke('listCustody', {})).toMatchObject({ ok: true });
  });
});
