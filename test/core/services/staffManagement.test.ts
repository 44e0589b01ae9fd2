import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRegistryTables } from '../../../src/core/registry/tables';
import { classFixture, codeOf, PINS, type ClassFixture } from '../support/custodyFixture';

describe('staff management by the office', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 1 });
  });
  afterEach(() => f.close());

  const lastEvent = () => f.s.listEvents({ limit: 1 }).events[0]!;

  it('the office adds a teacher, who can then unlock with her PIN', () => {
    const sanne = f.s.createStaff({ displayName: 'Juf Sanne', role: 'teacher', pin: '5071', actor: f.office.staffId });
    expect(f.s.loginStaff({ staffId: sanne.staffId, pin: '5071' }).staffId).toBe(sanne.staffId);
  });

  it('only an administrator makes or promotes an administrator', () => {
    expect(codeOf(() => f.s.createStaff({ displayName: 'X', role: 'admin', pin: '123456', actor: f.office.staffId }))).toBe('NOT_AUTHORISED');
    expect(codeOf(() => f.s.changeStaff(f.teacher.staffId, { role: 'admin' }, f.office.staffId))).toBe('NOT_AUTHORISED');
    expect(codeOf(() => f.s.createStaff({ displayName: 'X', role: 'teacher', pin: '1234', actor: f.teacher.staffId }))).toBe('NOT_AUTHORISED');
    expect(f.s.changeStaff(f.teacher.staffId, { role: 'admin' }, f.admin.staffId).role).toBe('admin');
  });

  it('a deactivated teacher can no longer unlock; the change is a chained event without any PIN', () => {
    f.s.changeStaff(f.teacher.staffId, { active: false }, f.office.staffId);
    expect(codeOf(() => f.s.loginStaff({ staffId: f.teacher.staffId, pin: PINS.teacher }))).toBe('UNKNOWN_STAFF');
    expect(lastEvent()).toMatchObject({ type: 'staff_changed', details: { change: 'changed', staffId: f.teacher.staffId, active: false } });
  });

  it('nobody can deactivate or demote the last active administrator, nor deactivate themselves', () => {
    const second = f.s.createStaff({ displayName: 'Tweede beheerder', role: 'admin', pin: '135791', actor: f.admin.staffId });
    expect(codeOf(() => f.s.changeStaff(f.admin.staffId, { active: false }, f.admin.staffId))).toBe('OWN_ACCOUNT');
    f.s.changeStaff(second.staffId, { active: false }, f.admin.staffId);
    expect(codeOf(() => f.s.changeStaff(f.admin.staffId, { role: 'office' }, 'system'))).toBe('LAST_ADMIN');
    expect(codeOf(() => f.s.changeStaff(f.admin.staffId, { active: false }, 'system'))).toBe('LAST_ADMIN');
  });

  it('the office resets a teacher’s forgotten PIN; the event carries no PIN and no hash', () => {
    f.s.resetStaffPin(f.teacher.staffId, '8642', f.office.staffId);
    expect(f.s.loginStaff({ staffId: f.teacher.staffId, pin: '8642' }).staffId).toBe(f.teacher.staffId);
    expect(codeOf(() => f.s.loginStaff({ staffId: f.teacher.staffId, pin: PINS.teacher }))).toBe('PIN_WRONG');
    const reset = f.s.listEvents({ limit: 5 }).events.find((e) => e.type === 'staff_changed')!;
    expect(reset).toMatchObject({ actor: f.office.staffId, details: { change: 'pin_reset', staffId: f.teacher.staffId } });
    const stored = JSON.stringify(f.core.db.prepare('SELECT * FROM ledger_events').all()) + JSON.stringify(f.core.db.prepare('SELECT * FROM ledger_payloads').all());
    expect(stored).not.toContain('8642');
    expect(stored).not.toContain('scrypt');
  });

  it('only an administrator resets an administrator’s PIN, and a reset follows the role’s minimum length', () => {
    expect(codeOf(() => f.s.resetStaffPin(f.admin.staffId, '112233', f.office.staffId))).toBe('NOT_AUTHORISED');
    expect(codeOf(() => f.s.resetStaffPin(f.office.staffId, '1122', f.admin.staffId))).toBe('PIN_TOO_SHORT');
    expect(codeOf(() => f.s.resetStaffPin(f.admin.staffId, '112233', f.admin.staffId))).toBe('OWN_ACCOUNT');
  });

  it('a PIN reset ends a lock-out', () => {
    for (let i = 0; i < 6; i++) codeOf(() => f.s.verifyPin(f.teacher.staffId, '0000'));
    f.s.resetStaffPin(f.teacher.staffId, '8642', f.office.staffId);
    expect(f.s.verifyPin(f.teacher.staffId, '8642').staffId).toBe(f.teacher.staffId);
  });

  it('everyone changes their own PIN with the current one; a wrong current PIN counts as a wrong PIN', () => {
    expect(codeOf(() => f.s.changeOwnPin({ staffId: f.teacher.staffId, currentPin: '0000', newPin: '2580' }))).toBe('PIN_WRONG');
    f.s.changeOwnPin({ staffId: f.teacher.staffId, currentPin: PINS.teacher, newPin: '2580' });
    expect(f.s.verifyPin(f.teacher.staffId, '2580').staffId).toBe(f.teacher.staffId);
    expect(lastEvent()).toMatchObject({ type: 'staff_changed', actor: f.teacher.staffId, details: { change: 'pin_changed' } });
    expect(codeOf(() => f.s.changeOwnPin({ staffId: f.office.staffId, currentPin: PINS.office, newPin: '2580' }))).toBe('PIN_TOO_SHORT');
  });

  it('a teacher promoted to office with a 4-digit PIN still gets in, and is asked to choose a longer PIN', () => {
    f.s.changeStaff(f.teacher.staffId, { role: 'office' }, f.office.staffId);
    expect(f.s.loginStaff({ staffId: f.teacher.staffId, pin: PINS.teacher })).toMatchObject({ role: 'office', pinChangeRequired: true });
    f.s.changeOwnPin({ staffId: f.teacher.staffId, currentPin: PINS.teacher, newPin: '258025' });
    expect(f.s.loginStaff({ staffId: f.teacher.staffId, pin: '258025' }).pinChangeRequired).toBe(false);
  });

  it('after every kind of change the staff table is still the fold of its events', () => {
    const sanne = f.s.createStaff({ displayName: 'Juf Sanne', role: 'teacher', pin: '5071', actor: f.office.staffId });
    f.s.changeStaff(sanne.staffId, { role: 'office' }, f.admin.staffId);
    f.s.resetStaffPin(sanne.staffId, '507150', f.admin.staffId);
    f.s.clearStaffLock(sanne.staffId, f.admin.staffId);
    f.s.changeOwnPin({ staffId: sanne.staffId, currentPin: '507150', newPin: '507151' });
    f.s.changeStaff(sanne.staffId, { active: false }, f.office.staffId);
    const check = f.reopen();
    f = check;
    expect(check.core.problem).toBeNull();
    expect(readRegistryTables(check.core.db).staff.get(sanne.staffId)).toEqual({ role: 'office', active: false, displayName: 'Juf Sanne' });
  });
});
