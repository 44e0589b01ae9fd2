import type { Writable } from 'node:stream';
import type { EventType } from '../../shared/contract/eventTypes';
import { AppError } from '../../shared/errors';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { countMatching, readEventRecords, type EventQuery } from '../ledger/readModel';
import type { SignedCheckpoint } from '../ledger/signedCheckpoints';
import { signCheckpoint } from '../services/checkpoints';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';
import type { DateStyle } from './cells';
import type { ExportLanguage } from './columns';
import { hashingOutput } from './hashingOutput';
import { recordResolver } from './rows';
import { csvSink, xlsxSink, type RowSink } from './writers';

export interface ExportFilter {
  /** First day, yyyy-mm-dd in the kiosk's time zone. */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  /** Every pupil the group holds now, those who left it included if the list still names them. */
  groep?: string;
  pupilId?: string;
  deviceId?: string;
  types?: readonly EventType[];
  /** In a database with several kiosks' chains; the local kiosk's by default. */
  kioskId?: string;
}

export interface ExportRequest {
  format: 'csv' | 'xlsx';
  filter: ExportFilter;
  language: ExportLanguage;
  delimiter?: ';' | ',';
  dates?: DateStyle;
  actor: Actor;
}

export interface ExportReport {
  rows: number;
  /** The kiosk's checkpoint the export was made against: it covers every exported local event. */
  checkpoint: Pick<SignedCheckpoint, 'treeSize' | 'root' | 'note'> | null;
  /** Of the file as written, hex: also in the `export_made` event. */
  sha256: string;
}

/**
 * Streams the events the filter picks, oldest first, into a CSV or XLSX writer, a batch at a time
 * (memory stays flat at a million events). The kiosk first signs its chain, and the export stops
 * at that checkpoint, so whoever receives the file can check every row against a signed root.
 * The export itself is recorded (`export_made`: format, filter, row count, checkpoint, the file's
 * SHA-256; no names).
 */
export async function exportEvents(
  ctx: ServiceContext,
  request: ExportRequest,
  out: Writable,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportReport> {
  requireRole(ctx, request.actor, ['office', 'admin']);
  const kioskId = request.filter.kioskId ?? ctx.kioskId;
  const local = kioskId === ctx.kioskId;
  const checkpoint = local ? signCheckpoint(ctx, 'export') : null;
  const query = eventQuery(ctx, request.filter, kioskId, checkpoint?.treeSize);
  // Only a screen watching the progress needs the total; the count is a pass over the events of its own.
  const total = onProgress ? countMatching(ctx.db, query) : 0;
  const hashed = hashingOutput(out);
  const sink: RowSink =
    request.format === 'csv'
      ? csvSink(hashed.stream, { language: request.language, delimiter: request.delimiter ?? ';', dates: request.dates ?? 'nl' })
      : xlsxSink(hashed.stream, { language: request.language, sheetName: request.language === 'nl' ? 'Logboek' : 'Log' });
  const toRow = recordResolver(ctx, request.language);
  let rows = 0;
  for (let afterSeq = 0; ; ) {
    const batch = readEventRecords(ctx.db, query, afterSeq);
    const last = batch.at(-1);
    if (!last) break;
    await sink.write(batch.map(toRow));
    rows += batch.length;
    onProgress?.(rows, total);
    // A batch at a time, the process stays free in between: the screen hears the progress, and
    // the kiosk's other calls are not held up by a long export.
    if (onProgress) await new Promise<void>((resolve) => setImmediate(resolve));
    afterSeq = last[1];
  }
  if (rows === 0) onProgress?.(0, total);
  await sink.close();
  const sha256 = await hashed.done();
  recordExport(ctx, { format: request.format, actor: request.actor, filter: { ...request.filter, kioskId }, rows, checkpoint, sha256 });
  return { rows, checkpoint: checkpoint && { treeSize: checkpoint.treeSize, root: checkpoint.root, note: checkpoint.note }, sha256 };
}

/** The `export_made` event: who (its actor) and when (its time) come with every event. */
export function recordExport(
  ctx: ServiceContext,
  e: {
    format: string;
    actor: Actor;
    /** The kiosk's own filter, or a board export's scope (school, kiosk, … from the central database). */
    filter: ExportFilter | Readonly<Record<string, string | readonly string[]>>;
    rows: number;
    checkpoint: SignedCheckpoint | null;
    sha256: string;
  },
): void {
  writeTransaction(ctx, () => {
    appendEvent(ledgerWriter(ctx), {
      type: 'export_made',
      actor: e.actor,
      details: {
        format: e.format,
        filter: JSON.parse(JSON.stringify(e.filter)) as Record<string, string | string[]>,
        rows: e.rows,
        ...(e.checkpoint ? { checkpointTreeSize: e.checkpoint.treeSize } : {}),
        sha256: e.sha256,
      },
    });
  });
}

export function eventQuery(ctx: ServiceContext, filter: ExportFilter, kioskId: string, upToSeq: number | undefined): EventQuery {
  const day = (d: string, field: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(new Date(`${d}T00:00:00`).getTime())) {
      throw new AppError('INVALID_ARGUMENT', { field });
    }
    return new Date(`${d}T00:00:00`);
  };
  const next = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
  const pupilIds =
    filter.groep === undefined
      ? undefined
      : prepared<{ pupil_id: string }>(ctx.db, 'SELECT pupil_id FROM pupils WHERE groep = ?')
          .all(filter.groep)
          .map((p) => p.pupil_id);
  return {
    kioskId,
    ...(filter.from ? { from: day(filter.from, 'from').toISOString() } : {}),
    ...(filter.to ? { to: next(day(filter.to, 'to')).toISOString() } : {}),
    ...(pupilIds ? { pupilIds } : {}),
    ...(filter.pupilId ? { pupilId: filter.pupilId } : {}),
    ...(filter.deviceId ? { deviceId: filter.deviceId } : {}),
    ...(filter.types ? { types: filter.types } : {}),
    ...(upToSeq === undefined ? {} : { upToSeq }),
  };
}
