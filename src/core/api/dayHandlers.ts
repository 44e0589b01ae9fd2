import type { dayMethods } from '../../shared/contract/day';
import type { Core } from '../index';
import type { Handlers } from './gateway';
import type { KioskSession } from './session';

type DayMethod = keyof typeof dayMethods;

/** The teacher's day on top of the services; every call needs a staff member unlocked with a PIN. */
export function createDayHandlers(core: Core, session: KioskSession): Pick<Handlers, DayMethod> {
  const s = core.services;
  const staff = () => session.requireUnlocked().staffId;
  return {
    listStaff: () => {
      staff();
      return { staff: s.listStaff() };
    },
    listLocations: () => {
      staff();
      return { locations: s.listLocations() };
    },
    getDay: () => {
      staff();
      return s.dayOverview();
    },
    keepOvernight: ({ deviceId, reason }) => s.keepOvernight({ deviceId, reason, actor: staff() }),
    closeDay: () => s.closeDay({ actor: staff() }),
  };
}
