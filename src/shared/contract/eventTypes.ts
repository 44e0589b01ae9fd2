import { z } from 'zod';

/**
 * The ledger's vocabulary, declared once for the core, the screen and the CLI. New kinds are
 * added at the end; none is ever renamed, because the name is hashed into every stored event.
 */
export const eventTypeList = [
  'handed_in',
  'returned',
  'transferred',
  'confiscated',
  'released_to_guardian',
  'condition_noted',
  'incident_reported',
  'corrected',
  'staff_login',
  'staff_changed',
  'kiosk_exited',
  'export_made',
  'retention_purge',
  'payload_redacted',
  'settings_changed',
  'pupils_imported',
  'tag_assigned',
  'tag_revoked',
  'kept_overnight',
  'day_closed',
  'pupil_registered',
  'pupil_changed',
  'device_registered',
  'device_changed',
  'location_registered',
  'pouch_assigned',
  'exemption_granted',
  'exemption_ended',
  'exemption_used',
] as const;
export const EventType = z.enum(eventTypeList);
export type EventType = z.infer<typeof EventType>;

export type EventGroup = 'custody' | 'device' | 'administrative' | 'registry' | 'redaction';

/**
 * Every type in exactly one group (a `Record`, so a new type without a group does not compile).
 * custody: moves who holds a device — the projection is a fold over exactly these.
 * device: a fact about a device that does not move it.
 * administrative: the audit trail of the kiosk itself, corrections included.
 * registry: what the kiosk registers (pupils, devices, tags, bags, pouches, staff); each carries
 *   the row's whole non-personal state after the change, so the registry tables are a fold of
 *   these and are checked against it at every start (src/core/registry).
 * redaction: names the payloads it erased (`details.seqs`); verify requires one per empty payload.
 */
export const eventGroupOf: Readonly<Record<EventType, EventGroup>> = {
  handed_in: 'custody',
  returned: 'custody',
  transferred: 'custody',
  confiscated: 'custody',
  released_to_guardian: 'custody',
  condition_noted: 'device',
  incident_reported: 'device',
  corrected: 'administrative',
  staff_login: 'administrative',
  staff_changed: 'registry',
  kiosk_exited: 'administrative',
  export_made: 'administrative',
  retention_purge: 'redaction',
  payload_redacted: 'redaction',
  settings_changed: 'administrative',
  pupils_imported: 'administrative',
  tag_assigned: 'registry',
  tag_revoked: 'registry',
  // Recorded about a held device; it does not move it.
  kept_overnight: 'device',
  day_closed: 'administrative',
  pupil_registered: 'registry',
  pupil_changed: 'registry',
  device_registered: 'registry',
  device_changed: 'registry',
  location_registered: 'registry',
  pouch_assigned: 'registry',
  exemption_granted: 'registry',
  exemption_ended: 'registry',
  // A pupil with an exemption kept the device at the door: a fact about it that does not move it.
  exemption_used: 'device',
};

/** The types of some groups, in the vocabulary's order. */
export function eventTypesIn(...groups: EventGroup[]): readonly EventType[] {
  return eventTypeList.filter((type) => groups.includes(eventGroupOf[type]));
}

/** What a correction may void: custody facts and notes about a device, not the audit trail. */
export const voidableEventTypes = eventTypesIn('custody', 'device');

/** The handovers of a day as the teacher's dashboard lists them: custody moves and overnight stays. */
export const dayMovementTypes: readonly EventType[] = [...eventTypesIn('custody'), 'kept_overnight'];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventGroupOf, value);
}
