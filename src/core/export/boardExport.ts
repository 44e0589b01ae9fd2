import type { Writable } from 'node:stream';
import type { ClientBase } from 'pg';
import { exportCentralCsv } from '../central/export';
import { exportCentralPdf } from '../central/exportPdf';
import { exportCentralXlsx } from '../central/exportXlsx';
import { prepared } from '../db/statements';
import type { CentralEventFilter } from '../central/filter';
import type { Actor } from '../ledger/events';
import { reportTexts } from '../report/texts';
import type { ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';
import type { ExportLanguage } from './columns';
import { recordExport } from './exportEvents';
import { hashingOutput } from './hashingOutput';

export interface BoardExportRequest {
  format: 'csv' | 'xlsx' | 'pdf';
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
      : request.format === 'xlsx'
        ? await exportCentralXlsx(client, hashed.stream, request.filter, { language: request.language })
        : await exportCentralPdf(client, hashed.stream, request.filter, {
            language: request.language,
            scope: request.scope,
            madeBy: madeBy(ctx, request),
            now: ctx.now(),
          });
  const sha256 = await hashed.done();
  recordExport(ctx, { format: request.format, actor: request.actor, filter: { scope: 'board', ...request.scope }, rows, checkpoint: null, sha256 });
  return { rows, sha256 };
}

/** The printed maker of a board PDF: the staff member's name from this PC's own ledger (the centre holds none). */
function madeBy(ctx: ServiceContext, request: BoardExportRequest): string {
  if (request.actor === 'system') return reportTexts[request.language].systemActor;
  const staff = prepared<{ name: string }>(ctx.db, 'SELECT display_name AS name FROM staff WHERE staff_id = ?').get(request.actor);
  return staff?.name ?? request.actor;
}
