import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { PNG } from 'pngjs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportPdf, type PdfExportRequest } from '../../../src/core/export/exportPdf';
import { listExports } from '../../../src/core/export/exportHistory';
import { newestEvent, readEvents, type StoredEvent } from '../../../src/core/ledger/readModel';
import { chainTreeHead } from '../../../src/core/ledger/treeHead';
import { requireTools } from '../../support/pdfRaster';
import { reportStory, savePages, type ReportStory } from '../report/reportFixture';

/** The PDF through poppler's tools, as a reader opens it: text in reading layout, pages as PNG. */
function poppler(pdf: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-log-'));
  const file = join(dir, 'log.pdf');
  writeFileSync(file, pdf);
  const run = (tool: string, args: string[]) => {
    const r = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${tool}: ${r.stderr}`);
    return r.stdout;
  };
  try {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
    const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    // In the order it was drawn: a cell's wrapped lines one after the other.
    const drawn = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).replace(/\s+/g, ' ');
    run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    // page-1.png, or page-01.png once the log has ten pages or more.
    const png = readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith('page-')) as string));
    return { pages, text, drawn, pageTexts: text.split('\f').slice(0, pages), png };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function exported(story: ReportStory, request: Partial<PdfExportRequest>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await exportPdf(story.f.s.context, { filter: {}, language: 'nl', actor: story.f.office.staffId, ...request }, out);
  const bytes = Buffer.concat(chunks);
  return { bytes, report, ...poppler(bytes) };
}

/** The seqs the printed table lists: each row starts with "#seq" at the left edge. */
const listedSeqs = (text: string) => [...text.matchAll(/^#(\d+)\s/gm)].map((m) => Number(m[1]));

const allEvents = (story: ReportStory, upToSeq: number): StoredEvent[] =>
  readEvents(story.f.core.db, { kioskId: story.f.core.kiosk().kioskId, order: 'oldest-first', upToSeq, limit: 1000 }).events;

describe('the custody log as a printable PDF', () => {
  let story: ReportStory;
  beforeAll(() => requireTools());
  beforeEach(() => {
    story = reportStory();
    // Three weeks of a class's mornings and afternoons: a log of several pages.
    for (let d = 1; d <= 15; d++) {
      story.f.clock.set(new Date(2026, 11, d, 8, 10).toISOString());
      story.f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
      story.f.clock.set(new Date(2026, 11, d, 14, 30).toISOString());
      story.f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    }
  });
  afterEach(() => story.f.close());

  it('lists every event of the ledger up to its signed checkpoint, on landscape A4 pages numbered "pagina N van M"', async () => {
    const { report, text, drawn, pages, pageTexts, png, bytes } = await exported(story, {});
    const events = allEvents(story, report.checkpoint!.treeSize);
    expect(report.rows).toBe(events.length);
    expect(listedSeqs(text)).toEqual(events.map((e) => e.seq));
    expect(pages).toBeGreaterThan(2);
    pageTexts.forEach((page, i) => expect(page).toContain(`pagina ${i + 1} van ${pages}`));
    // The first page opens with what the log is and what was selected.
    expect(pageTexts[0]).toContain('Bewaarlogboek');
    expect(pageTexts[0]).toMatch(/Selectie\s+alle gebeurtenissen/);
    // Names from all over Europe print as written (the font is embedded), times the Dutch way.
    expect(text).toContain('Zoë Ǆurić (7B)');
    expect(text).toContain('Łukasz Ørjan');
    expect(text).toMatch(/#\d+\s+17-11-2026 08:15\s+Ingeleverd\s+Zoë Ǆurić \(7B\)/);
    expect(drawn).toContain('scherm gebarsten — Barstje rechtsonder, zat er al');

    const page = PNG.sync.read(png);
    expect(page.width).toBeGreaterThan(page.height);
    const inked = page.data.filter((v, i) => i % 4 === 0 && v < 128).length;
    expect(inked).toBeGreaterThan(1000);
    savePages('custody-log', [png]);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a long log leaves page by page: every event printed, the pages in the file before the last row is laid out', async () => {
    // A school year of one pupil's mornings and afternoons: some thirty pages.
    for (let d = 0; d < 330; d++) {
      const day = new Date(2027, 0, 4 + d);
      story.f.clock.set(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 8, 10).toISOString());
      story.f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
      story.f.clock.set(new Date(day.getFullYear(), day.getMonth(), day.getDate(), 14, 30).toISOString());
      story.f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const received = () => chunks.reduce((n, c) => n + c.length, 0);
    let whileDrawing = 0;
    const request = { filter: {}, language: 'nl' as const, actor: story.f.office.staffId };
    // Progress comes after the last row is laid out, before the checkpoint and the end of the file.
    const report = await exportPdf(story.f.s.context, request, out, () => void (whileDrawing = received()));
    const bytes = Buffer.concat(chunks);
    const { text, pages } = poppler(bytes);
    expect(pages).toBeGreaterThan(25);
    expect(listedSeqs(text)).toEqual(allEvents(story, report.checkpoint!.treeSize).map((e) => e.seq));
    // pdfkit holds on to nothing but the page it is on: the rest has gone out already.
    expect(whileDrawing).toBeGreaterThan(bytes.length / 2);
  });

  it('marks a correction beside the event it voids', async () => {
    const { drawn } = await exported(story, {});
    const cell = (seq: number) => new RegExp(`#${seq} \\d\\d-11-2026 \\d\\d:\\d\\d (.*?) Zoë`).exec(drawn)?.[1];
    expect(cell(story.wrongSeq)).toBe(`Verplaatst VERVALLEN — hersteld door #${story.correctionSeq}`);
    expect(cell(story.correctionSeq)).toBe(`Correctie Herstelt #${story.wrongSeq}`);
  });

  it('holds the filtered events and none outside the filter, in English if asked', async () => {
    const filter = { deviceId: story.phone.deviceId, from: '2026-11-17', to: '2026-11-18' };
    const { report, text } = await exported(story, { filter, language: 'en' });
    const inDays = (e: StoredEvent) => {
      const d = new Date(e.occurredAt);
      return d.getFullYear() === 2026 && d.getMonth() === 10 && (d.getDate() === 17 || d.getDate() === 18);
    };
    const expected = allEvents(story, report.checkpoint!.treeSize).filter((e) => e.deviceId === story.phone.deviceId && inDays(e));
    expect(expected.length).toBeGreaterThan(4);
    expect(listedSeqs(text)).toEqual(expected.map((e) => e.seq));
    expect(text).toContain('Custody log');
    expect(text).toMatch(/Selection\s+period 17-11-2026 – 18-11-2026; device smartphone: Samsung A54 blauw/);
    expect(text).toContain('page 1 of 1');
  });

  it('ends with the signed checkpoint it was made against, and is recorded with the file’s SHA-256', async () => {
    const { report, pageTexts, bytes } = await exported(story, { filter: { types: ['handed_in', 'returned'] } });
    const kioskId = story.f.core.kiosk().kioskId;
    const root = chainTreeHead(story.f.core.db, kioskId, report.checkpoint!.treeSize).root;
    const last = pageTexts.at(-1)!;
    expect(last).toContain('Ondertekend controlepunt');
    expect(last).toContain(root.toString('hex'));
    expect(last).toContain(root.toString('base64'));
    expect(last).toMatch(new RegExp(`Aantal gebeurtenissen \\(boomgrootte\\)\\s+${report.checkpoint!.treeSize}\\b`));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(report.sha256).toBe(sha256);
    expect(newestEvent(story.f.core.db, { kioskId })).toMatchObject({
      type: 'export_made',
      actor: story.f.office.staffId,
      details: { format: 'pdf', rows: report.rows, sha256, checkpointTreeSize: report.checkpoint!.treeSize, filter: { types: ['handed_in', 'returned'] } },
    });
    expect(listExports(story.f.s.context)[0]).toMatchObject({ format: 'pdf', what: null, rows: report.rows, sha256 });
  });

  it('an empty selection is still a log: the header, no rows, and the checkpoint', async () => {
    const { report, text, pages } = await exported(story, { filter: { from: '2030-01-01' } });
    expect(report.rows).toBe(0);
    expect(listedSeqs(text)).toEqual([]);
    expect(pages).toBe(1);
    expect(text).toContain('0 gebeurtenissen');
    expect(text).toContain('pagina 1 van 1');
  });

  it('is for the office and the administrator only', async () => {
    await expect(exported(story, { actor: story.teacher.staffId })).rejects.toMatchObject({ code: 'NOT_AUTHORISED' });
  });
});
