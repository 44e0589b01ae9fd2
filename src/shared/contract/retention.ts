import { z } from 'zod';

/**
 * How long the kiosk keeps personal data (AVG art. 5(1)(e)), set once by the school's admin.
 * Routine: hand-ins, returns, transfers and door notes. Cases: a confiscation or an incident and
 * the device's events around it, counted from the moment the case closed. Left pupils: a pupil
 * deactivated by an import (or by hand), names in the pupil list included; 24 months follows the
 * VBSO guidance for pupil files.
 */
export const RetentionSettings = z
  .object({
    routineWeeks: z.number().int().min(1).max(520),
    closedCaseMonths: z.number().int().min(1).max(120),
    leftPupilMonths: z.number().int().min(1).max(120),
  })
  .strict();
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const defaultRetention: RetentionSettings = { routineWeeks: 8, closedCaseMonths: 12, leftPupilMonths: 24 };
