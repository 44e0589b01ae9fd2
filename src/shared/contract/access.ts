import { z } from 'zod';

/** A staff member's role; what each may do is the access levels below. */
export const StaffRole = z.enum(['teacher', 'office', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * Who may make a call, declared per method in the contract and enforced once, in the gateway:
 *   - `door`:    anyone at the kiosk, no PIN: the pupils' scans, what the door screen shows, the
 *                PIN unlock itself, and the two calls that carry their own proof (the first
 *                administrator on an empty kiosk, leaving the kiosk with an administrator's PIN);
 *   - `teacher`: the classroom's work: what is held, moving and confiscating devices, correcting
 *                the ledger, closing the day. A teacher, or the administrator;
 *   - `office`:  the office's work (pupils, devices, staff, exports). Office staff, or the
 *                administrator. Office staff do not act as teachers: they cannot confiscate;
 *   - `admin`:   the kiosk itself: settings, scanners, restoring a backup. Administrators only;
 *   - `staff`:   what every unlocked staff member does for themselves (changing their own PIN).
 * The administrator may do everything, but like office staff never goes on duty (see session.ts).
 */
export const accessLevels = ['door', 'teacher', 'office', 'admin', 'staff'] as const;
export type Access = (typeof accessLevels)[number];
export type StaffAccess = Exclude<Access, 'door'>;

const admitted: Record<StaffAccess, readonly StaffRole[]> = {
  teacher: ['teacher', 'admin'],
  office: ['office', 'admin'],
  admin: ['admin'],
  staff: ['teacher', 'office', 'admin'],
};

/** Whether a staff member with `role` may make a call of level `access`. */
export function admits(access: StaffAccess, role: StaffRole): boolean {
  return admitted[access].includes(role);
}

/**
 * The shortest PIN each role may choose. Office and administrator accounts open the pupils'
 * records and the kiosk itself: their PINs are longer, so the same lock-out leaves a hundred
 * times more to guess. Shared so the screen asks for what the core will accept.
 */
const MIN_PIN_LENGTH: Record<StaffRole, number> = { teacher: 4, office: 6, admin: 6 };

export function minPinLength(role: StaffRole): number {
  return MIN_PIN_LENGTH[role];
}
