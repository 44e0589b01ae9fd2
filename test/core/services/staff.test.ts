import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPin, hashPin } from '../../../src/core/services/pin';
import { classFixture, codeOf, errorOf, PINS, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

describe('staff PINs', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 1 });
  });
  afterEach(() => f.close());

  it('are stored as salted scrypt hashes, never as the PIN, and with no hint of the PIN beside them', () => {
    const rows = f.core.db.prepare('SELECT * FROM staff').all() as Record<string, unknown>[];
    for (const row of rows) {
      expect(row.pin_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(Object.values(PINS).some((pin) => String(row.pin_hash).includes(pin))).toBe(false);
      expect(Object.keys(row)).not.toContain('pin_hint');
    }
    const a = hashPin('1234', TEST_PIN_COST);
    const b = hashPin('1234', TEST_PIN_COST);
    expect(a).not.toBe(b);
    expect(checkPin('1234', a) && checkPin('1234', b)).toBe(true);
    expect(checkPin('1235', a)).toBe(false);
  });

  it('a login names the account, and is recorded', () => {
    expect(f.s.loginStaff({ staffId: f.teacher.staffId, pin: PINS.teacher })).toEqual({
      staffId: f.teacher.staffId,
      displayName: 'Juf Anna',
      role: 'teacher',
      pinChangeRequired: false,
    });
    const last = f.s.listEvents({ limit: 1 }).events[0]!;
    expect(last).toMatchObject({ type: 'staff_login', actor: f.teacher.staffId });
  });

  it('another account’s PIN does not open this one, even when it is right for the other', () => {
    expect(codeOf(() => f.s.loginStaff({ staffId: f.admin.staffId, pin: PINS.teacher }))).toBe('PIN_WRONG');
  });

  it('two people may have the same PIN: the name chosen first decides whose it is', () => {
    const twin = f.s.createStaff({ displayName: 'Juf Bea', role: 'teacher', pin: PINS.teacher, actor: f.admin.staffId });
    expect(f.s.loginStaff({ staffId: twin.staffId, pin: PINS.teacher }).staffId).toBe(twin.staffId);
    expect(f.s.loginStaff({ staffId: f.teacher.staffId, pin: PINS.teacher }).staffId).toBe(f.teacher.staffId);
  });

  it('office and administrator PINs have at least 6 digits; a teacher’s at least 4', () => {
    const by = f.admin.staffId;
    expect(errorOf(() => f.s.createStaff({ displayName: 'X', role: 'office', pin: '12345', actor: by }))).toMatchObject({
      code: 'PIN_TOO_SHORT',
      details: { minLength: 6 },
    });
    expect(codeOf(() => f.s.createStaff({ displayName: 'X', role: 'admin', pin: '1234', actor: by }))).toBe('PIN_TOO_SHORT');
    expect(f.s.createStaff({ displayName: 'X', role: 'teacher', pin: '4321', actor: by }).role).toBe('teacher');
  });

  it('refuses malformed PINs before hashing anything', () => {
    expect(codeOf(() => f.s.verifyPin(f.teacher.staffId, '12'))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => f.s.verifyPin(f.teacher.staffId, '12345678901'))).toBe('INVALID_ARGUMENT');
  });
});
