import type { exemptionMethods } from '../../shared/contract/exemptions';
import { displayName } from '../../shared/pupilOrder';
import type { Core } from '../index';
import { localDate } from '../services/exemptions';
import type { Handlers } from './gateway';

/** The office's exemptions; the acting staff member is the gateway's. */
export function createExemptionHandlers(core: Core): Pick<Handlers, keyof typeof exemptionMethods> {
  const s = core.services;
  return {
    listExemptions: () => ({ exemptions: s.listExemptions(), today: localDate(s.context.now()) }),
    exemptionChoices: () => {
      const devices = s.listDevices();
      return {
        pupils: s.listPupils().map((p) => ({
          pupilId: p.pupilId,
          name: displayName(p),
          groep: p.groep,
          devices: devices
            .filter((d) => d.ownerPupilId === p.pupilId)
            .map((d) => ({ deviceId: d.deviceId, kind: d.kind, description: d.description })),
        })),
        staff: s.listStaff().map(({ staffId, displayName: name }) => ({ staffId, displayName: name })),
      };
    },
    addExemption: ({ pupilId, deviceId, reason, validFrom, validUntil, agreedBy, note }, { actor }) =>
      s.grantExemption({ pupilId, deviceId, reason, validFrom, validUntil, agreedBy, note: note ?? null }, actor.staffId),
    endExemption: ({ exemptionId }, { actor }) => s.endExemption(exemptionId, actor.staffId),
  };
}
