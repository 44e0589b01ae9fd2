import type { dayMethods } from '../../shared/contract/day';
import type { Core } from '../index';
import type { Handlers } from './gateway';

type DayMethod = keyof typeof dayMethods;

/** The teacher's day on top of the services; the gateway has checked who is unlocked. */
export function createDayHandlers(core: Core): Pick<Handlers, DayMethod> {
  const s = core.services;
  return {
    listStaff: () => ({ staff: s.listStaff() }),
    listLocations: () => ({ locations: s.listLocations() }),
    getDay: () => s.dayOverview(),
    missingToday: ({ groep }) => s.missingToday(groep === undefined ? {} : { groep }),
    keepOvernight: ({ deviceId, reason }, { actor }) => s.keepOvernight({ deviceId, reason, actor: actor.staffId }),
    closeDay: (_args, { actor }) => s.closeDay({ actor: actor.staffId }),
  };
}
