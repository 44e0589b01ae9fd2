import { AppError } from '../../shared/errors';
import type { Session, StaffSummary } from '../../shared/contract/custody';
import type { Services } from '../services';
import type { LoginResult } from '../services/pinLogin';

/**
 * Who is at this kiosk, held in the main process rather than trusted from the screen:
 *   - on duty: the teacher who unlocked last; door hand-ins go into their custody until they end
 *     their duty. Only a teacher's unlock changes it: an administrator opening the settings or
 *     the office at work never becomes the custodian of what pupils hand in, nor ends a
 *     teacher's duty by unlocking;
 *   - unlocked: the staff screens are open. The screen locks them again after 120 s idle; the core
 *     also forgets an unlock that was not used for `unlockTtlMs`, in case the screen never says so.
 * What an unlocked member may do is the contract's business (access.ts), checked by the gateway.
 */
export interface KioskSession {
  /** The chosen staff member's PIN; wrong PINs count against that account only. */
  unlock(staffId: string, pin: string): LoginResult;
  /** Closes the staff screens; `endDuty` also ends the teacher's custody of new hand-ins. */
  lock(endDuty: boolean): void;
  state(): Session;
  /**
   * The unlocked staff member as the staff table has them now, or null. A member the office has
   * deactivated loses the unlock at once; a changed role counts from the next call.
   */
  unlockedStaff(): StaffSummary | null;
  /** A staff call was made: the unlock lasts another `unlockTtlMs`. */
  markUsed(): void;
  /** The unlock was made with a PIN shorter than the role asks; cleared by `pinChanged` or locking. */
  pinChangeRequired(): boolean;
  pinChanged(): void;
  dutyStaffId(): string | null;
}

export function createSession(services: Services, now: () => number = Date.now, unlockTtlMs = 10 * 60_000): KioskSession {
  let onDuty: StaffSummary | null = null;
  let unlocked: StaffSummary | null = null;
  let lastUse = 0;
  let mustChangePin = false;

  const activeUnlock = (): StaffSummary | null => {
    if (unlocked && now() - lastUse > unlockTtlMs) unlocked = null;
    return unlocked;
  };

  return {
    unlock(staffId, pin) {
      const login = services.loginStaff({ staffId, pin });
      const staff: StaffSummary = { staffId: login.staffId, displayName: login.displayName, role: login.role };
      unlocked = staff;
      mustChangePin = login.pinChangeRequired;
      if (staff.role === 'teacher') onDuty = staff;
      lastUse = now();
      return login;
    },
    lock(endDuty) {
      unlocked = null;
      mustChangePin = false;
      if (endDuty) onDuty = null;
    },
    state: () => ({ onDuty, unlocked: activeUnlock() }),
    unlockedStaff() {
      const staff = activeUnlock();
      if (!staff) return null;
      try {
        unlocked = services.requireStaff(staff.staffId);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'UNKNOWN_STAFF')) throw error;
        unlocked = null;
      }
      return unlocked;
    },
    markUsed() {
      lastUse = now();
    },
    pinChangeRequired: () => mustChangePin && activeUnlock() !== null,
    pinChanged() {
      mustChangePin = false;
    },
    dutyStaffId: () => onDuty?.staffId ?? null,
  };
}
