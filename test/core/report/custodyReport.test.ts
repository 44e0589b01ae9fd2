import { createHash } from 'node:crypto';
import { listExports } from '../../../src/core/export/exportHistory';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkpointText, kioskOrigin } from '../../../src/core/evidence/checkpoint';
import { newestEvent } from '../../../src/core/ledger/readModel';
import { makeCustodyReport, type ReportRequest } from '../../../src/core/report/makeReport';
import { chainTreeHead } from '../../../src/core/ledger/treeHead';
import { requireTools } from '../../support/pdfRaster';
import { reportStory, savePages, type ReportStory } from './reportFixture';

/** Every page as a PNG file's bytes, rendered by poppler as a reader's viewer would. */
function renderPages(pdf: Uint8Array, dpi: number): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-report-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    const run = spawnSync('pdftoppm', ['-r', String(dpi), '-png', join(dir, 'report.pdf'), join(dir, 'page')]);
    if (run.status !== 0) throw new Error(`pdftoppm: ${run.stderr.toString()}`);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function zbar(png: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-zbar-'));
  try {
    writeFileSync(join(dir, 'page.png'), png);
    return spawnSync('zbarimg', ['--raw', '-q', join(dir, 'page.png')], { encoding: 'utf8' }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text as laid out on the page (labels beside their values); pages end in a form feed. */
function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-report-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    return spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the chain-of-custody report', () => {
  let story: ReportStory;
  beforeAll(() => requireTools());
  afterEach(() => story?.f.close());

  const report = (request: Partial<ReportRequest> = {}) =>
    makeCustodyReport(story.f.s.context, {
      scope: { kind: 'device', deviceId: story.phone.deviceId },
      actor: story.f.office.staffId,
      ...request,
    });

  it('lists every event of the device in order, with names in any alphabet printed as written', async () => {
    story = reportStory();
    const made = await report();
    const text = pdfText(made.pdf);
    const words = flat(text);
    const types = ['Apparaat geregistreerd', 'Sticker of tag gekoppeld', 'Ingeleverd', 'Staat genoteerd', 'Verplaatst', 'Correctie', 'Teruggegeven', 'In beslag genomen', 'Meegegeven aan ouder', 'Incident gemeld'];
    let at = 0;
    for (const type of types) {
      const found = words.indexOf(type, at);
      expect(found, `${type} after position ${at}`).toBeGreaterThan(-1);
      at = found;
    }
    expect(made.events).toBe(10);
    for (const name of ['Zoë Ǆurić', 'Łukasz Ørjan', 'Ørjan Ǆurić', 'Meester Bas', 'يوسف']) expect(words).toContain(name);
    expect(words).toContain('scherm gebarsten');
    expect(words).toContain('Barstje rechtsonder, zat er al');
    expect(words).toContain('17-11-2026 08:15');
    expect(words).toContain('Art. 4.2 protocol');
    // The correction stands beside what it voids.
    expect(words).toContain(`VERVALLEN — hersteld door #${story.correctionSeq}: Verkeerd toestel gekozen`);
    expect(words).toContain(`Herstelt #${story.wrongSeq}`);
    expect(words).toContain('In orde: alle');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    pages.forEach((page, i) => expect(flat(page)).toContain(`pagina ${i + 1} van ${made.pageCount}`));
    expect(pages).toHaveLength(made.pageCount);
  });

  it('holds the signed checkpoint it was made against, also as a QR code that decodes to its text', async () => {
    story = reportStory();
    const made = await report();
    const kioskId = story.f.core.kiosk().kioskId;
    const head = chainTreeHead(story.f.core.db, kioskId, made.checkpoint.treeSize);
    const words = flat(pdfText(made.pdf));
    expect(words).toContain(head.root.toString('hex'));
    expect(words).toContain(head.root.toString('base64'));
    const pages = renderPages(made.pdf, 150);
    savePages('device', pages);
    // zbarimg ends what it read with a newline of its own.
    const decoded = pages.map(zbar).filter((s) => s !== '').map((s) => s.replace(/\n$/, ''));
    expect(decoded).toEqual([checkpointText({ origin: kioskOrigin(kioskId), size: head.size, root: head.root })]);
  });

  it('embeds the photo and the signature the kiosk kept, and every page renders', async () => {
    story = reportStory();
    const made = await report({ language: 'en' });
    const words = flat(pdfText(made.pdf));
    expect(words).toContain('Chain-of-custody report');
    expect(words).toContain('Photo');
    expect(words).toContain('Signature');
    // The images themselves, at the size they were kept (each with its alpha channel as a mask).
    const pdf = Buffer.from(made.pdf).toString('latin1');
    expect(pdf).toMatch(/\/Subtype \/Image[^>]*\/Width 320[^>]*\/Height 240|\/Height 240[^>]*\/Width 320/);
    expect(pdf).toMatch(/\/Subtype \/Image[^>]*\/Width 240[^>]*\/Height 80|\/Height 80[^>]*\/Width 240/);
    expect(renderPages(made.pdf, 50)).toHaveLength(made.pageCount);
  });

  it('an incident report covers the custody the incident is about, and gives the insurer the facts', async () => {
    story = reportStory();
    const made = await report({ scope: { kind: 'incident', seq: story.incidentSeq }, actor: story.teacher.staffId });
    const words = flat(pdfText(made.pdf));
    // Reported a week after the phone went home: the last custody before it, up to the report.
    expect(words).not.toContain('Ingeleverd');
    expect(words).toContain('In beslag genomen');
    expect(words).toContain('Meegegeven aan ouder');
    expect(words).toContain('Incident gemeld');
    expect(made.events).toBe(3);
    expect(words).toContain('Ontdekt op 18-11-2026 19:30');
    expect(words).toContain('Getuigen Дмитрий Νικολάου');
    expect(words).toContain('Aankoopdatum 30-08-2025');
    expect(words).toMatch(/Aankoopprijs € 349,00/);
    savePages('incident', renderPages(made.pdf, 100));
  });

  it('runs over as many pages as it needs, numbered "pagina N van M"', async () => {
    story = reportStory();
    const { f, phone } = story;
    for (let d = 0; d < 40; d++) {
      f.clock.set(new Date(2026, 11, 1 + (d % 28), 8, 10).toISOString());
      f.s.handIn({ deviceId: phone.deviceId, actor: 'pupil' });
      f.clock.advance(6 * 3600_000);
      f.s.returnDevice({ deviceId: phone.deviceId, actor: 'pupil' });
    }
    const made = await report();
    expect(made.pageCount).toBeGreaterThanOrEqual(4);
    const pages = pdfText(made.pdf).split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(made.pageCount);
    pages.forEach((page, i) => expect(flat(page)).toContain(`pagina ${i + 1} van ${made.pageCount}`));
    expect(made.events).toBe(90);
  });

  it('is recorded as an export (ids and counts, no names); a teacher may make one, the door may not', async () => {
    story = reportStory();
    const made = await report({ actor: story.teacher.staffId });
    const kioskId = story.f.core.kiosk().kioskId;
    const recorded = newestEvent(story.f.core.db, { kioskId })!;
    expect(recorded).toMatchObject({
      type: 'export_made',
      deviceId: null,
      details: {
        what: 'custody_report',
        format: 'pdf',
        scope: 'device',
        deviceId: story.phone.deviceId,
        filter: { deviceId: story.phone.deviceId },
        sha256: createHash('sha256').update(made.pdf).digest('hex'),
        events: made.events,
        pages: made.pageCount,
        verified: true,
      },
    });
    // The office's list of exports names what the file covers, and its fingerprint.
    expect(listExports(story.f.core.services.context)[0]).toMatchObject({ what: 'custody_report', filter: { deviceId: story.phone.deviceId }, rows: made.events });
    expect(JSON.stringify(recorded.details)).not.toContain('Zoë');
    await expect(report({ actor: 'pupil' })).rejects.toMatchObject({ code: 'UNKNOWN_STAFF' });
    await expect(report({ scope: { kind: 'incident', seq: story.wrongSeq } })).rejects.toMatchObject({ code: 'NOT_AN_INCIDENT' });
    await expect(report({ scope: { kind: 'device', deviceId: '00000000-0000-4000-8000-000000000000' } })).rejects.toMatchObject({ code: 'UNKNOWN_DEVICE' });
  });
});
