import type { Writable } from 'node:stream';
import type { ClientBase } from 'pg';
import { exportCentralCsv } from '../central/export';
import { exportCentralXlsx } from '../central/exportXlsx';
import type { CentralEventFilter } from '../central/filter';
import type { Actor } from '../ledger/events';
import type { ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';
import type { ExportLanguage } from './columns';
import { recordExport } from './exportEvents';
import { hashingOutput } from './hashingOutput';

export interface BoardExportRequest {
  format: 'csv' | 'xlsx';
  language: ExportLanguage;
  /** What the central query runs on. */
  filter: CentralEventFilter;
  /** The filter as the office chose it (days, school, kiosk, …): what the export's record says. */
  scope: Record<string, string | readonly string[]>;
  actor: Actor;
}

/**
 * The board's cross-kiosk log from the central database into `out`, recorded in this PC's own
 * ledger as `export_made` like the kiosk's exports: who, when, the board scope (`scope: 'board'`
 * with the school, kiosk and other filters), how many events and the file's SHA-256. There is no
 * checkpoint of this PC's to stop at: the rows are other kiosks', each chain signed by its kiosk.
 */
export async function exportBoard(
  ctx: ServiceContext,
  client: ClientBase,
  request: BoardExportRequest,
  out: Writable,
): Promise<{ rows: number; sha256: string }> {
  requireRole(ctx, request.actor, ['office', 'admin']);
  const hashed = hashingOutput(out);
  const rows =
    request.format === 'csv'
      ? await exportCentralCsv(client, hashed.stream, request.filter, { excel: true })
      : await exportCentralXlsx(client, hashed.stream, request.filter, { language: request.language });
  const sha256 = await hashed.done();
  recordExport(ctx, { format: request.format, actor: request.actor, filter: { scope: 'board', ...request.scope }, rows, checkpoint: null, sha256 });
  return { rows, sha256 };
}
