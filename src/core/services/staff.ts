import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import { SYSTEM_ACTOR, type Actor } from '../ledger/events';
import { staffEvent } from '../registry/drafts';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { countWrongPin, forgetWrongPins, lockedUntilOf } from './pinAttempts';
import { DEFAULT_PIN_COST, FREE_ATTEMPTS, assertPinFormat, checkPin, hashPin, lockoutSeconds, pinHint } from './pin';

export const staffRoles = ['teacher', 'office', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** What leaves the staff table: never the PIN hash. */
export interface StaffSummary {
  staffId: string;
  displayName: string;
  role: StaffRole;
}

interface StaffRow {
  staff_id: string;
  display_name: string;
  role: StaffRole;
  pin_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
}

const STAFF_COLUMNS = 'staff_id, display_name, role, pin_hash, failed_attempts, locked_until, active';
const summary = (row: StaffRow): StaffSummary => ({ staffId: row.staff_id, displayName: row.display_name, role: row.role });

function staffRow(ctx: ServiceContext, staffId: string): StaffRow | undefined {
  return prepared<StaffRow>(ctx.db, `SELECT ${STAFF_COLUMNS} FROM staff WHERE staff_id = ?`).get(staffId);
}

/** The active staff member behind `staffId`, or UNKNOWN_STAFF. */
export function requireStaff(ctx: ServiceContext, staffId: string): StaffSummary {
  const row = staffRow(ctx, staffId);
  if (!row || row.active !== 1) throw new AppError('UNKNOWN_STAFF');
  return summary(row);
}

/** An actor allowed to do an office task: the system (seed, import) or active office/admin staff. */
export function requireRole(ctx: ServiceContext, actor: Actor, roles: readonly StaffRole[]): void {
  if (actor === SYSTEM_ACTOR) return;
  const staff = requireStaff(ctx, actor);
  if (!roles.includes(staff.role)) throw new AppError('NOT_AUTHORISED');
}

export interface CreateStaffInput {
  displayName: string;
  role: StaffRole;
  pin: string;
  /** Who registers this person: an admin, or 'system' for the first admin and the demo seed. */
  actor: Actor;
}

export function createStaff(ctx: ServiceContext, input: CreateStaffInput): StaffSummary {
  assertPinFormat(input.pin);
  const displayName = input.displayName.trim();
  if (!displayName) throw new AppError('INVALID_ARGUMENT', { field: 'displayName' });
  const hint = pinHint(input.pin);
  // Hash outside the write lock: scrypt is the slow part.
  const pinHash = hashPin(input.pin, ctx.pinCost ?? DEFAULT_PIN_COST);
  return writeTransaction(ctx, () => {
    requireRole(ctx, input.actor, ['admin']);
    // A PIN typed without a name must point at one person.
    for (const other of candidatesFor(ctx, hint)) {
      if (checkPin(input.pin, other.pin_hash)) throw new AppError('PIN_TAKEN');
    }
    const staffId = randomUUID();
    prepared(
      ctx.db,
      `INSERT INTO staff (staff_id, display_name, role, pin_hash, pin_hint, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(staffId, displayName, input.role, pinHash, hint, ctx.now().toISOString());
    appendEvent(ledgerWriter(ctx), staffEvent('created', { staffId, role: input.role, active: true }, displayName, { actor: input.actor }));
    return { staffId, displayName, role: input.role };
  });
}

/**
 * Gives a staff member another role or deactivates one who left (an admin's task). Recorded as
 * `staff_changed` with the role and whether they are active: a role decides who may confiscate,
 * witness and register, so it is checked against the ledger like a tag.
 */
export function changeStaff(
  ctx: ServiceContext,
  staffId: string,
  change: { role?: StaffRole; active?: boolean },
  actor: Actor,
): StaffSummary & { active: boolean } {
  if (change.role !== undefined && !staffRoles.includes(change.role)) throw new AppError('INVALID_ARGUMENT', { field: 'role' });
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['admin']);
    const row = staffRow(ctx, staffId);
    if (!row) throw new AppError('UNKNOWN_STAFF');
    const role = change.role ?? row.role;
    const active = change.active ?? row.active === 1;
    prepared(ctx.db, 'UPDATE staff SET role = ?, active = ? WHERE staff_id = ?').run(role, active ? 1 : 0, staffId);
    appendEvent(ledgerWriter(ctx), staffEvent('changed', { staffId, role, active }, null, { actor }));
    return { staffId, displayName: row.display_name, role, active };
  });
}

function candidatesFor(ctx: ServiceContext, hint: number): StaffRow[] {
  return prepared<StaffRow>(ctx.db, `SELECT ${STAFF_COLUMNS} FROM staff WHERE pin_hint = ? AND active = 1`).all(hint);
}

function secondsUntil(ctx: ServiceContext, lockedUntil: string | null): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(lockedUntil) - ctx.now().getTime()) / 1000));
}

function lockedUntilAfter(ctx: ServiceContext, failures: number): string | null {
  const seconds = lockoutSeconds(failures);
  return seconds > 0 ? new Date(ctx.now().getTime() + seconds * 1000).toISOString() : null;
}

function wrongPin(ctx: ServiceContext, failures: number): AppError {
  const retryAfterSeconds = lockoutSeconds(failures);
  if (retryAfterSeconds > 0) return new AppError('PIN_LOCKED', { retryAfterSeconds });
  return new AppError('PIN_WRONG', { attemptsLeft: Math.max(0, FREE_ATTEMPTS - failures + 1) });
}

/**
 * Checks one named staff member's PIN (a witness, or a login after choosing one's name).
 * Wrong PINs count per account; while locked the PIN is not even checked, so waiting out the
 * lock is the only way on. The counters are not ledger data and are kept even in read-only mode.
 */
export function verifyPin(ctx: ServiceContext, staffId: string, pin: string): StaffSummary {
  assertPinFormat(pin);
  const row = staffRow(ctx, staffId);
  if (!row || row.active !== 1) throw new AppError('UNKNOWN_STAFF');
  const key = `staff:${staffId}`;
  const wait = secondsUntil(ctx, lockedUntilOf(ctx.db, key, row.locked_until));
  if (wait > 0) throw new AppError('PIN_LOCKED', { retryAfterSeconds: wait });
  const setCounters = prepared(ctx.db, 'UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE staff_id = ?');
  if (checkPin(pin, row.pin_hash)) {
    forgetWrongPins(ctx.db, key, row.failed_attempts !== 0 ? () => setCounters.run(0, null, staffId) : undefined);
    return summary(row);
  }
  const failures = countWrongPin(
    ctx.db,
    key,
    { failures: row.failed_attempts, lockedUntil: row.locked_until },
    (n) => lockedUntilAfter(ctx, n),
    (next) => setCounters.run(next.failures, next.lockedUntil, staffId),
  );
  throw wrongPin(ctx, failures);
}

/** The kiosk's own pad: wrong PINs typed without a name. */
const KIOSK_PAD = 'kiosk';

interface GuardRow {
  failed_attempts: number;
  locked_until: string | null;
}

/**
 * Finds the staff member by PIN alone (the kiosk's unlock pad). Wrong PINs count against the
 * kiosk, not an account, since they cannot be attributed; an account locked by named attempts
 * stays locked here too.
 */
export function unlockWithPin(ctx: ServiceContext, pin: string): StaffSummary {
  assertPinFormat(pin);
  const guard = prepared<GuardRow>(ctx.db, 'SELECT failed_attempts, locked_until FROM pin_guard WHERE singleton = 1').get();
  const wait = secondsUntil(ctx, lockedUntilOf(ctx.db, KIOSK_PAD, guard?.locked_until ?? null));
  if (wait > 0) throw new AppError('PIN_LOCKED', { retryAfterSeconds: wait });
  const setGuard = prepared(ctx.db, 'UPDATE pin_guard SET failed_attempts = ?, locked_until = ? WHERE singleton = 1');
  const candidates = candidatesFor(ctx, pinHint(pin));
  // An empty bucket still costs one scrypt run, so timing does not reveal the bucket.
  if (candidates.length === 0) checkPin(pin, dummyHash());
  const match = candidates.find((row) => checkPin(pin, row.pin_hash));
  if (match) {
    const locked = secondsUntil(ctx, lockedUntilOf(ctx.db, `staff:${match.staff_id}`, match.locked_until));
    if (locked > 0) throw new AppError('PIN_LOCKED', { retryAfterSeconds: locked });
    forgetWrongPins(ctx.db, KIOSK_PAD, guard && guard.failed_attempts !== 0 ? () => setGuard.run(0, null) : undefined);
    forgetWrongPins(
      ctx.db,
      `staff:${match.staff_id}`,
      match.failed_attempts !== 0
        ? () => prepared(ctx.db, 'UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE staff_id = ?').run(match.staff_id)
        : undefined,
    );
    return summary(match);
  }
  const failures = countWrongPin(
    ctx.db,
    KIOSK_PAD,
    { failures: guard?.failed_attempts ?? 0, lockedUntil: guard?.locked_until ?? null },
    (n) => lockedUntilAfter(ctx, n),
    (next) => setGuard.run(next.failures, next.lockedUntil),
  );
  throw wrongPin(ctx, failures);
}

let dummy: string | undefined;
const dummyHash = (): string => (dummy ??= hashPin('00000000', DEFAULT_PIN_COST));

/**
 * Unlocks the kiosk for a staff member (PIN alone, or name + PIN) and records the login. With the
 * ledger read-only the login still works, unrecorded: staff must be able to look and export.
 */
export function loginStaff(ctx: ServiceContext, input: { pin: string; staffId?: string }): StaffSummary {
  const staff = input.staffId ? verifyPin(ctx, input.staffId, input.pin) : unlockWithPin(ctx, input.pin);
  if (ctx.problem() === null) {
    writeTransaction(ctx, () =>
      appendEvent(ledgerWriter(ctx), { type: 'staff_login', actor: staff.staffId, details: { role: staff.role } }),
    );
  }
  return staff;
}

/** The active staff, by name: for choosing a colleague (transfer, witness). Never the PIN hash. */
export function listStaff(ctx: ServiceContext): StaffSummary[] {
  return prepared<StaffRow>(ctx.db, `SELECT ${STAFF_COLUMNS} FROM staff WHERE active = 1 ORDER BY display_name, staff_id`)
    .all()
    .map(summary);
}
