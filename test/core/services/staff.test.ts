import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPin, hashPin, lockoutSeconds } from '../../../src/core/services/pin';
import { classFixture, codeOf, errorOf, PINS, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

describe('staff PINs', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 1 });
  });
  afterEach(() => f.close());

  it('are stored as salted scrypt hashes, never as the PIN', () => {
    const rows = f.core.db.prepare('SELECT pin_hash FROM staff').all() as { pin_hash: string }[];
    for (const { pin_hash } of rows) {
      expect(pin_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(Object.values(PINS).some((pin) => pin_hash.includes(pin))).toBe(false);
    }
    const a = hashPin('1234', TEST_PIN_COST);
    const b = hashPin('1234', TEST_PIN_COST);
    expect(a).not.toBe(b);
    expect(checkPin('1234', a) && checkPin('1234', b)).toBe(true);
    expect(checkPin('1235', a)).toBe(false);
  });

  it('unlock by PIN alone finds the staff member and records a login', () => {
    expect(f.s.loginStaff({ pin: PINS.teacher })).toEqual({ staffId: f.teacher.staffId, displayName: 'Juf Anna', role: 'teacher' });
    const last = f.s.listEvents({ limit: 1 }).events[0]!;
    expect(last).toMatchObject({ type: 'staff_login', actor: f.teacher.staffId });
  });

  it('a PIN already used by someone else is refused, so PIN-only unlock is unambiguous', () => {
    expect(codeOf(() => f.s.createStaff({ displayName: 'X', role: 'teacher', pin: PINS.teacher, actor: f.admin.staffId }))).toBe('PIN_TAKEN');
  });

  it('only an admin registers staff', () => {
    expect(codeOf(() => f.s.createStaff({ displayName: 'X', role: 'admin', pin: '4444', actor: f.teacher.staffId }))).toBe('NOT_AUTHORISED');
  });

  it('back off after repeated wrong PINs: locked with the seconds to wait, doubling, reset by success', () => {
    const id = f.teacher.staffId;
    for (let i = 1; i <= 4; i++) expect(errorOf(() => f.s.verifyPin(id, '0000'))).toMatchObject({ code: 'PIN_WRONG' });
    expect(errorOf(() => f.s.verifyPin(id, '0000'))).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 30 } });
    // While locked even the right PIN is not checked.
    f.clock.advance(10_000);
    expect(errorOf(() => f.s.verifyPin(id, PINS.teacher))).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 20 } });
    f.clock.advance(20_000);
    expect(errorOf(() => f.s.verifyPin(id, '0000'))).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 60 } });
    f.clock.advance(60_000);
    expect(f.s.verifyPin(id, PINS.teacher).staffId).toBe(id);
    expect(errorOf(() => f.s.verifyPin(id, '0000'))).toMatchObject({ code: 'PIN_WRONG' });
  });

  it('the lockout survives a restart of the app', () => {
    for (let i = 0; i < 5; i++) codeOf(() => f.s.verifyPin(f.teacher.staffId, '0000'));
    const again = f.reopen();
    f = again;
    expect(codeOf(() => again.s.verifyPin(again.teacher.staffId, PINS.teacher))).toBe('PIN_LOCKED');
  });

  it('wrong PINs on the anonymous pad lock the pad, not an account', () => {
    for (let i = 0; i < 4; i++) expect(codeOf(() => f.s.unlockWithPin('0001'))).toBe('PIN_WRONG');
    expect(codeOf(() => f.s.unlockWithPin('0001'))).toBe('PIN_LOCKED');
    expect(codeOf(() => f.s.unlockWithPin(PINS.teacher))).toBe('PIN_LOCKED');
    expect(f.s.verifyPin(f.teacher.staffId, PINS.teacher).staffId).toBe(f.teacher.staffId);
    f.clock.advance(31_000);
    expect(f.s.unlockWithPin(PINS.teacher).staffId).toBe(f.teacher.staffId);
  });

  it('the back-off grows from 30 s and is capped at 15 minutes', () => {
    expect([4, 5, 6, 7, 20].map(lockoutSeconds)).toEqual([0, 30, 60, 120, 900]);
  });

  it('refuses malformed PINs before hashing anything', () => {
    expect(codeOf(() => f.s.verifyPin(f.teacher.staffId, '12'))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => f.s.unlockWithPin('12345678901'))).toBe('INVALID_ARGUMENT');
  });
});
