import type { staffMethods } from '../../shared/contract/staff';
import type { Core } from '../index';
import type { Handlers } from './gateway';
import type { KioskSession } from './session';

/**
 * The contract's staff methods. The acting staff member is always the gateway's (who unlocked),
 * so "change my PIN" can only ever change the caller's own.
 */
export function createStaffHandlers(core: Core, session: Pick<KioskSession, 'pinChanged'>): Pick<Handlers, keyof typeof staffMethods> {
  const s = core.services;
  const account = (staffId: string) => {
    const found = s.listStaffAccounts().find((a) => a.staffId === staffId);
    if (!found) throw new Error('staff account vanished after its change');
    return found;
  };
  return {
    listStaffNames: () => ({ staff: s.listStaff().map(({ staffId, displayName }) => ({ staffId, displayName })) }),
    listStaffAccounts: () => ({ staff: s.listStaffAccounts() }),
    addStaff: ({ displayName, role, pin }, { actor }) => account(s.createStaff({ displayName, role, pin, actor: actor.staffId }).staffId),
    changeStaff: ({ staffId, role, active }, { actor }) =>
      account(s.changeStaff(staffId, { ...(role ? { role } : {}), ...(active === undefined ? {} : { active }) }, actor.staffId).staffId),
    resetStaffPin: ({ staffId, pin }, { actor }) => account(s.resetStaffPin(staffId, pin, actor.staffId).staffId),
    clearStaffLock: ({ staffId }, { actor }) => account(s.clearStaffLock(staffId, actor.staffId).staffId),
    changeOwnPin: ({ currentPin, newPin }, { actor }) => {
      s.changeOwnPin({ staffId: actor.staffId, currentPin, newPin });
      session.pinChanged();
      return { changed: true as const };
    },
  };
}
