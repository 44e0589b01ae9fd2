import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { custodyEvents } from '../../../src/core/central/custodyEvents';
import { syncKiosk } from '../../../src/core/central/sync';
import { witnessCheckpoints } from '../../../src/core/central/witness';
import { checkpointText, kioskOrigin } from '../../../src/core/evidence/checkpoint';
import { renameKiosk } from '../../../src/core/kiosk/identity';
import { deviceEvents, scopedEvents } from '../../../src/core/report/scope';
import type { ExportRecord } from '../../../src/shared/contract';
import { requireTools } from '../../support/pdfRaster';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';
import { reportStory, savePages, type ReportStory } from '../report/reportFixture';
import { boardWithWitness, registerKioskDb } from './support/central';

type Made = { fileName: string; base64: string; pageCount: number; events: number; verified: boolean; checkpoint: { treeSize: number; note: string }; sha256: string };

let stopBoard: () => Promise<void>;
let admin: pg.Client;
let story: ReportStory;
let kioskId: string;
let witnessedSize: number;
let board: { f: ClassFixture; gateway: Gateway; as: (who: 'office' | 'teacher') => Promise<void> };
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  requireTools();
  // initdb and a first start take a while on a shared machine: a hang guard, not a speed claim.
  const started = await boardWithWitness();
  ({ admin, stop: stopBoard } = started);
  const { cluster, name, witness } = started;
  await admin.query("CREATE ROLE report_office LOGIN PASSWORD 'kantoor-geheim' IN ROLE inleverpunt_office");
  const officeUrl = cluster.urlFor('report_office', 'kantoor-geheim', name);

  // Zoë's phone's fortnight (the kiosk report's story), at a school of the board, synced and witnessed.
  story = reportStory();
  cleanups.push(() => story.f.close());
  renameKiosk(story.f.core.db, 'Groep 7B', 'De Regenboog');
  story.f.s.signCheckpoint('day_closed');
  kioskId = story.f.core.kiosk().kioskId;
  const kioskUrl = await registerKioskDb(admin, cluster, name, story.f.core.db);
  expect(await syncKiosk(story.f.core.db, kioskUrl)).toMatchObject({ outcome: 'ok' });
  // The witness's clock, and below the board PC's: a cosignature from a time still to come would not verify.
  await witnessCheckpoints(admin, witness, { now: () => new Date(2026, 10, 25, 18, 0) });
  witnessedSize = Number((await admin.query<{ n: string }>('SELECT max(tree_size) AS n FROM central.cosignatures WHERE kiosk_id = $1', [kioskId])).rows[0]!.n);
  // The next morning's hand-in reaches the centre and is signed, but not witnessed yet: no report lists it.
  story.f.clock.set(new Date(2026, 10, 26, 8, 10).toISOString());
  story.f.s.scan({ code: 'STK-Z', mode: 'hand-in', actor: 'pupil' });
  story.f.s.signCheckpoint('day_closed');
  expect(await syncKiosk(story.f.core.db, kioskUrl)).toMatchObject({ outcome: 'ok' });

  // A kiosk that registered but never synced: nothing witnessed.
  const silent = classFixture({ size: 1 });
  cleanups.push(() => silent.close());
  await registerKioskDb(admin, cluster, name, silent.core.db);

  // The board's own PC, its office area in board mode.
  const f = classFixture({ size: 1 });
  cleanups.push(() => f.close());
  f.clock.set(new Date(2026, 10, 27, 9, 0).toISOString());
  const env = { INLEVERPUNT_CENTRAL_URL: officeUrl, INLEVERPUNT_BOARD_MODE: '1' };
  const gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined, env }), {
    onInternalError: (method, error) => {
      throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
    },
  });
  const as = async (who: 'office' | 'teacher') => {
    await gateway.invoke('lockStaff', { endDuty: true });
    expect(await gateway.invoke('unlockStaff', { staffId: f[who].staffId, pin: PINS[who] })).toMatchObject({ ok: true });
  };
  board = { f, gateway, as };
  await as('office');
  silentId = silent.core.kiosk().kioskId;
}, 180_000);
let silentId: string;
afterAll(async () => {
  for (const c of cleanups) c();
  await stopBoard?.();
});

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`call refused: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const report = (args: object) => value<Made>(board.gateway.invoke('boardCustodyReport', { kioskId, ...args }));

/** The text as laid out on the page; pages end in a form feed. */
function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-central-report-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    return spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages rendered by poppler at 150 dpi (saved under test-results/report to be looked at), and what zbarimg (an independent decoder) reads on them. */
function qrCodes(pdf: Uint8Array, name: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-central-qr-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    spawnSync('pdftoppm', ['-r', '150', '-png', join(dir, 'report.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
    return savePages(name, pages)
      .map((file) => spawnSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).stdout)
      .filter((s) => s !== '')
      // zbarimg ends what it read with a newline of its own.
      .map((s) => s.replace(/\n$/, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const flat = (text: string) => text.replace(/\s+/g, ' ');
const bytesOf = (made: Made) => new Uint8Array(Buffer.from(made.base64, 'base64'));

describe("the board's chain-of-custody report, from the central database", () => {
  it('lists every witnessed event of the device in order, with the kiosk, its school, ids instead of names, and says so', async () => {
    const made = await report({ scope: { kind: 'device', deviceId: story.phone.deviceId } });
    expect(made.fileName).toMatch(/^bestuur-bewaarrapport-apparaat-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(bytesOf(made));
    const words = flat(text);
    // The kiosk's own ledger, up to the witnessed checkpoint: the same events, in the same order.
    const atKiosk = deviceEvents(story.f.core.services.context, story.phone.deviceId, witnessedSize).map((e) => e.seq);
    expect(made.events).toBe(atKiosk.length);
    expect(made.events).toBe(10);
    let at = 0;
    for (const seq of atKiosk) {
      const found = words.indexOf(`#${seq} `, at);
      expect(found, `#${seq} after position ${at}`).toBeGreaterThan(-1);
      at = found;
    }
    const types = ['Apparaat geregistreerd', 'Sticker of tag gekoppeld', 'Ingeleverd', 'Staat genoteerd', 'Verplaatst', 'Correctie', 'Teruggegeven', 'In beslag genomen', 'Meegegeven aan ouder', 'Incident gemeld'];
    at = 0;
    for (const type of types) {
      const found = words.indexOf(type, at);
      expect(found, `${type} after position ${at}`).toBeGreaterThan(-1);
      at = found;
    }
    // The next morning's hand-in is at the centre, but after the witnessed checkpoint.
    expect(words.split('Ingeleverd').length - 1).toBe(1);
    expect(words).toContain('De Regenboog');
    expect(words).toContain('Groep 7B');
    expect(words).toContain(kioskId);
    expect(words).toContain(`Apparaat-id ${story.phone.deviceId}`);
    expect(words).toContain(`Leerling-id ${story.phone.ownerPupilId}`);
    expect(words).toContain('De centrale database bewaart geen namen');
    expect(words).toContain('scherm gebarsten');
    expect(words).toContain('Art. 4.2 protocol');
    expect(words).toContain(`medewerker ${story.teacher.staffId}`);
    expect(words).toContain(`VERVALLEN — hersteld door #${story.correctionSeq}: alleen in het logboek van de kiosk`);
    expect(words).toContain(`Herstelt #${story.wrongSeq}`);
    // No name, note or reason crossed to the centre, so none is in its report.
    for (const personal of ['Zoë', 'Ǆurić', 'Łukasz', 'Barstje', 'Verkeerd toestel', 'يوسف', 'Filmen']) expect(words).not.toContain(personal);
    expect(words).toContain('staat in het logboek van de kiosk (niet in de centrale database)');
    expect(made.verified).toBe(true);
    expect(words).toContain('In orde: alle');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(made.pageCount);
    pages.forEach((page, i) => expect(flat(page)).toContain(`pagina ${i + 1} van ${made.pageCount}`));
  });

  it('is made against the checkpoint the witness countersigned: its size and root printed, its text in the QR code, both signatures in the note', async () => {
    const made = await report({ scope: { kind: 'device', deviceId: story.phone.deviceId }, language: 'en' });
    expect(made.checkpoint.treeSize).toBe(witnessedSize);
    const stored = await admin.query<{ root: Buffer }>('SELECT root FROM central.checkpoints WHERE kiosk_id = $1 AND tree_size = $2', [kioskId, witnessedSize]);
    const root = stored.rows[0]!.root;
    const words = flat(pdfText(bytesOf(made)));
    expect(words).toContain('Chain-of-custody report from the central database');
    expect(words).toContain(`Number of events (tree size) ${witnessedSize}`);
    expect(words).toContain(root.toString('hex'));
    expect(words).toContain(root.toString('base64'));
    // The kiosk's signature line and the witness's below it.
    expect(made.checkpoint.note.match(/^— /gm)).toHaveLength(2);
    expect(words).toContain('inleverpunt.central/witness');
    const decoded = qrCodes(bytesOf(made), 'central-device');
    expect(decoded).toEqual([checkpointText({ origin: kioskOrigin(kioskId), size: witnessedSize, root })]);
  });

  it("an incident report covers the kiosk report's custody window, with the insurer's facts the centre holds", async () => {
    const made = await report({ scope: { kind: 'incident', seq: story.incidentSeq } });
    qrCodes(bytesOf(made), 'central-incident');
    expect(made.fileName).toMatch(new RegExp(`^bestuur-bewaarrapport-incident-${story.incidentSeq}-`));
    // One rule (custodyWindow) on both sides: the same events as the kiosk's own incident report.
    const atKiosk = scopedEvents(story.f.core.services.context, { kind: 'incident', seq: story.incidentSeq }, witnessedSize).events.map((e) => e.seq);
    const central = (await custodyEvents(admin, kioskId, { kind: 'incident', seq: story.incidentSeq }, witnessedSize)).events.map((e) => e.seq);
    expect(central).toEqual(atKiosk);
    expect(made.events).toBe(3);
    const words = flat(pdfText(bytesOf(made)));
    expect(words).toContain(`Incident #${story.incidentSeq}, met de bewaring eromheen`);
    expect(words).not.toContain('Ingeleverd');
    expect(words).toContain('In beslag genomen');
    expect(words).toContain('Meegegeven aan ouder');
    expect(words).toContain('Ontdekt op 18-11-2026 19:30');
    expect(words).toContain('Getuigen alleen in het logboek van de kiosk');
    expect(words).toContain('Aankoopdatum 30-08-2025');
    expect(words).toMatch(/Aankoopprijs € 349,00/);
    expect(words).toContain('bewaard op de kiosk (SHA-256');
    expect(words).not.toContain('Дмитрий');
  });

  it('names what is missing: a kiosk not registered, a device it has no events of, an event that is no incident, nothing witnessed yet', async () => {
    const refused = async (args: object) => board.gateway.invoke('boardCustodyReport', { kioskId, ...args });
    const device = { kind: 'device', deviceId: story.phone.deviceId };
    expect(await refused({ kioskId: 'geen-kiosk', scope: device })).toMatchObject({ ok: false, error: { code: 'CENTRAL_UNKNOWN_KIOSK' } });
    expect(await refused({ scope: { kind: 'device', deviceId: '00000000-0000-4000-8000-000000000000' } })).toMatchObject({
      ok: false,
      error: { code: 'CENTRAL_UNKNOWN_DEVICE' },
    });
    expect(await refused({ scope: { kind: 'incident', seq: story.wrongSeq } })).toMatchObject({ ok: false, error: { code: 'NOT_AN_INCIDENT' } });
    expect(await refused({ scope: { kind: 'incident', seq: 99_999 } })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT' } });
    expect(await refused({ kioskId: silentId, scope: device })).toMatchObject({
      ok: false,
      error: { code: 'CENTRAL_NOT_WITNESSED', details: { witnessedSize: null }, message: { nl: expect.stringContaining('medeondertekend') } },
    });
    // At the centre, but after the witnessed checkpoint.
    expect(await refused({ scope: { kind: 'incident', seq: witnessedSize + 1 } })).toMatchObject({
      ok: false,
      error: { code: 'CENTRAL_NOT_WITNESSED', details: { witnessedSize } },
    });
  });

  it("is recorded in the board PC's own ledger as an export: the board scope, kiosk and device, how many events, the file's SHA-256; a teacher may not make one", async () => {
    const made = await report({ scope: { kind: 'incident', seq: story.incidentSeq } });
    const sha256 = createHash('sha256').update(bytesOf(made)).digest('hex');
    expect(made.sha256).toBe(sha256);
    const { exports } = await value<{ exports: ExportRecord[] }>(board.gateway.invoke('listExports', {}));
    expect(exports[0]).toMatchObject({
      by: board.f.office.displayName,
      format: 'pdf',
      what: 'custody_report',
      filter: { scope: 'board', kioskId, incidentSeq: story.incidentSeq },
      rows: made.events,
      sha256,
    });
    await board.as('teacher');
    expect(await board.gateway.invoke('boardCustodyReport', { kioskId, scope: { kind: 'device', deviceId: story.phone.deviceId } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    });
    await board.as('office');
    expect((await value<{ exports: ExportRecord[] }>(board.gateway.invoke('listExports', {}))).exports).toHaveLength(exports.length);
  });
});
