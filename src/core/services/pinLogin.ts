import { AppError } from '../../shared/errors';
import { appendEvent } from '../ledger/append';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { afterWrongPin, attemptsLeft, secondsLocked, type PinAttempts } from './lockout';
import { assertPinFormat, checkPin, minPinLength } from './pin';
import { readAttempts, writeAttempts } from './pinAttempts';
import { staffRow, summary, type StaffSummary } from './staff';

function wrongPin(after: PinAttempts, now: Date): AppError {
  const retryAfterSeconds = secondsLocked(after, now);
  if (retryAfterSeconds > 0) return new AppError('PIN_LOCKED', { retryAfterSeconds });
  return new AppError('PIN_WRONG', { attemptsLeft: attemptsLeft(after) });
}

/**
 * Checks one named staff member's PIN (a login after choosing one's name, a witness, a PIN
 * change). Wrong PINs count against that account only (see lockout.ts); while it is locked the
 * PIN is not even checked. The attempt is written as a failure *before* the PIN is checked and
 * taken back only when it was right, so killing the app mid-check gives no free guess.
 */
export function verifyPin(ctx: ServiceContext, staffId: string, pin: string): StaffSummary {
  assertPinFormat(pin);
  const row = staffRow(ctx, staffId);
  if (!row || row.active !== 1) throw new AppError('UNKNOWN_STAFF');
  const now = ctx.now();
  const before = readAttempts(ctx.db, staffId);
  const wait = secondsLocked(before, now);
  if (wait > 0) throw new AppError('PIN_LOCKED', { retryAfterSeconds: wait });
  const after = afterWrongPin(before, now);
  writeAttempts(ctx.db, staffId, after);
  if (!checkPin(pin, row.pin_hash)) throw wrongPin(after, now);
  writeAttempts(ctx.db, staffId, before);
  return summary(row);
}

export interface LoginResult extends StaffSummary {
  /** The PIN is shorter than the role now asks for (set before the rule, or a promotion): change it. */
  pinChangeRequired: boolean;
}

/**
 * Unlocks the kiosk for a chosen staff member and records the login. With the ledger read-only
 * the login still works, unrecorded: staff must be able to look and export.
 */
export function loginStaff(ctx: ServiceContext, input: { staffId: string; pin: string }): LoginResult {
  const staff = verifyPin(ctx, input.staffId, input.pin);
  if (ctx.problem() === null) {
    writeTransaction(ctx, () =>
      appendEvent(ledgerWriter(ctx), { type: 'staff_login', actor: staff.staffId, details: { role: staff.role } }),
    );
  }
  return { ...staff, pinChangeRequired: input.pin.length < minPinLength(staff.role) };
}
