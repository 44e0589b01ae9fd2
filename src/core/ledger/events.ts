import type { EventHeader, JsonValue } from './hash';
import { eventTypesIn, voidableEventTypes, type EventType } from '../../shared/contract/eventTypes';

// The vocabulary is the contract's (shared/contract/eventTypes); these are the ledger's views of it.
export { eventTypeList as eventTypes, type EventType } from '../../shared/contract/eventTypes';

/** Events that change who holds a device: the projection is a fold over exactly these. */
export const custodyStateTypes: ReadonlySet<string> = new Set<EventType>(eventTypesIn('custody'));

/** What a correction may void: custody facts and notes about a device, not the audit trail itself. */
export const voidableTypes: ReadonlySet<string> = new Set<EventType>(voidableEventTypes);

/** Events whose `details.seqs` name the payloads of their own chain they erased (see verify: unrecorded redaction). */
export const redactionTypes: ReadonlySet<string> = new Set<EventType>(eventTypesIn('redaction'));

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
