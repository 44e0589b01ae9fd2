import { z } from 'zod';
import { DeviceKind } from './custody';
import { method } from './define';

/**
 * Pupils who may keep a device (a glucose monitor on the phone, a lesson): recorded by the
 * office, used at the door. The reason is a category; the note is optional, off by default, and
 * never reaches the door.
 */
const Id = z.uuid();
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const exemptionReasonList = ['medisch', 'onderwijs', 'overig'] as const;
export const ExemptionReason = z.enum(exemptionReasonList);
export type ExemptionReason = z.infer<typeof ExemptionReason>;

export const ExemptionStatus = z.enum(['upcoming', 'active', 'expired', 'ended']);
export type ExemptionStatus = z.infer<typeof ExemptionStatus>;

export const ExemptionItem = z.object({
  exemptionId: z.string(),
  pupilId: z.string(),
  pupilName: z.string(),
  groep: z.string(),
  /** null: any device of the pupil. */
  deviceId: z.string().nullable(),
  device: z.object({ kind: DeviceKind, description: z.string() }).nullable(),
  reason: ExemptionReason,
  validFrom: LocalDate,
  validUntil: LocalDate,
  agreedBy: z.string(),
  agreedByName: z.string(),
  status: ExemptionStatus,
  endedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type ExemptionItem = z.infer<typeof ExemptionItem>;

export const ExemptionChoices = z.object({
  pupils: z.array(
    z.object({
      pupilId: z.string(),
      name: z.string(),
      groep: z.string(),
      devices: z.array(z.object({ deviceId: z.string(), kind: DeviceKind, description: z.string() })),
    }),
  ),
  staff: z.array(z.object({ staffId: z.string(), displayName: z.string() })),
});
export type ExemptionChoices = z.infer<typeof ExemptionChoices>;

export const exemptionMethods = {
  listExemptions: method('office', z.strictObject({}), z.object({ exemptions: z.array(ExemptionItem), today: LocalDate })),
  /** The pupils (with their devices) and staff to choose from in the form. */
  exemptionChoices: method('office', z.strictObject({}), ExemptionChoices),
  addExemption: method(
    'office',
    z.strictObject({
      pupilId: Id,
      deviceId: Id.nullable().default(null),
      reason: ExemptionReason,
      validFrom: LocalDate,
      validUntil: LocalDate,
      agreedBy: Id,
      note: z.string().trim().max(500).optional(),
    }),
    ExemptionItem,
  ),
  endExemption: method('office', z.strictObject({ exemptionId: Id }), ExemptionItem),
};
