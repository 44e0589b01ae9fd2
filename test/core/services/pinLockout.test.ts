import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, lockoutSeconds } from '../../../src/core/services/lockout';
import { classFixture, codeOf, errorOf, PINS, type ClassFixture } from '../support/custodyFixture';

const MINUTE = 60_000;

describe('the PIN lock-out, per account', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 1 });
  });
  afterEach(() => f.close());

  const wrong = (staffId: string) => errorOf(() => f.s.verifyPin(staffId, '0000'));

  it('five wrong PINs are free, then the account waits 1, 5, 15 and at most 60 minutes', () => {
    const id = f.teacher.staffId;
    for (let left = FREE_ATTEMPTS - 1; left > 0; left--) expect(wrong(id)).toMatchObject({ code: 'PIN_WRONG', details: { attemptsLeft: left } });
    expect(wrong(id)).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 60 } });
    // While locked even the right PIN is not checked.
    f.clock.advance(10_000);
    expect(errorOf(() => f.s.verifyPin(id, PINS.teacher))).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 50 } });
    f.clock.advance(50_000);
    expect(wrong(id)).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 300 } });
    f.clock.advance(5 * MINUTE);
    expect(wrong(id)).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 900 } });
    f.clock.advance(15 * MINUTE);
    expect(wrong(id)).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 3600 } });
    f.clock.advance(60 * MINUTE);
    expect(wrong(id)).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 3600 } });
    expect([4, 5, 6, 7, 8, 50].map((n) => lockoutSeconds(n))).toEqual([0, 60, 300, 900, 3600, 3600]);
  });

  it('a teacher’s correct PIN does not reset the admin’s wrong-PIN count', () => {
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) wrong(f.admin.staffId);
    expect(f.s.loginStaff({ staffId: f.teacher.staffId, pin: PINS.teacher }).staffId).toBe(f.teacher.staffId);
    expect(wrong(f.admin.staffId)).toMatchObject({ code: 'PIN_LOCKED' });
  });

  it('a correct PIN does not hand the free attempts back: an outsider gets no fresh guesses from each login', () => {
    const id = f.teacher.staffId;
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) wrong(id);
    expect(f.s.verifyPin(id, PINS.teacher).staffId).toBe(id);
    expect(wrong(id)).toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 60 } });
  });

  it('the count starts again a day after the first wrong PIN of the window', () => {
    const id = f.teacher.staffId;
    for (let i = 0; i < FREE_ATTEMPTS; i++) wrong(id);
    f.clock.advance(24 * 60 * MINUTE);
    expect(wrong(id)).toMatchObject({ code: 'PIN_WRONG', details: { attemptsLeft: FREE_ATTEMPTS - 1 } });
  });

  it('a pupil locking one teacher locks only her: a colleague and the admin still unlock', () => {
    for (let i = 0; i < FREE_ATTEMPTS + 1; i++) wrong(f.teacher.staffId);
    expect(codeOf(() => f.s.verifyPin(f.teacher.staffId, PINS.teacher))).toBe('PIN_LOCKED');
    expect(f.s.verifyPin(f.witness.staffId, PINS.witness).staffId).toBe(f.witness.staffId);
    expect(f.s.verifyPin(f.admin.staffId, PINS.admin).staffId).toBe(f.admin.staffId);
  });

  it('the office clears a lock-out at once, and that is recorded', () => {
    for (let i = 0; i < FREE_ATTEMPTS + 2; i++) wrong(f.teacher.staffId);
    expect(f.s.listStaffAccounts().find((a) => a.staffId === f.teacher.staffId)?.lockedSeconds).toBe(60);
    f.s.clearStaffLock(f.teacher.staffId, f.office.staffId);
    expect(f.s.verifyPin(f.teacher.staffId, PINS.teacher).staffId).toBe(f.teacher.staffId);
    expect(f.s.listEvents({ limit: 1 }).events[0]).toMatchObject({
      type: 'staff_changed',
      actor: f.office.staffId,
      details: { change: 'lock_cleared', staffId: f.teacher.staffId },
    });
  });

  it('the lock-out survives a restart of the app', () => {
    for (let i = 0; i < FREE_ATTEMPTS; i++) codeOf(() => f.s.verifyPin(f.teacher.staffId, '0000'));
    const again = f.reopen();
    f = again;
    expect(codeOf(() => again.s.verifyPin(again.teacher.staffId, PINS.teacher))).toBe('PIN_LOCKED');
  });

  it('the attempt is counted before the PIN is checked, so a crash during the check gives no free guess', () => {
    const id = f.teacher.staffId;
    const failures = () => (f.core.db.prepare('SELECT failed_attempts AS n FROM staff WHERE staff_id = ?').get(id) as { n: number }).n;
    // A hash that throws stands in for the process dying inside scrypt: what is on disk by then counts.
    f.core.db.prepare("UPDATE staff SET pin_hash = 'scrypt$1$8$1$AAAA$AAAA' WHERE staff_id = ?").run(id);
    expect(() => f.s.verifyPin(id, '0000')).toThrow();
    expect(failures()).toBe(1);
  });

  it('a witness’s wrong PIN counts against the witness, like a login', () => {
    for (let i = 0; i < FREE_ATTEMPTS; i++) wrong(f.witness.staffId);
    expect(codeOf(() => f.s.verifyPin(f.witness.staffId, PINS.witness))).toBe('PIN_LOCKED');
  });
});

describe('what a patient attacker gets from the door, per account (the README’s figures)', () => {
  it('about 31 guesses a day, and at most 60 minutes locked per wrong PIN', () => {
    const f = classFixture({ size: 1 });
    try {
      const id = f.teacher.staffId;
      const days = 7;
      const end = f.clock.now().getTime() + days * 24 * 60 * MINUTE;
      let guesses = 0;
      let longestLock = 0;
      while (f.clock.now().getTime() < end) {
        const e = errorOf(() => f.s.verifyPin(id, '0000'));
        if (e.code === 'PIN_LOCKED' && e.details && 'retryAfterSeconds' in e.details) {
          const seconds = Number(e.details.retryAfterSeconds);
          longestLock = Math.max(longestLock, seconds);
          // Each answer was a real check unless the account was already locked; then wait it out.
          f.clock.advance(seconds * 1000);
        }
        guesses++;
      }
      expect(longestLock).toBe(3600);
      console.log(`lock-out figures: ${guesses} guesses in ${days} days = ${(guesses / days).toFixed(1)} a day`);
      expect(guesses / days).toBeGreaterThan(25);
      expect(guesses / days).toBeLessThan(35);
    } finally {
      f.close();
    }
  });
});
