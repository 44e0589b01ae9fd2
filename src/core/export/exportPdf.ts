import type { Writable } from 'node:stream';
import { eventTypeLabels } from '../../shared/contract/eventLabels';
import { prepared } from '../db/statements';
import { readIdentity } from '../kiosk/identity';
import type { Actor } from '../ledger/events';
import { countMatching, MAX_PAGE, readEvents, type EventQuery, type StoredEvent } from '../ledger/readModel';
import { createPdf, type Pdf } from '../labels/pdfDocument';
import { reportTexts } from '../report/texts';
import { signCheckpoint } from '../services/checkpoints';
import type { ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';
import { formatTime } from './cells';
import type { ExportLanguage } from './columns';
import { drained } from './drained';
import { eventQuery, recordExport, type ExportFilter, type ExportReport } from './exportEvents';
import { hashingOutput } from './hashingOutput';
import { CustodyLogLayout, LOG_PAGE, type LogFrame, type LogRow } from './pdfLog';
import { pdfLogTexts } from './pdfLogTexts';
import { rowResolver } from './rows';

export interface PdfExportRequest {
  filter: ExportFilter;
  language: ExportLanguage;
  actor: Actor;
}

/**
 * The custody log of the events a filter picks as a printable PDF (landscape A4): the same
 * filters, checkpoint and `export_made` record as the CSV and XLSX, for a school that files its
 * log on paper or hands it to a parent. Read from the ledger a page at a time, twice (see
 * pdfLog.ts: once to count the pages, once to write them), and written out page by page.
 */
export async function exportPdf(
  ctx: ServiceContext,
  request: PdfExportRequest,
  out: Writable,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportReport> {
  requireRole(ctx, request.actor, ['office', 'admin']);
  const kioskId = request.filter.kioskId ?? ctx.kioskId;
  const checkpoint = kioskId === ctx.kioskId ? signCheckpoint(ctx, 'export') : null;
  const query = eventQuery(ctx, request.filter, kioskId, checkpoint?.treeSize);
  const total = countMatching(ctx.db, query);
  const toRow = logRowResolver(ctx, request.language, checkpoint?.treeSize);
  const frame = logFrame(ctx, request, kioskId, total);

  const doc = createPdf({ title: frame.running, width: LOG_PAGE.widthMm, height: LOG_PAGE.heightMm, now: ctx.now() });
  const hashed = hashingOutput(out);
  doc.on('data', (chunk: Buffer) => hashed.stream.write(chunk));
  const ended = new Promise<void>((resolve, reject) => doc.once('end', resolve).once('error', reject));
  CustodyLogLayout.openFirstPage(doc);

  const measure = new CustodyLogLayout(doc, frame, false);
  for (const page of pages(ctx, query)) for (const e of page) measure.row(toRow(e));
  const pageCount = measure.end(checkpoint);

  const layout = new CustodyLogLayout(doc, frame, true, pageCount);
  let rows = 0;
  for (const page of pages(ctx, query)) {
    for (const e of page) {
      // A finished page has gone to the output: wait for it to be written before the next.
      if (layout.row(toRow(e))) await pageOut(doc, hashed.stream);
    }
    rows += page.length;
    onProgress?.(rows, total);
    if (onProgress) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (rows === 0) onProgress?.(0, total);
  layout.end(checkpoint);
  doc.end();
  await ended;
  hashed.stream.end();
  const sha256 = await hashed.done();
  recordExport(ctx, { format: 'pdf', actor: request.actor, filter: { ...request.filter, kioskId }, rows, checkpoint, sha256 });
  return { rows, checkpoint: checkpoint && { treeSize: checkpoint.treeSize, root: checkpoint.root, note: checkpoint.note }, sha256 };
}

/**
 * Lets a finished page leave. pdfkit pushes its bytes into its own readable buffer, and once
 * anything waits there every later push waits behind it until the event loop turns: without a
 * turn per page the whole file piled up inside pdfkit (0.8 MB of heap per 1,000 events) and the
 * output never filled up enough to be waited for. So: a turn, then the output's drain if it is full.
 */
export async function pageOut(doc: Pdf, out: Writable): Promise<void> {
  if (doc.readableLength > 0) await new Promise<void>((resolve) => setImmediate(resolve));
  if (out.writableNeedDrain) await drained(out);
}

/** The events of `query`, oldest first, a page at a time. */
function* pages(ctx: ServiceContext, query: EventQuery): Generator<StoredEvent[]> {
  for (let afterSeq = 0; ; ) {
    const page = readEvents(ctx.db, { ...query, order: 'oldest-first', afterSeq, limit: MAX_PAGE });
    if (page.events.length > 0) yield page.events;
    if (page.next === null) return;
    afterSeq = page.next;
  }
}

/**
 * An event as a line of the log, in words. A correction made after the checkpoint is not in the
 * log, so the event it voids is not marked either: both passes must see the same rows.
 */
function logRowResolver(ctx: ServiceContext, language: ExportLanguage, upToSeq: number | undefined): (e: StoredEvent) => LogRow {
  const toRow = rowResolver(ctx, language);
  const words = reportTexts[language];
  return (e) => {
    const row = toRow(e);
    const voidedBy = e.voidedBySeq !== null && (upToSeq === undefined || e.voidedBySeq <= upToSeq) ? e.voidedBySeq : null;
    const marks = Array.isArray(e.details.marks) ? e.details.marks.map((m) => words.marksLabels[String(m)] ?? String(m)).join(', ') : '';
    const notes = [marks, row.note, e.redacted ? words.erased : ''].filter(Boolean).join(' — ');
    return {
      seq: e.seq,
      time: formatTime(e.occurredAt, 'nl'),
      type: row.type,
      mark: voidedBy !== null ? words.voidedBy(voidedBy) : e.voidsSeq !== null ? words.voids(e.voidsSeq) : null,
      voided: voidedBy !== null,
      pupil: row.pupil && row.groep ? `${row.pupil} (${row.groep})` : row.pupil || row.groep,
      device: row.device,
      actor: e.actor === 'system' ? words.systemActor : row.actor,
      custodian: words.custodians[row.custodian] ?? row.custodian,
      place: [row.location, row.pouch && `${words.pouch} ${row.pouch}`].filter(Boolean).join(' · '),
      notes,
    };
  };
}

/** The first page's header: school, kiosk, the selection in words, when and by whom. */
function logFrame(ctx: ServiceContext, request: PdfExportRequest, kioskId: string, events: number): LogFrame {
  const t = pdfLogTexts[request.language];
  const words = reportTexts[request.language];
  const identity = readIdentity(ctx.db);
  const f = request.filter;
  const day = (d: string) => d.split('-').reverse().join('-');
  const name = (sql: string, id: string) => prepared<{ label: string }>(ctx.db, sql).get(id)?.label;
  const selection = [
    f.from || f.to ? `${t.period} ${f.from ? day(f.from) : '…'} – ${f.to ? day(f.to) : '…'}` : '',
    f.groep ? `${t.group} ${f.groep}` : '',
    f.pupilId ? `${t.pupil} ${name("SELECT roepnaam || ' ' || achternaam AS label FROM pupils WHERE pupil_id = ?", f.pupilId) ?? f.pupilId}` : '',
    f.deviceId ? `${t.device} ${name("SELECT kind || ': ' || description AS label FROM devices WHERE device_id = ?", f.deviceId) ?? f.deviceId}` : '',
    f.types ? `${t.types}: ${f.types.map((type) => eventTypeLabels[request.language][type]).join(', ')}` : '',
    f.kioskId && f.kioskId !== ctx.kioskId ? `${t.kioskFilter} ${f.kioskId}` : '',
  ].filter(Boolean);
  const madeBy =
    request.actor === 'system'
      ? words.systemActor
      : (name('SELECT display_name AS label FROM staff WHERE staff_id = ?', request.actor) ?? request.actor);
  const school = identity?.school ?? '';
  const kiosk = identity?.name ?? '';
  return {
    t,
    words,
    header: [
      [words.school, school],
      [words.kiosk, kioskId === ctx.kioskId ? `${kiosk} (${kioskId})` : kioskId],
      [t.filter, selection.length > 0 ? selection.join('; ') : t.everything],
      [words.made, formatTime(ctx.now().toISOString(), 'nl')],
      [words.madeBy, madeBy],
    ],
    running: [t.title, school, kiosk].filter(Boolean).join(' — '),
    events,
  };
}
