import { z } from 'zod';
import { method } from './define';

/**
 * The exports the office made, as the ledger recorded them (`export_made`): when, who, which
 * filter, how many events, and the SHA-256 of the file handed out, so a file that turns up
 * later can be matched to its export.
 */
export const ExportRecord = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  /** The staff member's display name, or 'system' for the CLI. */
  by: z.string(),
  format: z.string(),
  /** What else than the log was exported: 'label_sheet' (a sticker sheet), 'custody_report'; null for the log. */
  what: z.string().nullable(),
  filter: z.record(z.string(), z.unknown()),
  rows: z.number().int(),
  /** Absent on exports made before the hash was recorded. */
  sha256: z.string().nullable(),
  checkpointTreeSize: z.number().int().nullable(),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export const exportHistoryMethods = {
  /** The newest exports first. */
  listExports: method(
    'office',
    z.strictObject({ limit: z.number().int().min(1).max(200).optional() }),
    z.object({ exports: z.array(ExportRecord) }),
  ),
};
