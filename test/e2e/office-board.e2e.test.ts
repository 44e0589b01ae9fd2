import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syncKiosk } from '../../src/core/central/sync';
import { witnessCheckpoints, witnessFromKeyFile } from '../../src/core/central/witness';
import type { DemoSchool } from '../../src/core/demo/seed';
import { storeCentral } from '../../src/core/central/connection';
import { listExports } from '../../src/core/export/exportHistory';
import { renameKiosk } from '../../src/core/kiosk/identity';
import { readBundle } from '../../src/core/evidence/readBundle';
import { exportBundle } from '../../src/core/export/exportBundle';
import { centralDatabase, registerKioskDb } from '../core/central/support/central';
import { restoredKiosk, syncWithTakeBack } from '../core/central/support/restored';
import { rewriteHistory } from '../core/central/support/rewrite';
import { classFixture, type ClassFixture } from '../core/support/custodyFixture';
import { startPostgres, type PgCluster } from '../support/postgres';
import { tempDir } from '../support/tempDb';
import { launchChromium, openKiosk } from './support/browser';
import { startDemoBridge, type TestBridge } from './support/demo';
import { lockKiosk, tapPin } from './support/pin';
import { openArea } from './support/navigation';
import { accessibilityStop } from './support/accessibilityStop';
import { schoolTime } from './support/schoolTime';
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';

const PASSWORD = 'bestuur-geheim-42';

/** Two schools' kiosks in the board's central database: one in order, one that rewrote its history after a sync, and one put back on an older backup that took the rest back. */
async function boardOfThreeKiosks(
  cluster: PgCluster,
  cleanups: (() => void)[],
): Promise<{ url: string; name: string; admin: pg.Client; kiosks: ClassFixture[]; takenBack: number }> {
  const { name, admin } = await centralDatabase(cluster);
  await admin.query(`CREATE ROLE bestuur_kantoor LOGIN PASSWORD '${PASSWORD}' IN ROLE inleverpunt_office`);
  const keys = tempDir();
  cleanups.push(keys.cleanup);
  const witness = witnessFromKeyFile(`${keys.dir}/witness.pem`, { create: true });
  const kiosks = [
    ['De Regenboog', 'Groep 7', 3],
    ['De Klimop', 'Groep 8', 4],
  ].map(([school, kiosk, size]) => {
    const f = classFixture({ size: size as number });
    cleanups.push(() => f.close());
    renameKiosk(f.core.db, kiosk as string, school as string);
    for (let n = 1; n <= (size as number); n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
    // A crack noticed at the door: the incident the board's office makes a report of.
    if (school === 'De Regenboog') f.s.reportIncident({ deviceId: f.phones[0]!.deviceId, actor: f.teacher.staffId, kind: 'damage', description: 'Scherm gebarsten' });
    f.s.signCheckpoint('day_closed');
    return f;
  });
  const urls = [];
  for (const f of kiosks) {
    const url = await registerKioskDb(admin, cluster, name, f.core.db);
    urls.push(url);
    expect(await syncKiosk(f.core.db, url)).toMatchObject({ outcome: 'ok' });
  }
  // Cosigned before the story's school morning (the bridge's clock): a cosignature from a time still to come would not verify.
  await witnessCheckpoints(admin, witness, { now: () => schoolTime(7, 0) });
  const klimop = kiosks[1]!;
  rewriteHistory(klimop.core.db, klimop.core.kiosk().kioskId, 3);
  klimop.s.signCheckpoint('day_closed');
  expect(await syncKiosk(klimop.core.db, urls[1]!)).toMatchObject({ outcome: 'diverged' });
  // A third kiosk was put back on this morning's backup and took the afternoon back from the centre.
  const restored = await restoredKiosk(admin, cluster, name, { school: 'De Regenboog', name: 'Groep 6' });
  cleanups.push(() => restored.close());
  const takenBack = (await syncWithTakeBack(restored.core, restored.url)).takenBack;
  expect(takenBack).toBe(restored.centralSeq - restored.backupSeq);
  return { url: cluster.urlFor('bestuur_kantoor', PASSWORD, name), name, admin, kiosks, takenBack };
}

describe("the board's office reads every kiosk from the central database", () => {
  let cluster: PgCluster;
  let central: Awaited<ReturnType<typeof boardOfThreeKiosks>>;
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    cluster = await startPostgres();
    central = await boardOfThreeKiosks(cluster, cleanups);
    ({ bridge, demo } = await startDemoBridge());
    browser = await launchChromium();
  });
  beforeEach(() => lockKiosk(bridge.url));
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    for (const c of cleanups) c();
    await central?.admin.end();
    cluster?.stop();
  });

  /** The office PC in board mode, the office unlocked, on the Bestuur screen at `width` × 768. */
  async function openBoardScreen(width: number) {
    storeCentral(bridge.core.services.context, demo.staff.admin.staffId, { url: central.url, board: true });
    const opened = await openKiosk(browser, bridge, { viewport: { width, height: 768 } });
    await openArea(opened.page, 'Administratie');
    await tapPin(opened.page.getByRole('form', { name: 'Toets je pincode in' }), demo.staff.office.pin);
    await opened.page.locator('nav.office-menu').getByRole('button', { name: 'Bestuur', exact: true }).click();
    return opened;
  }

  it('the administrator sets the central database and board mode, tests the connection, and never sees the password again', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge);
    await openArea(page, 'Instellingen');
    await tapPin(page.locator('form.pinpad'), demo.staff.admin.pin);
    const section = page.getByRole('region', { name: 'Centrale database van het bestuur' });
    await section.getByText('Nog geen centrale database ingesteld.').waitFor();
    const withoutPassword = new URL(central.url);
    withoutPassword.password = '';
    await section.getByLabel('Adres').fill('http://niet-postgres');
    await section.getByRole('button', { name: 'Verbinding testen' }).click();
    await section.getByRole('alert').getByText('Dit is geen PostgreSQL-adres', { exact: false }).waitFor();
    await section.getByLabel('Adres').fill(withoutPassword.toString());
    await section.getByLabel('Wachtwoord').fill('fout');
    await section.getByRole('button', { name: 'Verbinding testen' }).click();
    await section.getByText('De server weigert de aanmelding', { exact: false }).waitFor();
    await section.getByLabel('Wachtwoord').fill(PASSWORD);
    await section.getByRole('button', { name: 'Verbinding testen' }).click();
    await section.getByText('Verbinding gelukt: 3 kiosken aangemeld.').waitFor();
    await section.getByText('Deze gebruiker mag alle kiosken lezen', { exact: false }).waitFor();
    await section.getByLabel('Bestuursmodus', { exact: false }).check();
    await section.getByRole('button', { name: 'Opslaan' }).click();
    await section.getByRole('status').getByText('Opgeslagen.', { exact: false }).waitFor();
    await section.getByText('Er is een wachtwoord opgeslagen', { exact: false }).waitFor();
    expect(await section.getByLabel('Wachtwoord').inputValue()).toBe('');
    expect(await section.getByLabel('Adres').inputValue()).toBe(withoutPassword.toString());
    await accessibilityStop(page, 'settings-central');
    await page.reload();
    await section.getByText('Ingesteld op deze pc.').waitFor();
    expect(await page.content()).not.toContain(PASSWORD);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the health of every kiosk, one diverged and one restored, and the events of every kiosk by school, exported for Excel', async () => {
    // As the administrator saved it in the story above; set here too, so this story stands on its own.
    const { page, context, problems } = await openBoardScreen(1366);
    const health = page.getByRole('region', { name: 'Kiosken', exact: true });
    const regenboog = health.getByRole('row', { name: /Groep 7/ });
    const klimop = health.getByRole('row', { name: /Groep 8/ });
    await regenboog.getByText('In orde').waitFor();
    await klimop.getByText('Wijkt af').waitFor();
    expect(await klimop.textContent()).toContain('de geschiedenis is herschreven na een medeondertekend controlepunt');
    // Put back on an older backup: worth a question to the school, not a fault.
    const restored = health.getByRole('row', { name: /Groep 6/ });
    expect(await restored.getByTestId('board-taken-back').textContent()).toMatch(new RegExp(`^Teruggezet: ${central.takenBack} gebeurtenissen teruggehaald, `));
    await restored.getByText('Niet gecontroleerd').waitFor();
    expect(await health.getByRole('row').count()).toBe(4);
    await accessibilityStop(page, 'office-board-health');

    const events = page.getByRole('region', { name: 'Gebeurtenissen van alle kiosken' });
    const stored = async (school?: string) =>
      (
        await central.admin.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM central.events e JOIN central.kiosks k USING (kiosk_id) WHERE $1::text IS NULL OR k.school = $1',
          [school ?? null],
        )
      ).rows[0]!.n;
    // The first page holds the newest hundred; more than that waits behind "Meer laden".
    await expect.poll(() => events.getByRole('row').count()).toBe(Math.min(await stored(), 100) + 1);
    await page.getByLabel('School').first().selectOption('De Klimop');
    await expect.poll(() => events.getByRole('row').count()).toBe(Math.min(await stored('De Klimop'), 100) + 1);
    expect(await events.getByRole('row').nth(1).textContent()).toContain('De Klimop');
    await expect.poll(() => health.getByRole('row').count()).toBe(2);

    // The save dialog's stand-in saves under the suggested name; the core streams into that file.
    await events.getByRole('button', { name: 'Exporteren (CSV)' }).click();
    await events.getByText(`${await stored('De Klimop')} gebeurtenissen geëxporteerd naar bestuur-logboek-`, { exact: false }).waitFor();
    const bytes = await readFile(join(bridge.savedDir, bridge.saveRequests.at(-1)!));
    const rows = parse(bytes.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(rows.length - 1).toBe(await stored('De Klimop'));
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(['De Klimop']));

    // Cancelled in the dialog: no file, no export recorded, no message.
    const exportsBefore = listExports(bridge.core.services.context).length;
    bridge.nextSave = 'cancel';
    await events.getByRole('button', { name: 'Exporteren (CSV)' }).click();
    await expect.poll(() => bridge.saveRequests.length).toBe(2);
    await expect.poll(() => events.getByRole('status').count()).toBe(0);
    expect(listExports(bridge.core.services.context)).toHaveLength(exportsBefore);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('narrows the events by type and device, exports that choice as Excel, and lists the export with its board scope and SHA-256', async () => {
    const { page, context, problems } = await openBoardScreen(1366);
    const events = page.getByRole('region', { name: 'Gebeurtenissen van alle kiosken' });
    await page.getByLabel('School').first().selectOption('De Regenboog');
    await events.getByLabel('Gebeurtenis').selectOption({ label: 'Ingeleverd' });
    const handIns = (
      await central.admin.query<{ device_id: string; seq: number; kiosk_id: string }>(
        `SELECT e.device_id, e.seq::int AS seq, e.kiosk_id FROM central.events e JOIN central.kiosks k USING (kiosk_id)
          WHERE k.school = 'De Regenboog' AND e.type = 'handed_in' ORDER BY e.seq`,
      )
    ).rows;
    await expect.poll(() => events.getByRole('row').count()).toBe(handIns.length + 1);
    const device = handIns[1]!.device_id;
    await events.getByLabel('Apparaatnummer').fill(device);
    await expect.poll(() => events.getByRole('row').count()).toBe(2);
    expect(await events.getByRole('row').nth(1).textContent()).toContain(device);

    await events.getByRole('button', { name: 'Exporteren (Excel)' }).click();
    await events.getByText('1 gebeurtenis geëxporteerd', { exact: false }).waitFor();
    expect(bridge.saveRequests.at(-1)).toMatch(/^bestuur-logboek-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = await readFile(join(bridge.savedDir, bridge.saveRequests.at(-1)!));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(3).value, sheet.getRow(2).getCell(4).value, sheet.getRow(2).getCell(9).value]).toEqual([
      'De Regenboog', handIns[1]!.kiosk_id, handIns[1]!.seq, device,
    ]);

    const history = page.getByRole('region', { name: 'Eerdere exports' });
    const newest = history.getByRole('row').nth(1);
    await newest.getByText(createHash('sha256').update(bytes).digest('hex')).waitFor();
    expect(await newest.textContent()).toContain(`bestuur, alle kiosken · school De Regenboog · 1 soort · apparaat ${device}`);
    expect(await newest.textContent()).toContain('XLSX');
    await accessibilityStop(page, 'office-board-export');
    expect(problems).toEqual([]);
    await context.close();
  });
  it("exports the school's events as a printable PDF log through the save dialog, at 1024 × 768", async () => {
    const { page, context, problems } = await openBoardScreen(1024);
    const events = page.getByRole('region', { name: 'Gebeurtenissen van alle kiosken' });
    await page.getByLabel('School').first().selectOption('De Regenboog');
    await events.getByLabel('Gebeurtenis').selectOption({ label: 'Ingeleverd' });
    const handIns = (
      await central.admin.query<{ hash: string }>(
        `SELECT encode(e.hash, 'hex') AS hash FROM central.events e JOIN central.kiosks k USING (kiosk_id)
          WHERE k.school = 'De Regenboog' AND e.type = 'handed_in' ORDER BY k.name, e.kiosk_id, e.seq`,
      )
    ).rows;
    await expect.poll(() => events.getByRole('row').count()).toBe(handIns.length + 1);

    await events.getByRole('button', { name: 'Afdrukbaar logboek (PDF)' }).click();
    await events.getByText(`${handIns.length} gebeurtenissen geëxporteerd`, { exact: false }).waitFor();
    expect(bridge.saveRequests.at(-1)).toMatch(/^bestuur-logboek-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = await readFile(join(bridge.savedDir, bridge.saveRequests.at(-1)!));
    const words = await pdfWords(bytes);
    expect(words).toContain('Bewaarlogboek van het bestuur');
    expect(words).toContain('Selectie school De Regenboog; soorten: Ingeleverd');
    expect(words).toMatch(/pagina 1 van \d/);
    expect(words).toContain('De Regenboog · Groep 7');
    expect(words).not.toContain('De Klimop');
    // Every hand-in once, in order, its hash whole when the cell's wrapped lines are put together.
    const drawn = await pdfWords(bytes, 'raw');
    const at = handIns.map((r) => drawn.replace(/ /g, '').indexOf(r.hash));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(words).toContain('Nagerekende controlepunten');

    const history = page.getByRole('region', { name: 'Eerdere exports' });
    const newest = history.getByRole('row').nth(1);
    await newest.getByText(createHash('sha256').update(bytes).digest('hex')).waitFor();
    expect(await newest.textContent()).toContain('PDF');
    await accessibilityStop(page, 'office-board-pdf');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("makes a kiosk's custody report and an incident report from the event list, as PDFs, at 1024 × 768", async () => {
    const { page, context, problems } = await openBoardScreen(1024);
    const events = page.getByRole('region', { name: 'Gebeurtenissen van alle kiosken' });
    await page.getByLabel('School').first().selectOption('De Regenboog');
    const regenboog = central.kiosks[0]!;
    const deviceId = regenboog.phones[0]!.deviceId;

    await events.getByLabel('Gebeurtenis').selectOption({ label: 'Incident gemeld' });
    await expect.poll(() => events.getByRole('row').count()).toBe(2);
    const incidentRow = events.getByRole('row').nth(1);
    const incidentSeq = Number(await incidentRow.getByRole('cell').nth(3).textContent());
    const incident = await download(page, () => incidentRow.getByRole('button', { name: 'Incidentrapport' }).click());
    expect(incident.name).toMatch(new RegExp(`^bestuur-bewaarrapport-incident-${incidentSeq}-`));
    const incidentText = await pdfWords(incident.bytes);
    expect(incidentText).toContain(`Incident #${incidentSeq}, met de bewaring eromheen`);
    expect(incidentText).toContain('Groep 7');
    expect(incidentText).not.toContain('Scherm gebarsten');
    await events.getByRole('status').getByText('De keten van deze kiosk is in orde.').waitFor();

    await events.getByLabel('Gebeurtenis').selectOption({ label: 'Ingeleverd' });
    await events.getByLabel('Apparaatnummer').fill(deviceId);
    await expect.poll(() => events.getByRole('row').count()).toBe(2);
    const custody = await download(page, () => events.getByRole('row').nth(1).getByRole('button', { name: 'Bewaarrapport' }).click());
    expect(custody.name).toMatch(/^bestuur-bewaarrapport-apparaat-\d{4}-\d{2}-\d{2}\.pdf$/);
    const words = await pdfWords(custody.bytes);
    expect(words).toContain(`Apparaat-id ${deviceId}`);
    expect(words).toContain('De Regenboog');
    expect(words).toMatch(/pagina 1 van \d/);
    const status = events.getByRole('status');
    await status.getByText('Rapport bestuur-bewaarrapport-apparaat-', { exact: false }).waitFor();

    // In this PC's export history, with the file's own fingerprint.
    const history = page.getByRole('region', { name: 'Eerdere exports' });
    await history.getByRole('row').nth(1).getByText(createHash('sha256').update(custody.bytes).digest('hex')).waitFor();
    expect(await history.getByRole('row').nth(1).textContent()).toContain(`apparaat ${deviceId}`);
    await accessibilityStop(page, 'office-board-report');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reads in an offline kiosk's bundles from a USB stick: an unreadable file is named in words, the same bundle again adds nothing, and its checkpoint is shown", async () => {
    // Last in this story: a fourth kiosk, registered but never on the network.
    const offline = classFixture({ size: 2 });
    cleanups.push(() => offline.close());
    renameKiosk(offline.core.db, 'Groep 2', 'Het Anker');
    for (let n = 1; n <= 2; n++) offline.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
    await registerKioskDb(central.admin, cluster, central.name, offline.core.db);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportBundle(offline.s.context, { filter: {}, actor: offline.office.staffId }, out);
    const bundle = Buffer.concat(chunks);
    const size = readBundle(bundle).events.length;

    const { page, context, problems } = await openBoardScreen(1366);
    const stick = page.getByRole('region', { name: 'Bundels van een kiosk zonder netwerk' });
    const choose = stick.locator('input[type="file"]');
    await choose.setInputFiles([
      { name: 'groep2.jsonl', mimeType: 'application/x-ndjson', buffer: bundle },
      { name: 'kapot.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"niet":"een bundel"}\n') },
    ]);
    const results = stick.getByRole('status');
    await results.getByText(`groep2.jsonl: ${size} nieuw, 0 al aanwezig; het ondertekende controlepunt van de kiosk is bewaard, de getuige rekent het na`).waitFor();
    await results.getByText('kapot.jsonl: Niet ingelezen, het bestand klopt niet: Dit is geen leesbaar bewijsbestand (een regel klopt niet van vorm).').waitFor();

    // The health view: its events and its checkpoint are there, though it never synced.
    const row = page.getByRole('region', { name: 'Kiosken', exact: true }).getByRole('row').filter({ hasText: 'Het Anker' });
    await row.getByText(`${size} gebeurtenissen`, { exact: false }).waitFor();
    expect(await row.textContent()).toContain('Nog nooit');
    await accessibilityStop(page, 'office-board-import');

    await choose.setInputFiles([{ name: 'groep2.jsonl', mimeType: 'application/x-ndjson', buffer: bundle }]);
    await results.getByText(`groep2.jsonl: 0 nieuw, ${size} al aanwezig`, { exact: true }).waitFor();
    const stored = await central.admin.query<{ n: string }>('SELECT count(*) AS n FROM central.events e JOIN central.kiosks k USING (kiosk_id) WHERE k.school = $1', ['Het Anker']);
    expect(Number(stored.rows[0]!.n)).toBe(size);
    expect(problems).toEqual([]);
    await context.close();
  });
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** The PDF's text as poppler reads it, labels beside their values, on one line (`raw`: in the order it was drawn). */
async function pdfWords(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'inleverpunt-board-report-'));
  try {
    await writeFile(join(dir, 'report.pdf'), pdf);
    return spawnSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
