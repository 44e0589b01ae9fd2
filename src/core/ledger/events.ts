import type { EventHeader, JsonValue } from './hash';

/** Every kind of ledger event. New kinds are added at the end; none is ever renamed. */
export const eventTypes = [
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
] as const;
export type EventType = (typeof eventTypes)[number];

/** Events that change who holds a device: the projection is a fold over exactly these. */
export const custodyStateTypes: ReadonlySet<string> = new Set<EventType>([
  'handed_in',
  'returned',
  'transferred',
  'confiscated',
  'released_to_guardian',
]);

/** What a correction may void: custody facts and notes about a device, not the audit trail itself. */
export const voidableTypes: ReadonlySet<string> = new Set<EventType>([
  ...(custodyStateTypes as ReadonlySet<EventType>),
  'condition_noted',
  'incident_reported',
  // A wrongly recorded "kept overnight" is voided so the device is back on the end-of-day list.
  'kept_overnight',
]);

/** Events whose `details.seqs` name the payloads of their own chain they erased (see verify: unrecorded redaction). */
export const redactionTypes: ReadonlySet<string> = new Set<EventType>(['payload_redacted', 'retention_purge']);

export type Actor = string; // a staff id, 'pupil' or 'system'
export const PUPIL_ACTOR = 'pupil';
export const SYSTEM_ACTOR = 'system';

/**
 * Who holds the device after an event: the pupil (returned), a guardian (released), a staff
 * member, a storage place, or 'school' when the kiosk knows no more precise place.
 */
export const custodian = {
  pupil: 'pupil',
  guardian: 'guardian',
  school: 'school',
  staff: (staffId: string) => `staff:${staffId}`,
  location: (locationId: string) => `location:${locationId}`,
} as const;

/** A stored event: the hashed header plus its own hash. */
export interface LedgerEvent extends EventHeader {
  type: EventType;
  hash: Buffer;
}

/** What a service asks the ledger to record; the ledger adds seq, ids, time and hashes. */
export interface EventDraft {
  type: EventType;
  actor: Actor;
  custodian?: string | null;
  deviceId?: string | null;
  pupilId?: string | null;
  locationId?: string | null;
  pouchId?: string | null;
  voidsSeq?: number | null;
  /** Non-personal, hashed directly, never redacted. */
  details?: { [key: string]: JsonValue | undefined };
  /** Personal part (names, free text): stored apart, chained by its hash, redactable. */
  payload?: { [key: string]: JsonValue | undefined } | null;
}
