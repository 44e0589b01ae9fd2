import type { deviceMethods } from '../../shared/contract/devices';
import type { Core } from '../index';
import { groupsWithPupils } from '../labels/content';
import type { Tag } from '../services/tags';
import type { Handlers } from './gateway';
import type { KioskSession } from './session';

type DeviceMethod = keyof typeof deviceMethods;

const tagResult = (t: Tag) => ({ tagId: t.tagId, kind: t.kind, canonical: t.canonical, deviceId: t.deviceId });

/** The office's devices and tags, and the teacher's enrolment at the door; the actor is the gateway's. */
export function createDeviceHandlers(core: Core, session: KioskSession): Pick<Handlers, DeviceMethod> {
  const s = core.services;
  return {
    listGroupDevices: ({ groep }) => {
      const groups = groupsWithPupils(s.context);
      const chosen = groep ?? groups[0];
      return { groups, pupils: chosen === undefined ? [] : s.devicesOfGroup({ groep: chosen }) };
    },
    registerDevice: ({ pupilId, kind, description }, { actor }) =>
      s.createDevice({ ownerPupilId: pupilId, kind, description }, actor.staffId),
    attachTag: ({ deviceId, source }, { actor }) => tagResult(s.attachDeviceTag({ deviceId, source }, actor.staffId)),
    revokeDeviceTag: ({ tagId, reason }, { actor }) => tagResult(s.revokeTag(tagId, actor.staffId, reason)),
    moveTag: ({ tagId, toDeviceId, reason }, { actor }) => tagResult(s.moveTag({ tagId, toDeviceId, reason }, actor.staffId)),
    enrolDevice: ({ code, tagKind, pupilId, kind, description }, { actor }) => {
      const duty = session.dutyStaffId();
      return s.enrolAtDoor({ code, tagKind, pupilId, kind, description, actor: actor.staffId, ...(duty ? { dutyStaffId: duty } : {}) });
    },
  };
}
