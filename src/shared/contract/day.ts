import { z } from 'zod';
import { method } from './define';
import { CustodyOutcome, DeviceKind, EventSummary, StaffSummary } from './custody';
import { EventType } from './eventTypes';

/**
 * The teacher's day: who and where a device can be moved to, today's handovers, and the
 * end-of-day reconciliation: the classroom's work, so `teacher` level throughout.
 */
const Id = z.uuid();

export const LocationKind = z.enum(['phone_bag', 'locker', 'office_safe', 'school_leader', 'other']);
export const LocationItem = z.object({ locationId: z.string(), kind: LocationKind, name: z.string() });
export type LocationItem = z.infer<typeof LocationItem>;

export const DayMovement = z.object({
  seq: z.number().int(),
  type: EventType,
  occurredAt: z.string(),
  actor: z.string(),
  deviceId: z.string(),
  deviceKind: DeviceKind,
  description: z.string(),
  pupil: z.object({ roepnaam: z.string(), voorvoegsel: z.string(), achternaam: z.string(), groep: z.string() }).nullable(),
  voidedBySeq: z.number().int().nullable(),
});
export type DayMovement = z.infer<typeof DayMovement>;

export const ConditionNote = z.object({
  seq: z.number().int(),
  deviceId: z.string(),
  occurredAt: z.string(),
  marks: z.array(z.string()),
  note: z.string().nullable(),
});
export type ConditionNote = z.infer<typeof ConditionNote>;

export const OutstandingDevice = z.object({
  deviceId: z.string(),
  confiscated: z.boolean(),
  fromEarlierDay: z.boolean(),
});
export type OutstandingDevice = z.infer<typeof OutstandingDevice>;

export const DayOverview = z.object({
  /** Start of the kiosk's local day (ISO, UTC). */
  dayStart: z.string(),
  handedIn: z.number().int(),
  returned: z.number().int(),
  /** Devices pupils kept today with an exemption: neither held nor missing. */
  exempted: z.number().int(),
  movements: z.array(DayMovement),
  conditions: z.array(ConditionNote),
  /** Held devices still needing a decision (return, transfer, keep overnight) before the day closes. */
  outstanding: z.array(OutstandingDevice),
  closed: z.object({ seq: z.number().int(), occurredAt: z.string(), actor: z.string() }).nullable(),
});
export type DayOverview = z.infer<typeof DayOverview>;

export const DayCounts = z.object({
  handedIn: z.number().int(),
  returned: z.number().int(),
  transferred: z.number().int(),
  keptOvernight: z.number().int(),
  confiscatedHeld: z.number().int(),
  exempted: z.number().int(),
});
export type DayCounts = z.infer<typeof DayCounts>;

/** A pupil who usually hands in and has not today (see core/services/custody/usualHandIns). */
export const MissingPupil = z.object({
  pupilId: z.string(),
  roepnaam: z.string(),
  voorvoegsel: z.string(),
  achternaam: z.string(),
  groep: z.string(),
  /** On how many of the `rule.schoolDays` school days looked at this pupil handed in. */
  daysHandedIn: z.number().int(),
});
export type MissingPupil = z.infer<typeof MissingPupil>;

export const MissingToday = z.object({
  /** "Usually": handed in on at least `minDays` of the last `schoolDays` school days before today. */
  rule: z.object({
    schoolDays: z.number().int(),
    minDays: z.number().int(),
    /** Whether the kiosk has enough school days behind it to call anyone "usual" yet. */
    enoughHistory: z.boolean(),
  }),
  /** Most regular first; empty while the kiosk has too little history to say. */
  pupils: z.array(MissingPupil),
});
export type MissingToday = z.infer<typeof MissingToday>;

export const dayMethods = {
  /** Active staff to hand a device to; never PIN hashes. */
  listStaff: method('teacher', z.strictObject({}), z.object({ staff: z.array(StaffSummary) })),
  /** Active storage places: phone bags, lockers, the office safe, the school leader. */
  listLocations: method('teacher', z.strictObject({}), z.object({ locations: z.array(LocationItem) })),
  getDay: method('teacher', z.strictObject({}), DayOverview),
  /** Pupils who usually hand in and have not today, of one group or of every group. */
  missingToday: method('teacher', z.strictObject({ groep: z.string().max(40).optional() }), MissingToday),
  /** A held device stays at school tonight, for a reason (recorded in the ledger). */
  keepOvernight: method('teacher', z.strictObject({ deviceId: Id, reason: z.string().trim().min(1).max(1000) }), CustodyOutcome),
  /** Refused with DAY_NOT_CLEAR while `getDay().outstanding` is not empty. */
  closeDay: method('teacher', z.strictObject({}), z.object({ event: EventSummary, counts: DayCounts })),
};
