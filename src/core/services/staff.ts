import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import { SYSTEM_ACTOR, type Actor } from '../ledger/events';
import { staffEvent } from '../registry/drafts';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { secondsLocked } from './lockout';
import { DEFAULT_PIN_COST, assertNewPin, hashPin } from './pin';
import { readAttempts } from './pinAttempts';

export const staffRoles = ['teacher', 'office', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** What leaves the staff table: never the PIN hash. */
export interface StaffSummary {
  staffId: string;
  displayName: string;
  role: StaffRole;
}

/** The office's view of an account: also whether it is active and how long it is locked. */
export interface StaffAccount extends StaffSummary {
  active: boolean;
  lockedSeconds: number;
}

export interface StaffRow {
  staff_id: string;
  display_name: string;
  role: StaffRole;
  pin_hash: string;
  active: number;
}

const STAFF_COLUMNS = 'staff_id, display_name, role, pin_hash, active';
export const summary = (row: StaffRow): StaffSummary => ({ staffId: row.staff_id, displayName: row.display_name, role: row.role });

export function staffRow(ctx: ServiceContext, staffId: string): StaffRow | undefined {
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

/**
 * Office work on accounts is for office staff and administrators; anything that makes, touches
 * or unmakes an administrator is an administrator's alone, so the office cannot give itself the
 * kiosk.
 */
export function requireStaffManager(ctx: ServiceContext, actor: Actor, touchesAdmin: boolean): void {
  requireRole(ctx, actor, touchesAdmin ? ['admin'] : ['office', 'admin']);
}

export interface CreateStaffInput {
  displayName: string;
  role: StaffRole;
  pin: string;
  /** Who registers this person: office or an admin, or 'system' for the first admin and the demo seed. */
  actor: Actor;
}

/**
 * Registers a staff member. PINs need not differ between people: every unlock names its account
 * first, so a shared PIN neither finds nor reveals anyone.
 */
export function createStaff(ctx: ServiceContext, input: CreateStaffInput): StaffSummary {
  if (!staffRoles.includes(input.role)) throw new AppError('INVALID_ARGUMENT', { field: 'role' });
  assertNewPin(input.pin, input.role);
  const displayName = input.displayName.trim();
  if (!displayName) throw new AppError('INVALID_ARGUMENT', { field: 'displayName' });
  // Hash outside the write lock: scrypt is the slow part.
  const pinHash = hashPin(input.pin, ctx.pinCost ?? DEFAULT_PIN_COST);
  return writeTransaction(ctx, () => {
    requireStaffManager(ctx, input.actor, input.role === 'admin');
    const staffId = randomUUID();
    prepared(ctx.db, `INSERT INTO staff (staff_id, display_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)`).run(
      staffId,
      displayName,
      input.role,
      pinHash,
      ctx.now().toISOString(),
    );
    appendEvent(ledgerWriter(ctx), staffEvent('created', { staffId, role: input.role, active: true }, displayName, { actor: input.actor }));
    return { staffId, displayName, role: input.role };
  });
}

/** The active staff, by name: for choosing a colleague (transfer, witness) or oneself at the PIN pad. */
export function listStaff(ctx: ServiceContext): StaffSummary[] {
  return prepared<StaffRow>(ctx.db, `SELECT ${STAFF_COLUMNS} FROM staff WHERE active = 1 ORDER BY display_name, staff_id`)
    .all()
    .map(summary);
}

/** Everyone ever registered, active first: the office's staff list. Never the PIN hash. */
export function listStaffAccounts(ctx: ServiceContext): StaffAccount[] {
  const now = ctx.now();
  return prepared<StaffRow>(ctx.db, `SELECT ${STAFF_COLUMNS} FROM staff ORDER BY active DESC, display_name, staff_id`)
    .all()
    .map((row) => ({ ...summary(row), active: row.active === 1, lockedSeconds: secondsLocked(readAttempts(ctx.db, row.staff_id), now) }));
}
