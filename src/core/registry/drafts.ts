import type { Actor, EventDraft } from '../ledger/events';

/**
 * The ledger events of registration, built in one place for the services and the baseline, so
 * the fold in `state.ts` reads exactly what is written. Chained fields and details hold ids and
 * non-personal facts (kind, group, tag code, what a tag points at, role, active); names and free
 * text go in the payload, which is salted and erasable. A PIN hash is never in the ledger.
 * `baseline` marks an event recorded when an older kiosk first started with a chained registry:
 * it states what the table held then, not when it was registered.
 */
interface Marks {
  actor: Actor;
  baseline?: boolean;
}
const mark = (m: Marks) => (m.baseline ? { baseline: true } : {});

export interface PupilFacts {
  pupilId: string;
  active: boolean;
  groep: string;
  jaargroep: number | null;
}
export interface PupilNames {
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
  externalKey: string | null;
}

/** `names` only when they are new: a change of group does not copy a child's name again. */
export function pupilEvent(
  type: 'pupil_registered' | 'pupil_changed',
  facts: PupilFacts,
  names: PupilNames | null,
  m: Marks,
): EventDraft {
  return {
    type,
    actor: m.actor,
    pupilId: facts.pupilId,
    details: { active: facts.active, groep: facts.groep, jaargroep: facts.jaargroep, ...mark(m) },
    payload: names && { ...names },
  };
}

export interface DeviceFacts {
  deviceId: string;
  kind: string;
  ownerPupilId: string;
  active: boolean;
}

/**
 * A description ("iPhone, blauw hoesje") is free text typed by the office and may name the child,
 * so it is treated like a note: in the payload. `null` writes none: a registration without a
 * description, or a change that leaves it as it was.
 */
export function deviceEvent(
  type: 'device_registered' | 'device_changed',
  facts: DeviceFacts,
  description: string | null,
  m: Marks,
): EventDraft {
  return {
    type,
    actor: m.actor,
    deviceId: facts.deviceId,
    pupilId: facts.ownerPupilId,
    details: { kind: facts.kind, active: facts.active, ...mark(m) },
    payload: description === null ? null : { description },
  };
}

export interface TagFacts {
  tagId: string;
  kind: string;
  canonical: string;
  deviceId: string | null;
  pouchId: string | null;
  pupilId: string | null;
}

/**
 * A tag moved to another device (a sticker put on the wrong phone) is assigned again under its
 * own id: the fold's "last event about a row wins" then points it at the new device, and the
 * event says where it came from. The reason is typed by the office, so it is in the payload.
 */
export interface TagMove {
  fromDeviceId: string;
  reason: string;
}

/** `pupilId` on the event: the card's pupil, or a device tag's owner (so a pupil's history shows it). */
export function tagAssignedEvent(tag: TagFacts, ownerPupilId: string | null, m: Marks, move?: TagMove): EventDraft {
  return {
    type: 'tag_assigned',
    actor: m.actor,
    deviceId: tag.deviceId,
    pouchId: tag.pouchId,
    pupilId: tag.pupilId ?? ownerPupilId,
    details: {
      tagId: tag.tagId,
      kind: tag.kind,
      canonical: tag.canonical,
      ...(move ? { movedFromDeviceId: move.fromDeviceId } : {}),
      ...mark(m),
    },
    ...(move ? { payload: { reason: move.reason } } : {}),
  };
}

/** `reason` (why it was withdrawn: lost, broken) is free text, so in the payload; null writes none. */
export function tagRevokedEvent(tag: TagFacts, ownerPupilId: string | null, m: Marks, reason: string | null = null): EventDraft {
  return {
    type: 'tag_revoked',
    actor: m.actor,
    deviceId: tag.deviceId,
    pouchId: tag.pouchId,
    pupilId: tag.pupilId ?? ownerPupilId,
    details: { tagId: tag.tagId, kind: tag.kind, ...mark(m) },
    ...(reason === null ? {} : { payload: { reason } }),
  };
}

/** A location's name may be a person's ("Kamer meneer De Vries"), so it is in the payload. */
export function locationEvent(
  facts: { locationId: string; kind: string; active: boolean; groep?: string | null },
  name: string,
  m: Marks,
): EventDraft {
  return {
    type: 'location_registered',
    actor: m.actor,
    locationId: facts.locationId,
    // A group's name ("7B") is not personal; only a bag of a group carries one.
    details: { kind: facts.kind, active: facts.active, ...(facts.groep ? { groep: facts.groep } : {}), ...mark(m) },
    payload: { name },
  };
}

/** A pouch made, given to a pupil or freed (pupilId null): the pouch's whole state after it. */
export function pouchEvent(
  facts: { pouchId: string; locationId: string; number: number; pupilId: string | null; active?: boolean },
  m: Marks,
): EventDraft {
  return {
    type: 'pouch_assigned',
    actor: m.actor,
    pouchId: facts.pouchId,
    locationId: facts.locationId,
    pupilId: facts.pupilId,
    details: { number: facts.number, active: facts.active ?? true, ...mark(m) },
  };
}

export interface ExemptionFacts {
  exemptionId: string;
  pupilId: string;
  deviceId: string | null;
  validFrom: string;
  validUntil: string;
  agreedBy: string;
}

/**
 * An exemption recorded or ended, with its whole non-personal state. Even its category says
 * something about a child's health ("medisch"), so the category and the office's optional note
 * are in the payload (erasable), written once when the exemption is recorded.
 */
export function exemptionEvent(
  type: 'exemption_granted' | 'exemption_ended',
  facts: ExemptionFacts,
  personal: { reason: string; note: string | null } | null,
  m: Marks,
): EventDraft {
  return {
    type,
    actor: m.actor,
    pupilId: facts.pupilId,
    deviceId: facts.deviceId,
    details: {
      exemptionId: facts.exemptionId,
      validFrom: facts.validFrom,
      validUntil: facts.validUntil,
      agreedBy: facts.agreedBy,
    },
    payload: personal && { reason: personal.reason, ...(personal.note ? { note: personal.note } : {}) },
  };
}

/**
 * What happened to a staff account. A PIN reset or change is recorded (who did it, when) but
 * carries nothing of the PIN: the event states only the account's role and whether it is active.
 */
export type StaffChange = 'created' | 'changed' | 'pin_reset' | 'pin_changed' | 'lock_cleared';

/** `displayName` only when it is new; never the PIN or its hash. */
export function staffEvent(
  change: StaffChange,
  facts: { staffId: string; role: string; active: boolean },
  displayName: string | null,
  m: Marks,
): EventDraft {
  return {
    type: 'staff_changed',
    actor: m.actor,
    details: { change, staffId: facts.staffId, role: facts.role, active: facts.active, ...mark(m) },
    payload: displayName === null ? null : { displayName },
  };
}
