import { z } from 'zod';
import { method } from './define';
import { EventType } from './eventTypes';

/**
 * The office's export of the custody log. The file crosses the boundary as base64, like the
 * sticker PDFs: a kiosk's year is a few MB. (An office database of millions of events is
 * exported with the CLI's `export`, which streams to a file.)
 */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ExportLogRequest = z.strictObject({
  /**
   * 'pdf': the printable custody log (landscape A4); 'bundle': the evidence bundle (JSON Lines),
   * checked with verify-bundle or tools/verify-bundle.mjs.
   */
  format: z.enum(['csv', 'xlsx', 'pdf', 'bundle']),
  language: z.enum(['nl', 'en']),
  from: Day.optional(),
  to: Day.optional(),
  groep: z.string().min(1).max(40).optional(),
  types: z.array(EventType).min(1).optional(),
});
export type ExportLogRequest = z.infer<typeof ExportLogRequest>;

export const exportMethods = {
  /** Signs a checkpoint, exports up to it and records the export (`export_made`). */
  exportLog: method(
    'office',
    ExportLogRequest,
    z.object({
      fileName: z.string(),
      mime: z.string(),
      base64: z.string(),
      rows: z.number().int(),
      /** The signed note the export was made against, for the office to keep with the file. */
      checkpoint: z.object({ treeSize: z.number().int(), note: z.string() }).nullable(),
    }),
  ),
};
