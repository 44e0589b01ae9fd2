import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

describe('the staff methods through the contract gateway', () => {
  let f: ClassFixture;
  let gateway: Gateway;
  beforeEach(() => {
    f = classFixture({ size: 1 });
    gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined }), {
      onInternalError: (method, error) => {
        throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
      },
    });
  });
  afterEach(() => f.close());

  const unlockAs = (who: 'teacher' | 'office' | 'admin') => gateway.invoke('unlockStaff', { staffId: f[who].staffId, pin: PINS[who] });

  it('the door sees the names to choose from, and nothing else about the accounts', async () => {
    const result = await gateway.invoke('listStaffNames', {});
    expect(result).toMatchObject({ ok: true });
    const staff = (result as { value: { staff: Record<string, unknown>[] } }).value.staff;
    expect(staff.map((s) => s.displayName).sort()).toEqual(['Administratie', 'Beheerder', 'Juf Anna', 'Meester Bas']);
    for (const s of staff) expect(Object.keys(s).sort()).toEqual(['displayName', 'staffId']);
  });

  it('a teacher cannot manage staff; the office can, and the actor is the one who unlocked', async () => {
    await unlockAs('teacher');
    expect(await gateway.invoke('listStaffAccounts', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    await unlockAs('office');
    const added = await gateway.invoke('addStaff', { displayName: 'Juf Sanne', role: 'teacher', pin: '5071' });
    expect(added).toMatchObject({ ok: true, value: { displayName: 'Juf Sanne', role: 'teacher', active: true, lockedSeconds: 0 } });
    expect(f.s.listEvents({ limit: 1 }).events[0]).toMatchObject({ type: 'staff_changed', actor: f.office.staffId });
    expect(await gateway.invoke('addStaff', { displayName: 'X', role: 'admin', pin: '123456' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    });
  });

  it('every unlocked staff member changes only their own PIN, and needs the current one', async () => {
    await unlockAs('teacher');
    expect(await gateway.invoke('changeOwnPin', { currentPin: '0000', newPin: '2580' })).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } });
    expect(await gateway.invoke('changeOwnPin', { currentPin: PINS.teacher, newPin: '2580' })).toEqual({ ok: true, value: { changed: true } });
    expect(f.s.verifyPin(f.teacher.staffId, '2580').staffId).toBe(f.teacher.staffId);
    await gateway.invoke('lockStaff', { endDuty: true });
    expect(await gateway.invoke('changeOwnPin', { currentPin: '2580', newPin: '1357' })).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
  });

  it('no unlock by PIN alone: the name is part of the call', async () => {
    expect(await gateway.invoke('unlockStaff', { pin: PINS.teacher })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
