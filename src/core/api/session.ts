import { AppError } from '../../shared/errors';
import type { StaffSummary } from '../../shared/contract/custody';
import type { Services } from '../services';

/**
 * Who is at this kiosk, held in the main process rather than trusted from the screen:
 *   - on duty: the teacher who unlocked last; door hand-ins go into their custody until they end
 *     the session (or the day closes);
 *   - unlocked: the staff screens are open. The screen locks them again after 120 s idle; the core
 *     also forgets an unlock that was not used for `unlockTtlMs`, in case the screen never says so.
 */
export interface KioskSession {
  unlock(pin: string, staffId?: string): StaffSummary;
  /** Closes the staff screens; `endDuty` also ends the teacher's custody of new hand-ins. */
  lock(endDuty: boolean): void;
  state(): { onDuty: StaffSummary | null; unlocked: StaffSummary | null };
  /** The unlocked staff member, for staff-only actions; NOT_UNLOCKED otherwise. */
  requireUnlocked(): StaffSummary;
  /** Door actions: the unlocked staff member acts, otherwise the pupil. */
  doorActor(): string;
  dutyStaffId(): string | null;
}

export function createSession(services: Services, now: () => number = Date.now, unlockTtlMs = 10 * 60_000): KioskSession {
  let onDuty: StaffSummary | null = null;
  let unlocked: StaffSummary | null = null;
  let lastUse = 0;

  const activeUnlock = (): StaffSummary | null => {
    if (unlocked && now() - lastUse > unlockTtlMs) unlocked = null;
    return unlocked;
  };

  return {
    unlock(pin, staffId) {
      const staff = services.loginStaff({ pin, ...(staffId ? { staffId } : {}) });
      unlocked = staff;
      onDuty = staff;
      lastUse = now();
      return staff;
    },
    lock(endDuty) {
      unlocked = null;
      if (endDuty) onDuty = null;
    },
    state: () => ({ onDuty, unlocked: activeUnlock() }),
    requireUnlocked() {
      const staff = activeUnlock();
      if (!staff) throw new AppError('NOT_UNLOCKED');
      // Re-checked on every action: a member deactivated by the office loses access at once.
      services.requireStaff(staff.staffId);
      lastUse = now();
      return staff;
    },
    doorActor() {
      const staff = activeUnlock();
      if (staff) lastUse = now();
      return staff?.staffId ?? 'pupil';
    },
    dutyStaffId: () => onDuty?.staffId ?? null,
  };
}
