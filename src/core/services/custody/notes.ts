import type { CustodyOutcome } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { appendEvent } from '../../ledger/append';
import { storeMedia, type MediaImage } from '../../ledger/media';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { deviceForStaffStep, outcome, text } from './common';
import { checkedImage } from './media';

/** The two-tap damage marks at the door; free text is optional and personal. */
export const conditionMarks = ['screen_cracked', 'back_cracked', 'case_damaged', 'water_damage', 'other'] as const;
export type ConditionMark = (typeof conditionMarks)[number];

export const incidentKinds = ['damage', 'loss', 'theft', 'other'] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export interface ConditionInput {
  deviceId: string;
  /** The pupil at the door may mark damage too. */
  actor: string;
  marks: ConditionMark[];
  note?: string;
}

/** Records the condition seen at a handover; it does not change who holds the device. */
export function noteCondition(ctx: ServiceContext, input: ConditionInput): CustodyOutcome {
  const marks = [...new Set(input.marks)].sort();
  if (marks.some((m) => !conditionMarks.includes(m))) throw new AppError('INVALID_ARGUMENT', { field: 'marks' });
  const note = text(input.note);
  if (marks.length === 0 && !note) throw new AppError('INVALID_ARGUMENT', { field: 'marks' });
  return writeTransaction(ctx, () => {
    const { device, current } = deviceForStaffStep(ctx, input, { held: false, pupilAllowed: true });
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'condition_noted',
      actor: input.actor,
      custodian: current?.custodian ?? null,
      deviceId: device.deviceId,
      pupilId: device.ownerPupilId,
      locationId: current?.held ? current.locationId : null,
      pouchId: current?.held ? current.pouchId : null,
      details: { marks },
      payload: note ? { note } : null,
    });
    return outcome(ctx, event, device, false);
  });
}

export interface IncidentInput {
  deviceId: string;
  actor: string;
  kind: IncidentKind;
  description: string;
  /**
   * SHA-256 (hex) of a webcam photo of the device, in the event's non-personal `details`: the
   * photo shows the device, never a face. Alone it still matches a photo kept elsewhere.
   */
  photoHash?: string;
  /** The photo itself, kept beside the ledger with the event; its SHA-256 must be `photoHash`. */
  photo?: MediaImage;
  /** What an insurer asks, all optional (see InsurerFacts). */
  insurer?: InsurerFacts;
}

/**
 * The facts an insurer asks about a damage, loss or theft. When, what was paid and when are no
 * personal data and go into the chained details; who saw it and the police report's number point
 * at people, so they sit in the redactable payload with the description.
 */
export interface InsurerFacts {
  /** ISO 8601: when the damage or loss was discovered (may be days before it was reported). */
  discoveredAt?: string;
  witnesses?: string;
  policeReportNumber?: string;
  /** yyyy-mm-dd */
  purchaseDate?: string;
  purchasePriceCents?: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** An incident (damage, loss, theft) about a device: kept until released, never purged as routine. */
export function reportIncident(ctx: ServiceContext, input: IncidentInput): CustodyOutcome {
  if (!incidentKinds.includes(input.kind)) throw new AppError('INVALID_ARGUMENT', { field: 'kind' });
  const description = text(input.description);
  if (!description) throw new AppError('INVALID_ARGUMENT', { field: 'description' });
  if (input.photoHash !== undefined && !SHA256_HEX.test(input.photoHash)) {
    throw new AppError('INVALID_ARGUMENT', { field: 'photoHash' });
  }
  const facts = input.insurer ?? {};
  if (facts.discoveredAt !== undefined && Number.isNaN(Date.parse(facts.discoveredAt))) {
    throw new AppError('INVALID_ARGUMENT', { field: 'discoveredAt' });
  }
  if (facts.purchaseDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(facts.purchaseDate)) {
    throw new AppError('INVALID_ARGUMENT', { field: 'purchaseDate' });
  }
  if (facts.purchasePriceCents !== undefined && !(Number.isSafeInteger(facts.purchasePriceCents) && facts.purchasePriceCents >= 0)) {
    throw new AppError('INVALID_ARGUMENT', { field: 'purchasePriceCents' });
  }
  const photo = checkedImage(input.photo, input.photoHash, { field: 'photo', hashField: 'photoHash' });
  return writeTransaction(ctx, () => {
    const { device, current } = deviceForStaffStep(ctx, input, { held: false });
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'incident_reported',
      actor: input.actor,
      custodian: current?.custodian ?? null,
      deviceId: device.deviceId,
      pupilId: device.ownerPupilId,
      locationId: current?.held ? current.locationId : null,
      details: {
        kind: input.kind,
        photoHash: input.photoHash,
        discoveredAt: facts.discoveredAt && new Date(facts.discoveredAt).toISOString(),
        purchaseDate: facts.purchaseDate,
        purchasePriceCents: facts.purchasePriceCents,
      },
      payload: { description, witnesses: text(facts.witnesses), policeReportNumber: text(facts.policeReportNumber) },
    });
    // The payload (the description) is required, so erasing it erases the photo with it.
    if (photo) storeMedia(ledgerWriter(ctx), event, photo.image, photo.sha256);
    return outcome(ctx, event, device, false);
  });
}
