import { z } from 'zod';
import { StaffRole } from './access';
import { method } from './define';

/**
 * Staff accounts and their PINs. The office (or an administrator) manages accounts; the core
 * keeps what only an administrator may do (anything about an administrator) and that the kiosk
 * always has an active administrator. PINs go in, never come out.
 */
const Id = z.uuid();
const Pin = z.string().regex(/^\d{4,8}$/);

export const StaffName = z.object({ staffId: z.string(), displayName: z.string() });
export type StaffName = z.infer<typeof StaffName>;

export const StaffAccount = z.object({
  staffId: z.string(),
  displayName: z.string(),
  role: StaffRole,
  active: z.boolean(),
  /** Seconds until wrong PINs stop locking the account out; 0 when it is not locked. */
  lockedSeconds: z.number().int().min(0),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const staffMethods = {
  /** The names on the PIN pad, to choose one's own first: names only, no roles or ids beyond the key. */
  listStaffNames: method('door', z.strictObject({}), z.object({ staff: z.array(StaffName) })),
  listStaffAccounts: method('office', z.strictObject({}), z.object({ staff: z.array(StaffAccount) })),
  addStaff: method(
    'office',
    z.strictObject({ displayName: z.string().trim().min(1).max(80), role: StaffRole, pin: Pin }),
    StaffAccount,
  ),
  /** Another role, or deactivated (left the school) / active again. */
  changeStaff: method(
    'office',
    z.strictObject({ staffId: Id, role: StaffRole.optional(), active: z.boolean().optional() }),
    StaffAccount,
  ),
  /** A new PIN for someone who forgot theirs; also ends a lock-out. */
  resetStaffPin: method('office', z.strictObject({ staffId: Id, pin: Pin }), StaffAccount),
  /** Ends a lock-out (someone guessed at this account) without changing the PIN. */
  clearStaffLock: method('office', z.strictObject({ staffId: Id }), StaffAccount),
  /** The unlocked staff member's own PIN, with the current one typed again. */
  changeOwnPin: method('staff', z.strictObject({ currentPin: Pin, newPin: Pin }), z.object({ changed: z.literal(true) })),
};
