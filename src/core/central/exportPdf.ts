import type { Writable } from 'node:stream';
import type { ClientBase } from 'pg';
import { eventTypeLabels } from '../../shared/contract/eventLabels';
import { formatTime } from '../export/cells';
import type { ExportLanguage } from '../export/columns';
import { pageOut } from '../export/exportPdf';
import { CustodyLogLayout, LOG_PAGE, type LogFrame, type LogRow, type WitnessedKiosk } from '../export/pdfLog';
import { pdfLogTexts } from '../export/pdfLogTexts';
import { printedId } from '../export/printedId';
import { createPdf } from '../labels/pdfDocument';
import { centralPeople } from '../report/centralModel';
import { centralReportTexts } from '../report/centralTexts';
import { reportTexts } from '../report/texts';
import { centralEventsQuery } from './export';
import type { CentralEventFilter } from './filter';

export interface CentralPdfOptions {
  language: ExportLanguage;
  /** The filter as the office or the command line stated it (school, kioskId, from, to, types, deviceId, pupilId): the header says it. */
  scope: Readonly<Record<string, string | readonly string[]>>;
  /** Who made it, as printed: a staff member's name on the board's PC, "system" for the CLI. */
  madeBy: string;
  now: Date;
}

type Raw = {
  school: string; kiosk: string; kiosk_id: string; seq: string; occurred_at: string; type: string; actor: string;
  custodian: string | null; device_id: string | null; pupil_id: string | null; location_id: string | null;
  pouch_id: string | null; voids_seq: string | null; hash: string; voided_by: string | null;
};

/** Rows per FETCH: pdfkit lays them out one by one, memory holds one batch and one page. */
const BATCH = 2000;

/**
 * The board's cross-kiosk log as the kiosk's printable custody log (landscape A4, "pagina N van
 * M", a voided event in red beside its correction), the same rows in the same order as the CSV
 * and XLSX. ids stand where the kiosk's log has names: the centre holds none. It ends with each
 * kiosk's newest witnessed checkpoint instead of one checkpoint of its own. Both layout passes
 * (count the pages, then draw them) and the count before them read through a server-side cursor in one read-only snapshot,
 * so they see the same rows and a sync arriving meanwhile is not half in the file.
 */
export async function exportCentralPdf(client: ClientBase, out: Writable, filter: CentralEventFilter, options: CentralPdfOptions): Promise<number> {
  const frame = boardFrame(options);
  const toRow = rowResolver(options.language);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const doc = createPdf({ title: frame.running, width: LOG_PAGE.widthMm, height: LOG_PAGE.heightMm, now: options.now });
    doc.on('data', (chunk: Buffer) => out.write(chunk));
    const ended = new Promise<void>((resolve, reject) => doc.once('end', resolve).once('error', reject));
    CustodyLogLayout.openFirstPage(doc);

    // How many events, and which kiosks, before the first pass: the intro states the count.
    const { events, kiosks } = await logKiosks(client, filter);
    const witnessed = await witnessedCheckpoints(client, kiosks);
    const counted = { ...frame, events };
    const measure = new CustodyLogLayout(doc, counted, false);
    await eachBatch(client, filter, async (batch) => {
      for (const r of batch) measure.row(toRow(r));
    });
    const pageCount = measure.endWitnessed(witnessed);

    const layout = new CustodyLogLayout(doc, counted, true, pageCount);
    await eachBatch(client, filter, async (batch) => {
      // A finished page has gone to the output: wait for it to be written before the next.
      for (const r of batch) if (layout.row(toRow(r))) await pageOut(doc, out);
    });
    layout.endWitnessed(witnessed);
    doc.end();
    await ended;
    await client.query('COMMIT');
    out.end();
    return events;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * The export's rows with the correction that voids each, if any (one hash join over the
 * corrections, not a look-up per row), in the CSV's order: school, kiosk, kiosk id, seq.
 */
function pdfQuery(client: ClientBase, filter: CentralEventFilter): string {
  return `SELECT q.*, v.voided_by FROM (${centralEventsQuery(client, filter)}) q
    LEFT JOIN (SELECT kiosk_id, voids_seq, min(seq) AS voided_by FROM central.events WHERE voids_seq IS NOT NULL GROUP BY kiosk_id, voids_seq) v
      ON v.kiosk_id = q.kiosk_id AND v.voids_seq = q.seq
    ORDER BY q.school, q.kiosk, q.kiosk_id, q.seq`;
}

/** The kiosks in the log, in its order, labelled "school · kiosk (id)", and the number of events. */
async function logKiosks(client: ClientBase, filter: CentralEventFilter): Promise<{ events: number; kiosks: Map<string, string> }> {
  const r = await client.query<{ kiosk_id: string; school: string; kiosk: string; n: string }>(
    `SELECT q.kiosk_id, q.school, q.kiosk, count(*) AS n FROM (${centralEventsQuery(client, filter)}) q
      GROUP BY q.school, q.kiosk, q.kiosk_id ORDER BY q.school, q.kiosk, q.kiosk_id`,
  );
  return {
    events: r.rows.reduce((sum, row) => sum + Number(row.n), 0),
    kiosks: new Map(r.rows.map((row) => [row.kiosk_id, `${row.school} · ${row.kiosk} (${row.kiosk_id})`])),
  };
}

/** One pass over the rows through a cursor of its own, inside the caller's snapshot. */
async function eachBatch(client: ClientBase, filter: CentralEventFilter, take: (rows: Raw[]) => Promise<void>): Promise<void> {
  await client.query(`DECLARE board_pdf NO SCROLL CURSOR FOR ${pdfQuery(client, filter)}`);
  for (;;) {
    const batch = await client.query<Raw>(`FETCH ${BATCH} FROM board_pdf`);
    if (batch.rows.length === 0) break;
    await take(batch.rows);
  }
  await client.query('CLOSE board_pdf');
}

/** Each kiosk in the log, in the log's order, with its newest countersigned checkpoint and that checkpoint's root. */
async function witnessedCheckpoints(client: ClientBase, kiosks: ReadonlyMap<string, string>): Promise<WitnessedKiosk[]> {
  if (kiosks.size === 0) return [];
  const r = await client.query<{ kiosk_id: string; tree_size: string; witness: string; root: Buffer }>(
    `SELECT DISTINCT ON (w.kiosk_id) w.kiosk_id, w.tree_size, w.witness, c.root
       FROM central.cosignatures w JOIN central.checkpoints c USING (kiosk_id, tree_size)
      WHERE w.kiosk_id = ANY($1::text[])
      ORDER BY w.kiosk_id, w.tree_size DESC, w.witnessed_at DESC`,
    [[...kiosks.keys()]],
  );
  const byKiosk = new Map(r.rows.map((row) => [row.kiosk_id, { treeSize: Number(row.tree_size), root: row.root, witness: row.witness }]));
  return [...kiosks].map(([kioskId, label]) => ({ label, witnessed: byKiosk.get(kioskId) ?? null }));
}

function rowResolver(language: ExportLanguage): (r: Raw) => LogRow {
  const words = reportTexts[language];
  const labels: Record<string, string> = eventTypeLabels[language];
  const { who, held } = centralPeople(language, printedId);
  return (r) => {
    const voidedBy = r.voided_by === null ? null : Number(r.voided_by);
    return {
      seq: Number(r.seq),
      time: formatTime(r.occurred_at, 'nl'),
      type: labels[r.type] ?? r.type,
      mark: voidedBy !== null ? words.voidedBy(voidedBy) : r.voids_seq !== null ? words.voids(Number(r.voids_seq)) : null,
      voided: voidedBy !== null,
      origin: `${r.school} · ${r.kiosk}`,
      pupil: r.pupil_id === null ? '' : printedId(r.pupil_id),
      device: r.device_id === null ? '' : printedId(r.device_id),
      actor: who(r.actor),
      custodian: held(r.custodian),
      place: [r.location_id && printedId(r.location_id), r.pouch_id && `${words.pouch} ${printedId(r.pouch_id)}`].filter(Boolean).join(' · '),
      // Whole, in groups of 16: pdfkit wraps one 64-character word letter by letter, which made
      // the log take twice as long (test/bench/centralPdf.ts: 5,000 events 14.9 s, grouped 6.9 s, on a busy machine).
      notes: r.hash.replace(/(.{16})(?=.)/g, '$1 '),
    };
  };
}

/** The first page's header: the board's database, the scope as the export states it, that ids stand for names. */
function boardFrame(options: CentralPdfOptions): LogFrame {
  const base = pdfLogTexts[options.language];
  const t = { ...base, title: base.boardTitle, intro: base.boardIntro, columns: { ...base.columns, pupil: centralReportTexts[options.language].pupilId, device: centralReportTexts[options.language].deviceId, notes: 'SHA-256' } };
  const words = reportTexts[options.language];
  const c = centralReportTexts[options.language];
  const s = options.scope;
  const value = (key: string) => {
    const v = s[key];
    return v === undefined ? undefined : typeof v === 'string' ? v : v.join(', ');
  };
  const day = (d: string) => d.split('-').reverse().join('-');
  const from = value('from');
  const to = value('to');
  const types = s.types === undefined ? undefined : (typeof s.types === 'string' ? [s.types] : s.types);
  const typeLabels: Record<string, string> = eventTypeLabels[options.language];
  const selection = [
    value('school') !== undefined ? `${t.school} ${value('school')}` : '',
    value('kioskId') !== undefined ? `${t.kioskFilter} ${value('kioskId')}` : '',
    from || to ? `${t.period} ${from ? day(from) : '…'} – ${to ? day(to) : '…'}` : '',
    types ? `${t.types}: ${types.map((type) => typeLabels[type] ?? type).join(', ')}` : '',
    value('deviceId') !== undefined ? `${t.device} ${value('deviceId')}` : '',
    value('pupilId') !== undefined ? `${t.pupil} ${value('pupilId')}` : '',
  ].filter(Boolean);
  return {
    t,
    words,
    header: [
      [c.source, c.sourceValue],
      [t.filter, selection.length > 0 ? selection.join('; ') : t.everything],
      [t.ids, t.idsNotNames],
      [words.made, formatTime(options.now.toISOString(), 'nl')],
      [words.madeBy, options.madeBy],
    ],
    running: [t.title, value('school')].filter(Boolean).join(' — '),
    events: 0,
    origin: true,
  };
}
