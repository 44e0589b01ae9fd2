import { z } from 'zod';
import { method } from './define';

/**
 * The chain-of-custody report (PDF) for one device or one incident. Every staff role may make
 * one: the office for a parent's or an insurer's question, a teacher from the incident they
 * recorded. The file crosses the boundary as base64, like the sticker sheets.
 */
export const ReportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('device'), deviceId: z.uuid() }),
  z.strictObject({ kind: z.literal('incident'), seq: z.number().int().min(1) }),
]);
export type ReportScope = z.infer<typeof ReportScope>;

export const ReportSubject = z.object({
  deviceId: z.string(),
  kind: z.string(),
  description: z.string(),
  pupilName: z.string(),
  groep: z.string(),
  active: z.boolean(),
  incidents: z.array(z.object({ seq: z.number().int(), occurredAt: z.string(), kind: z.string() })),
});
export type ReportSubject = z.infer<typeof ReportSubject>;

export const reportMethods = {
  /** The groups, and for one group its devices (with their pupil) and each device's incidents. */
  reportSubjects: method(
    'office',
    z.strictObject({ groep: z.string().min(1).max(40).optional() }),
    z.object({ groups: z.array(z.string()), devices: z.array(ReportSubject) }),
  ),
  /** Signs a checkpoint, verifies the chain, makes the PDF and records it (`export_made`). */
  makeCustodyReport: method(
    'staff',
    z.strictObject({ scope: ReportScope, language: z.enum(['nl', 'en']).optional() }),
    z.object({
      fileName: z.string(),
      base64: z.base64(),
      pageCount: z.number().int(),
      events: z.number().int(),
      verified: z.boolean(),
      checkpoint: z.object({ treeSize: z.number().int(), note: z.string() }),
    }),
  ),
};
