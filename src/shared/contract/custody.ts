import { z } from 'zod';
import { StaffRole } from './access';
import { method } from './define';
import { EventType } from './eventTypes';
import { MediaUpload, Sha256Hex } from './media';

/**
 * The custody ledger's calls. No call names its actor: the main process knows who unlocked the
 * kiosk with a PIN (see core/api/session). Staff actions need an unlocked staff member; door
 * actions are the pupil's own unless a staff member has the kiosk unlocked.
 */
const Id = z.uuid();
const Pin = z.string().regex(/^\d{4,8}$/);
const FreeText = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().max(max).optional();

export const ScanMode = z.enum(['hand-in', 'return']);
export const ConditionMark = z.enum(['screen_cracked', 'back_cracked', 'case_damaged', 'water_damage', 'other']);
export const IncidentKind = z.enum(['damage', 'loss', 'theft', 'other']);
/** When a damage or loss was discovered, witnesses, a police report number, purchase date and price. */
export const InsurerFacts = z.strictObject({
  discoveredAt: z.iso.datetime({ offset: true }).optional(),
  witnesses: OptionalText(500),
  policeReportNumber: OptionalText(60),
  purchaseDate: z.iso.date().optional(),
  purchasePriceCents: z.number().int().min(0).max(100_000_000).optional(),
});
export type InsurerFacts = z.infer<typeof InsurerFacts>;
export const DeviceKind = z.enum(['smartphone', 'smartwatch', 'tablet', 'other']);
export { StaffRole };

export const EventSummary = z.object({
  seq: z.number().int(),
  eventId: z.string(),
  type: EventType,
  occurredAt: z.string(),
  actor: z.string(),
  custodian: z.string().nullable(),
  deviceId: z.string().nullable(),
  pupilId: z.string().nullable(),
  locationId: z.string().nullable(),
  pouchId: z.string().nullable(),
  voidsSeq: z.number().int().nullable(),
  hash: z.string(),
});
export type EventSummary = z.infer<typeof EventSummary>;

/** What the door screen shows after a scan. */
export const CustodyOutcome = z.object({
  event: EventSummary,
  repeat: z.boolean(),
  device: z.object({ deviceId: z.string(), kind: DeviceKind, description: z.string() }),
  /**
   * `roepnaam` is null when the school shows pupils only their pouch number (privacy setting).
   * `surnameInitial` is set only when another active pupil of the group has the same first name,
   * so the door can say "Lucas V."; `fullName` only on staff screens (a release receipt).
   */
  pupil: z
    .object({
      pupilId: z.string(),
      roepnaam: z.string().nullable(),
      surnameInitial: z.string().nullable(),
      fullName: z.string().nullable(),
      groep: z.string(),
    })
    .nullable(),
  pouch: z.object({ pouchId: z.string(), number: z.number().int(), locationName: z.string() }).nullable(),
  /** The pupil may keep this device (an exemption): nothing was handed in or returned. */
  exempt: z.boolean().optional(),
});
export type CustodyOutcome = z.infer<typeof CustodyOutcome>;

export const StaffSummary = z.object({ staffId: z.string(), displayName: z.string(), role: StaffRole });
export type StaffSummary = z.infer<typeof StaffSummary>;

export const Session = z.object({ onDuty: StaffSummary.nullable(), unlocked: StaffSummary.nullable() });
export type Session = z.infer<typeof Session>;

export const CustodyListItem = z.object({
  deviceId: z.string(),
  deviceKind: DeviceKind,
  description: z.string(),
  pupil: z
    .object({
      pupilId: z.string(),
      roepnaam: z.string(),
      voorvoegsel: z.string(),
      achternaam: z.string(),
      groep: z.string(),
    })
    .nullable(),
  held: z.boolean(),
  since: z.string(),
  custodian: z.string().nullable(),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  pouchNumber: z.number().int().nullable(),
  confiscatedSeq: z.number().int().nullable(),
  /** A loss or theft reported since the hand-in (and not voided): the school no longer has it in hand. */
  reportedMissing: z.enum(['loss', 'theft']).nullable(),
  lastSeq: z.number().int(),
});
export type CustodyListItem = z.infer<typeof CustodyListItem>;

export const EventListItem = z.object({
  seq: z.number().int(),
  type: EventType,
  occurredAt: z.string(),
  actor: z.string(),
  custodian: z.string().nullable(),
  deviceId: z.string().nullable(),
  pupilId: z.string().nullable(),
  locationId: z.string().nullable(),
  pouchId: z.string().nullable(),
  voidsSeq: z.number().int().nullable(),
  voidedBySeq: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()),
  payload: z.record(z.string(), z.unknown()).nullable(),
  redacted: z.boolean(),
});
export type EventListItem = z.infer<typeof EventListItem>;

export const PupilItem = z.object({
  pupilId: z.string(),
  roepnaam: z.string(),
  voorvoegsel: z.string(),
  achternaam: z.string(),
  jaargroep: z.number().int().nullable(),
  groep: z.string(),
});
export const DeviceItem = z.object({
  deviceId: z.string(),
  kind: DeviceKind,
  description: z.string(),
  ownerPupilId: z.string(),
});

export const VerifyOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), lastSeq: z.number().int(), headHash: z.string(), checked: z.number().int() }),
  z.object({ ok: z.literal(false), firstBadSeq: z.number().int(), problem: z.string(), checked: z.number().int() }),
]);
export type VerifyOutcome = z.infer<typeof VerifyOutcome>;


/**
 * Door calls act as the unlocked staff member if there is one, otherwise as the pupil; hand-ins
 * go into the custody of the teacher on duty.
 */
export const custodyMethods = {
  /** One scan at the door: hand in or return whatever the code identifies. */
  scan: method(
    'door',
    z.strictObject({ code: z.string().min(1).max(256), mode: ScanMode }),
    CustodyOutcome,
  ),
  handIn: method('door', z.strictObject({ deviceId: Id, pouchId: Id.optional() }), CustodyOutcome),
  returnDevice: method('door', z.strictObject({ deviceId: Id }), CustodyOutcome),
  transfer: method(
    'teacher',
    z.strictObject({
      deviceId: Id,
      to: z.union([z.strictObject({ staffId: Id }), z.strictObject({ locationId: Id })]),
      note: OptionalText(1000),
    }),
    CustodyOutcome,
  ),
  confiscate: method(
    'teacher',
    z.strictObject({
      deviceId: Id,
      reason: FreeText(1000),
      article: OptionalText(40),
      witnessStaffId: Id,
      witnessPin: Pin,
      sealedBagNumber: OptionalText(40),
      locationId: Id.optional(),
    }),
    CustodyOutcome,
  ),
  releaseToGuardian: method(
    'teacher',
    z.strictObject({
      deviceId: Id,
      guardianName: FreeText(200),
      signatureImageHash: Sha256Hex.optional(),
      /** The drawn signature itself, kept beside the ledger; its SHA-256 must be `signatureImageHash`. */
      signature: MediaUpload.optional(),
      note: OptionalText(1000),
    }),
    CustodyOutcome,
  ),
  noteCondition: method(
    'door',
    z.strictObject({ deviceId: Id, marks: z.array(ConditionMark).max(5), note: OptionalText(1000) }),
    CustodyOutcome,
  ),
  /**
   * "Ongedaan maken" right after a damage tap at the door: voids that condition note with a
   * correction. Only the one who made the note (the pupil, or the unlocked staff member), and only
   * within a short while (UNDO_TOO_LATE after that; a teacher corrects it under "Correcties").
   */
  undoConditionNote: method(
    'door',
    z.strictObject({ seq: z.number().int().min(1) }),
    z.object({ event: EventSummary, voided: EventSummary }),
  ),
  reportIncident: method(
    'teacher',
    z.strictObject({
      deviceId: Id,
      kind: IncidentKind,
      description: FreeText(2000),
      /** SHA-256 (hex) of a webcam photo of the device, in the event's non-personal details. */
      photoHash: Sha256Hex.optional(),
      /** The photo itself, kept beside the ledger; its SHA-256 must be `photoHash`. */
      photo: MediaUpload.optional(),
      /** What an insurer asks; all optional, so a quick report stays quick. */
      insurer: InsurerFacts.optional(),
    }),
    CustodyOutcome,
  ),
  correct: method(
    'teacher',
    z.strictObject({ seq: z.number().int().min(1), reason: FreeText(1000) }),
    z.object({ event: EventSummary, voided: EventSummary }),
  ),
  /**
   * A PIN pad: the staff member chooses their name, then types their PIN (wrong PINs count per
   * account). A teacher who unlocks goes on duty; office staff and administrators unlock without
   * changing who is on duty. `pinChangeRequired`: the PIN is shorter than the role now asks for.
   */
  unlockStaff: method(
    'door',
    z.strictObject({ pin: Pin, staffId: Id }),
    StaffSummary.extend({ pinChangeRequired: z.boolean() }),
  ),
  /** Closes the staff screens; `endDuty` also hands the teacher's duty back. */
  lockStaff: method('door', z.strictObject({ endDuty: z.boolean().optional() }), Session),
  getSession: method('door', z.strictObject({}), Session),
  listCustody: method(
    'teacher',
    z.strictObject({ heldOnly: z.boolean().optional(), locationId: Id.optional(), groep: z.string().max(40).optional() }),
    z.object({ items: z.array(CustodyListItem) }),
  ),
  /** Numbers only, no personal data: the door's return counter ("nog 2 van 27"), no PIN needed. */
  custodyCount: method(
    'door',
    z.strictObject({}),
    z.object({
      held: z.number().int(),
      handedInToday: z.number().int(),
      heldFromToday: z.number().int(),
    }),
  ),
  listEvents: method(
    'teacher',
    z.strictObject({
      beforeSeq: z.number().int().min(1).optional(),
      limit: z.number().int().min(1).max(500).optional(),
      deviceId: Id.optional(),
    }),
    z.object({ events: z.array(EventListItem), nextBeforeSeq: z.number().int().nullable() }),
  ),
  listPupils: method(
    'teacher',
    z.strictObject({ groep: z.string().max(40).optional() }),
    z.object({ pupils: z.array(PupilItem) }),
  ),
  listDevices: method(
    'teacher',
    z.strictObject({ pupilId: Id.optional(), groep: z.string().max(40).optional() }),
    z.object({ devices: z.array(DeviceItem) }),
  ),
  /** Walks the whole chain (or from `fromSeq`) and names the first bad event. */
  verifyLedger: method('teacher', z.strictObject({ fromSeq: z.number().int().min(1).optional() }), VerifyOutcome),
};
