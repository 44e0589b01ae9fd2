import { AppError } from '../../shared/errors';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { staffEvent, type StaffChange } from '../registry/drafts';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { noAttempts } from './lockout';
import { DEFAULT_PIN_COST, assertNewPin, hashPin } from './pin';
import { writeAttempts } from './pinAttempts';
import { verifyPin } from './pinLogin';
import { requireStaffManager, staffRoles, staffRow, type StaffAccount, type StaffRole, type StaffRow } from './staff';

function activeAdmins(ctx: ServiceContext): number {
  return prepared<{ n: number }>(ctx.db, "SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1").get()?.n ?? 0;
}

/** The account someone else manages: never one's own here (that is `changeOwnPin`). */
function managedRow(ctx: ServiceContext, staffId: string, actor: Actor): StaffRow {
  const row = staffRow(ctx, staffId);
  if (!row) throw new AppError('UNKNOWN_STAFF');
  if (actor === staffId) throw new AppError('OWN_ACCOUNT');
  return row;
}

function record(ctx: ServiceContext, change: StaffChange, row: StaffRow, actor: Actor): StaffAccount {
  const staffId = row.staff_id;
  const active = row.active === 1;
  appendEvent(ledgerWriter(ctx), staffEvent(change, { staffId, role: row.role, active }, null, { actor }));
  return { staffId, displayName: row.display_name, role: row.role, active, lockedSeconds: 0 };
}

/**
 * Gives a staff member another role, or deactivates one who left (or brings them back). Recorded
 * as `staff_changed` with the role and whether they are active: a role decides who may
 * confiscate, witness and register, so it is checked against the ledger like a tag. The kiosk
 * always keeps an active administrator, and nobody changes their own account this way.
 */
export function changeStaff(
  ctx: ServiceContext,
  staffId: string,
  change: { role?: StaffRole; active?: boolean },
  actor: Actor,
): StaffAccount {
  if (change.role !== undefined && !staffRoles.includes(change.role)) throw new AppError('INVALID_ARGUMENT', { field: 'role' });
  return writeTransaction(ctx, () => {
    const row = managedRow(ctx, staffId, actor);
    const role = change.role ?? row.role;
    const active = change.active ?? row.active === 1;
    requireStaffManager(ctx, actor, row.role === 'admin' || role === 'admin');
    const losesAdmin = row.role === 'admin' && row.active === 1 && (role !== 'admin' || !active);
    if (losesAdmin && activeAdmins(ctx) <= 1) throw new AppError('LAST_ADMIN');
    prepared(ctx.db, 'UPDATE staff SET role = ?, active = ? WHERE staff_id = ?').run(role, active ? 1 : 0, staffId);
    return record(ctx, 'changed', { ...row, role, active: active ? 1 : 0 }, actor);
  });
}

/**
 * The office sets a new PIN for someone who forgot theirs (only an administrator for an
 * administrator). It also ends any lock-out: this is how a teacher kept out by someone else's
 * guessing gets back in at once. The event says a reset happened; the PIN stays in the staff row.
 */
export function resetStaffPin(ctx: ServiceContext, staffId: string, pin: string, actor: Actor): StaffAccount {
  const target = staffRow(ctx, staffId);
  if (!target) throw new AppError('UNKNOWN_STAFF');
  assertNewPin(pin, target.role);
  const pinHash = hashPin(pin, ctx.pinCost ?? DEFAULT_PIN_COST);
  return writeTransaction(ctx, () => {
    const row = managedRow(ctx, staffId, actor);
    requireStaffManager(ctx, actor, row.role === 'admin');
    // The hash was made for the role read before the lock; a role changed meanwhile is checked again.
    assertNewPin(pin, row.role);
    prepared(ctx.db, 'UPDATE staff SET pin_hash = ? WHERE staff_id = ?').run(pinHash, staffId);
    writeAttempts(ctx.db, staffId, noAttempts);
    return record(ctx, 'pin_reset', row, actor);
  });
}

/** Ends a lock-out without touching the PIN: the teacher who was pranked at the door gets back in. */
export function clearStaffLock(ctx: ServiceContext, staffId: string, actor: Actor): StaffAccount {
  return writeTransaction(ctx, () => {
    const row = managedRow(ctx, staffId, actor);
    requireStaffManager(ctx, actor, row.role === 'admin');
    writeAttempts(ctx.db, staffId, noAttempts);
    return record(ctx, 'lock_cleared', row, actor);
  });
}

/**
 * Any staff member changes their own PIN with their current one. A wrong current PIN counts
 * against the account like any other, so this is no way around the lock-out.
 */
export function changeOwnPin(ctx: ServiceContext, input: { staffId: string; currentPin: string; newPin: string }): StaffAccount {
  const staff = verifyPin(ctx, input.staffId, input.currentPin);
  assertNewPin(input.newPin, staff.role);
  const pinHash = hashPin(input.newPin, ctx.pinCost ?? DEFAULT_PIN_COST);
  return writeTransaction(ctx, () => {
    const row = staffRow(ctx, input.staffId);
    if (!row || row.active !== 1) throw new AppError('UNKNOWN_STAFF');
    assertNewPin(input.newPin, row.role);
    prepared(ctx.db, 'UPDATE staff SET pin_hash = ? WHERE staff_id = ?').run(pinHash, input.staffId);
    return record(ctx, 'pin_changed', row, input.staffId);
  });
}
