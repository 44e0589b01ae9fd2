import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCentralBundle } from '../../../src/core/central/exportBundle';
import { syncKiosk } from '../../../src/core/central/sync';
import { witnessCheckpoints, type Witness } from '../../../src/core/central/witness';
import { createGateway, type Gateway } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { exportBundle } from '../../../src/core/export/exportBundle';
import { renameKiosk } from '../../../src/core/kiosk/identity';
import { chainSince } from '../../../src/core/ledger/importChain';
import type { BoardEvent, BoardKiosk, CentralConnectionView, ExportRecord } from '../../../src/shared/contract';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';
import { requireTools } from '../../support/pdfRaster';
import { pdfText } from '../../support/pdfText';
import type { PgCluster } from '../../support/postgres';
import { tempDir } from '../../support/tempDb';
import { boardWithWitness, registerKioskDb } from './support/central';
import { rewriteHistory } from './support/rewrite';

let cluster: PgCluster;
let database: string;
let admin: pg.Client;
let witness: Witness;
let officeUrl: string;
const cleanups: (() => void)[] = [];

let stopBoard: () => Promise<void>;

beforeAll(async () => {
  // initdb and a first start take a while on a shared machine: a hang guard, not a speed claim.
  ({ cluster, name: database, admin, witness, stop: stopBoard } = await boardWithWitness());
  await admin.query("CREATE ROLE board_office LOGIN PASSWORD 'kantoor-geheim' IN ROLE inleverpunt_office");
  officeUrl = cluster.urlFor('board_office', 'kantoor-geheim', database);
}, 120_000);
afterAll(async () => {
  for (const c of cleanups) c();
  await stopBoard?.();
});

/** A kiosk at a school with `size` phones handed in and the day closed (a signed checkpoint). */
function kiosk(school: string, name: string, size: number): ClassFixture {
  const f = classFixture({ size });
  renameKiosk(f.core.db, name, school);
  for (let n = 1; n <= size; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  f.s.signCheckpoint('day_closed');
  cleanups.push(() => f.close());
  return f;
}

/** The board's own PC: a kiosk database of its own, its office area reading the central database. */
function boardPc(env: NodeJS.ProcessEnv = {}, rolloutPath?: string): BoardPc {
  const f = classFixture({ size: 1 });
  cleanups.push(() => f.close());
  const rollout = rolloutPath ? { rollout: { status: 'already-configured' as const, path: rolloutPath } } : {};
  // The save dialog: into a folder of the test's, under the suggested name, or where `saves` says.
  const folder = tempDir().dir;
  const saves: (string | null)[] = [];
  const chooseSaveFile = async ({ fileName }: { fileName: string }) => {
    const answer = saves.length > 0 ? saves.shift()! : fileName;
    return answer === null ? null : isAbsolute(answer) ? answer : join(folder, answer);
  };
  const gateway = createGateway(createHandlers(f.core, { exitKiosk: () => undefined, env, chooseSaveFile, ...rollout }), {
    onInternalError: (method, error) => {
      throw new Error(`unexpected INTERNAL in ${method}: ${String(error)}`);
    },
  });
  const as = async (who: 'office' | 'admin' | 'teacher') => {
    await gateway.invoke('lockStaff', { endDuty: true });
    expect(await gateway.invoke('unlockStaff', { staffId: f[who].staffId, pin: PINS[who] })).toMatchObject({ ok: true });
  };
  return { f, gateway, as, saves, folder };
}

interface BoardPc {
  f: ClassFixture;
  gateway: Gateway;
  as: (who: 'office' | 'admin' | 'teacher') => Promise<void>;
  /** The next save dialogs' answers: a name in `folder`, a path, or null (cancelled). */
  saves: (string | null)[];
  folder: string;
}

/** A board export saved through the dialog, with the file's bytes read back. */
async function exported(pc: BoardPc, args: object): Promise<{ fileName: string; bytes: Buffer; rows: number; sha256: string }> {
  const r = await value<{ saved: boolean; fileName: string; rows: number; sha256: string }>(pc.gateway.invoke('boardExport', args));
  expect(r.saved).toBe(true);
  return { ...r, bytes: readFileSync(join(pc.folder, r.fileName)) };
}

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`call refused: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('the central database in the settings', () => {
  it('is saved with its password, which never comes back to the screen nor goes into the ledger or the door settings', async () => {
    const { f, gateway, as } = boardPc();
    await as('admin');
    const [withoutPassword] = officeUrl.split(':kantoor-geheim');
    const view = await value<CentralConnectionView>(gateway.invoke('setCentralConnection', { url: officeUrl, board: true }));
    expect(view).toEqual({ source: 'settings', url: `${withoutPassword}${officeUrl.split('kantoor-geheim')[1]}`, passwordSet: true, board: true });
    expect(JSON.stringify(await gateway.invoke('getCentralConnection', {}))).not.toContain('kantoor-geheim');
    expect(JSON.stringify(await gateway.invoke('getSettings', {}))).not.toContain('kantoor-geheim');
    const events = chainSince(f.core.db, f.core.kiosk().kioskId).map((r) => r.event);
    expect(events.at(-1)).toMatchObject({ type: 'settings_changed', details: '{"key":"central"}' });
    expect(events.some((e) => e.details.includes('kantoor-geheim'))).toBe(false);

    // Turning board mode off and on again with the address as shown (no password) keeps the stored password.
    await value(gateway.invoke('setCentralConnection', { url: view.url, board: false }));
    await value(gateway.invoke('setCentralConnection', { url: view.url, board: true }));
    expect(await value(gateway.invoke('testCentralConnection', {}))).toEqual({ ok: true, kiosks: expect.any(Number), readsBoard: true });
    // Only the administrator changes where the central database is; the office may see it.
    await as('office');
    expect(await gateway.invoke('setCentralConnection', { url: null, board: false })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    expect(await value(gateway.invoke('getCentralConnection', {}))).toMatchObject({ passwordSet: true, board: true });
  });

  it('"test connection" says what is wrong: unreachable, login refused, no database, no schema, or a kiosk login that cannot read the board', async () => {
    const { gateway, as } = boardPc();
    await as('admin');
    const test = (url: string, password?: string) => value(gateway.invoke('testCentralConnection', { url, ...(password ? { password } : {}) }));
    const u = new URL(officeUrl);
    expect(await test(officeUrl)).toMatchObject({ ok: true, readsBoard: true });
    u.password = '';
    expect(await test(u.toString(), 'kantoor-geheim')).toMatchObject({ ok: true, readsBoard: true });
    expect(await test(u.toString(), 'fout')).toEqual({ ok: false, reason: 'login_refused' });
    expect(await test(cluster.adminUrl('bestaat_niet'))).toEqual({ ok: false, reason: 'no_database' });
    expect(await test(cluster.adminUrl(await cluster.createDatabase('empty')))).toEqual({ ok: false, reason: 'no_schema' });
    expect(await test(`postgres://x:y@127.0.0.1:1/${database}`)).toEqual({ ok: false, reason: 'unreachable' });
    const door = kiosk('Elders', 'Deur', 1);
    expect(await test(await registerKioskDb(admin, cluster, database, door.core.db))).toMatchObject({ ok: true, readsBoard: false });
    // Not a PostgreSQL address at all: refused by the contract before anything connects.
    expect(await gateway.invoke('testCentralConnection', { url: 'http://example.org/db' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('comes from INLEVERPUNT_CENTRAL_URL when nothing is saved on the screen, board mode with INLEVERPUNT_BOARD_MODE=1', async () => {
    const { gateway, as } = boardPc({ INLEVERPUNT_CENTRAL_URL: officeUrl, INLEVERPUNT_BOARD_MODE: '1' });
    await as('office');
    expect(await value(gateway.invoke('getCentralConnection', {}))).toMatchObject({ source: 'environment', passwordSet: true, board: true });
    expect(await gateway.invoke('boardKioskHealth', {})).toMatchObject({ ok: true });
  });

  it('comes from the roll-out file after that, its password (best left to pgpass) never shown either', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    const config = `${dir.dir}/config.json`;
    writeFileSync(config, JSON.stringify({ version: 1, central: { url: officeUrl, board: true } }));
    const { gateway, as } = boardPc({}, config);
    await as('office');
    const view = await gateway.invoke('getCentralConnection', {});
    expect(view).toMatchObject({ ok: true, value: { source: 'rollout', passwordSet: true, board: true } });
    expect(JSON.stringify(view)).not.toContain('kantoor-geheim');
    expect(await gateway.invoke('boardKioskHealth', {})).toMatchObject({ ok: true });
    // An address saved on the settings screen comes first.
    await as('admin');
    await value(gateway.invoke('setCentralConnection', { url: `postgres://board_office@127.0.0.1:1/${database}`, board: false }));
    expect(await value(gateway.invoke('getCentralConnection', {}))).toMatchObject({ source: 'settings', board: false, passwordSet: false });
  });
});

describe("the board's office across kiosks", () => {
  let board: ReturnType<typeof boardPc>;
  let healthy: ClassFixture;
  let rewritten: ClassFixture;
  let silent: ClassFixture;

  beforeAll(async () => {
    healthy = kiosk('De Regenboog', 'Groep 7', 3);
    rewritten = kiosk('=De Klimop', 'Groep 8', 4);
    silent = kiosk('De Regenboog', 'Groep 5', 1);
    for (const k of [healthy, rewritten]) await syncKiosk(k.core.db, await registerKioskDb(admin, cluster, database, k.core.db));
    await registerKioskDb(admin, cluster, database, silent.core.db);
    await witnessCheckpoints(admin, witness);
    rewriteHistory(rewritten.core.db, rewritten.core.kiosk().kioskId, 3);
    rewritten.s.signCheckpoint('day_closed');
    const reUrl = await registerKioskDb(admin, cluster, database, rewritten.core.db);
    expect(await syncKiosk(rewritten.core.db, reUrl)).toMatchObject({ outcome: 'diverged' });
    board = boardPc();
    await board.as('admin');
    await value(board.gateway.invoke('setCentralConnection', { url: officeUrl, board: true }));
    await board.as('office');
  }, 120_000);

  const health = async (school?: string) =>
    (await value<{ kiosks: BoardKiosk[] }>(board.gateway.invoke('boardKioskHealth', school ? { school } : {}))).kiosks;

  it('shows every kiosk: ok when its checkpoint was countersigned, diverged when it rewrote its history, not verified when it never synced', async () => {
    const byId = new Map((await health()).map((k) => [k.kioskId, k]));
    expect(byId.get(healthy.core.kiosk().kioskId)).toMatchObject({
      school: 'De Regenboog', name: 'Groep 7', verification: 'ok', lastSyncOutcome: 'ok', lastFinding: null, lastWitnessedSize: expect.any(Number),
    });
    expect(byId.get(healthy.core.kiosk().kioskId)?.lastSyncAt).not.toBeNull();
    expect(byId.get(rewritten.core.kiosk().kioskId)).toMatchObject({
      verification: 'diverged', lastSyncOutcome: 'diverged', lastFinding: { source: 'sync', problem: 'checkpoint_inconsistent' },
    });
    expect(byId.get(silent.core.kiosk().kioskId)).toMatchObject({ verification: 'not_verified', lastSyncAt: null, headSeq: 0 });
    expect((await health('De Regenboog')).map((k) => k.name)).toEqual(['Groep 5', 'Groep 7']);
  });

  it('lists the events of every kiosk, filtered by school, kiosk, type and day, page by page without losing or repeating one', async () => {
    const all: BoardEvent[] = [];
    let after: unknown;
    do {
      const page = await value<{ events: BoardEvent[]; next: unknown }>(
        board.gateway.invoke('boardEvents', { filter: {}, limit: 7, ...(after ? { after } : {}) }),
      );
      all.push(...page.events);
      after = page.next;
    } while (after);
    const stored = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM central.events')).rows[0]!.n;
    expect(all).toHaveLength(stored);
    expect(new Set(all.map((e) => `${e.kioskId}/${e.seq}`)).size).toBe(stored);
    expect(all.map((e) => e.occurredAt)).toEqual([...all.map((e) => e.occurredAt)].sort().reverse());

    const list = async (filter: object) => (await value<{ events: BoardEvent[] }>(board.gateway.invoke('boardEvents', { filter, limit: 500 }))).events;
    const regenboog = await list({ school: 'De Regenboog' });
    expect(new Set(regenboog.map((e) => e.kioskName))).toEqual(new Set(['Groep 7']));
    const handIns = await list({ kioskId: rewritten.core.kiosk().kioskId, types: ['handed_in'] });
    expect(handIns.map((e) => e.type)).toEqual(['handed_in', 'handed_in', 'handed_in', 'handed_in']);
    const device = handIns[0]!.deviceId!;
    expect((await list({ deviceId: device })).every((e) => e.deviceId === device)).toBe(true);
    expect(await list({ from: '2025-09-02' })).toEqual([]);
    expect((await list({ from: '2025-08-31', to: '2025-09-01' })).length).toBe(stored);
  });

  it('exports them as CSV for Dutch Excel, a school name that looks like a formula kept as text', async () => {
    const file = await exported(board, { filter: { kioskId: rewritten.core.kiosk().kioskId } });
    const bytes = file.bytes;
    expect(file.fileName).toMatch(/^bestuur-logboek-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(bytes.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(rows[0]?.slice(0, 4)).toEqual(['school', 'kiosk', 'kiosk_id', 'seq']);
    expect(rows).toHaveLength(file.rows + 1);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(["'=De Klimop"]));
    const stored = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM central.events WHERE kiosk_id = $1', [rewritten.core.kiosk().kioskId])).rows[0]!.n;
    expect(file.rows).toBe(stored);
  });

  it("records every board export in this PC's own ledger: who, the board scope, how many events and the file's SHA-256", async () => {
    const kioskId = rewritten.core.kiosk().kioskId;
    const file = await exported(board, { filter: { school: '=De Klimop', kioskId, types: ['handed_in'] }, format: 'xlsx' });
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    expect(file.sha256).toBe(sha256);
    const { exports } = await value<{ exports: ExportRecord[] }>(board.gateway.invoke('listExports', {}));
    expect(exports[0]).toMatchObject({
      by: board.f.office.displayName,
      format: 'xlsx',
      filter: { scope: 'board', school: '=De Klimop', kioskId, types: ['handed_in'] },
      rows: 4,
      sha256,
      checkpointTreeSize: null,
    });
    const made = chainSince(board.f.core.db, board.f.core.kiosk().kioskId).map((r) => r.event).at(-1)!;
    expect(made).toMatchObject({ type: 'export_made', actor: board.f.office.staffId });
    // Refused exports leave no record: a teacher may not export the board's log.
    await board.as('teacher');
    expect(await board.gateway.invoke('boardExport', { filter: {} })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    await board.as('office');
    expect((await value<{ exports: ExportRecord[] }>(board.gateway.invoke('listExports', {}))).exports).toHaveLength(exports.length);
  });

  it('exports the same rows as XLSX, read back cell by cell against the central database: every event once, typed dates and numbers, text kept as text', async () => {
    const file = await exported(board, { filter: {}, format: 'xlsx', language: 'en' });
    expect(file.fileName).toMatch(/^bestuur-logboek-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = file.bytes;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['School', 'Kiosk', 'Kiosk id', 'Seq', 'Time']);
    const central = (
      await admin.query<{ school: string; kiosk_id: string; seq: number; occurred_at: string; type: string; device_id: string | null; hash: string }>(
        `SELECT k.school, e.kiosk_id, e.seq::int AS seq, e.occurred_at, e.type, e.device_id, encode(e.hash, 'hex') AS hash
           FROM central.events e JOIN central.kiosks k USING (kiosk_id) ORDER BY k.school, k.name, e.kiosk_id, e.seq`,
      )
    ).rows;
    expect(file.rows).toBe(central.length);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    expect(rows).toHaveLength(central.length);
    rows.forEach((row, i) => {
      const c = central[i]!;
      // A school name that looks like a formula stays text, with Excel's apostrophe, as in the CSV.
      expect(row.getCell(1).value).toBe(c.school.startsWith('=') ? `'${c.school}` : c.school);
      expect([row.getCell(3).value, row.getCell(4).value, row.getCell(6).value, row.getCell(9).value ?? null, row.getCell(15).value]).toEqual([
        c.kiosk_id, c.seq, c.type, c.device_id, c.hash,
      ]);
      const time = row.getCell(5).value as Date;
      expect(time).toBeInstanceOf(Date);
      const local = new Date(c.occurred_at);
      expect([time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate(), time.getUTCHours(), time.getUTCMinutes()]).toEqual([
        local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(),
      ]);
    });
  });

  it('exports only what the type, device and pupil filters pick, the same as the list shows', async () => {
    const handIns = (await value<{ events: BoardEvent[] }>(board.gateway.invoke('boardEvents', { filter: { types: ['handed_in'] }, limit: 500 }))).events;
    const one = handIns.find((e) => e.pupilId !== null)!;
    for (const filter of [{ types: ['handed_in'] }, { deviceId: one.deviceId! }, { pupilId: one.pupilId!, types: ['handed_in'] }]) {
      const listed = (await value<{ events: BoardEvent[] }>(board.gateway.invoke('boardEvents', { filter, limit: 500 }))).events;
      const file = await exported(board, { filter });
      const rows = parse(file.bytes.toString('utf8'), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
      expect(new Set(rows.map((r) => `${r.kiosk_id}/${r.seq}`))).toEqual(new Set(listed.map((e) => `${e.kioskId}/${e.seq}`)));
      expect(rows.length).toBeGreaterThan(0);
    }
    expect(await board.gateway.invoke('boardExport', { filter: { types: ['not_a_type'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('saves the export where the office chose, and leaves nothing behind (no file, no record) when the dialog is cancelled or the file cannot be written', async () => {
    const history = async () => (await value<{ exports: ExportRecord[] }>(board.gateway.invoke('listExports', {}))).exports.length;
    const before = await history();
    board.saves.push('mijn-export.csv');
    const chosen = await exported(board, { filter: {} });
    expect(chosen.fileName).toBe('mijn-export.csv');
    expect(await history()).toBe(before + 1);
    const files = readdirSync(board.folder).sort();

    board.saves.push(null);
    expect(await value(board.gateway.invoke('boardExport', { filter: {} }))).toEqual({ saved: false });
    // A folder that is not there (a USB stick pulled out), and a disk that fills up half-way.
    const gone = join(board.folder, 'stick', 'export.csv');
    board.saves.push(gone);
    expect(await board.gateway.invoke('boardExport', { filter: {} })).toMatchObject({ ok: false, error: { code: 'EXPORT_FILE_FAILED', details: { cause: 'ENOENT' } } });
    expect(existsSync(gone)).toBe(false);
    board.saves.push('/dev/full');
    expect(await board.gateway.invoke('boardExport', { filter: {}, format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'EXPORT_FILE_FAILED', details: { cause: 'ENOSPC' } } });
    expect(existsSync('/dev/full')).toBe(true);
    expect(await history()).toBe(before + 1);
    expect(readdirSync(board.folder).sort()).toEqual(files);
  });

  it("imports an offline kiosk's bundles from a folder: new events once, the same bundle again adds nothing, a stranger's bundle is refused", async () => {
    const offline = kiosk('De Regenboog', 'Groep 6', 2);
    await registerKioskDb(admin, cluster, database, offline.core.db);
    const bundle = async (f: ClassFixture, filter: Parameters<typeof exportBundle>[1]['filter'] = {}) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await exportBundle(f.core.services.context, { filter, actor: f.office.staffId }, out);
      return Buffer.concat(chunks).toString('base64');
    };
    const centralBundle = async (f: ClassFixture) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await exportCentralBundle(admin, { kioskId: f.core.kiosk().kioskId, witness }, out);
      return Buffer.concat(chunks).toString('base64');
    };
    const stranger = kiosk('Elders', 'Onbekend', 1);
    const files = [
      { name: 'groep6.jsonl', base64: await bundle(offline) },
      { name: 'onbekend.jsonl', base64: await bundle(stranger) },
      { name: 'kapot.jsonl', base64: Buffer.from('{"niet":"een bundel"}\n').toString('base64') },
      { name: 'centraal.jsonl', base64: await centralBundle(healthy) },
      { name: 'gefilterd.jsonl', base64: await bundle(offline, { types: ['handed_in'] }) },
    ];
    const first = await value<{ results: { name: string; outcome: string; imported: number; skipped: number }[] }>(
      board.gateway.invoke('boardImportBundles', { files }),
    );
    expect(first.results.map((r) => [r.name, r.outcome])).toEqual([
      ['groep6.jsonl', 'ok'],
      ['onbekend.jsonl', 'unknown_kiosk'],
      ['kapot.jsonl', 'not_verified'],
      // Rebuilt from this central database and sealed by its witness: not a kiosk's own word.
      ['centraal.jsonl', 'central_bundle'],
      // One kind of event only: it verifies, but is not the chain; no finding against the kiosk.
      ['gefilterd.jsonl', 'partial_bundle'],
    ]);
    expect(first.results[0]!.imported).toBeGreaterThan(0);
    const findings = await admin.query('SELECT 1 FROM central.findings WHERE kiosk_id = $1', [offline.core.kiosk().kioskId]);
    expect(findings.rowCount).toBe(0);
    // The kiosk's checkpoint came with its whole chain; the unreadable file is named in words.
    expect(first.results[0]).toMatchObject({ checkpoints: 1, message: null });
    expect(first.results[2]).toMatchObject({ reason: 'malformed', message: { nl: expect.stringContaining('geen leesbaar bewijsbestand'), en: expect.stringContaining('not a readable') } });
    const again = await value<{ results: { outcome: string; imported: number; skipped: number }[] }>(
      board.gateway.invoke('boardImportBundles', { files: files.slice(0, 1) }),
    );
    expect(again.results[0]).toMatchObject({ outcome: 'ok', imported: 0, skipped: first.results[0]!.imported, checkpoints: 0 });
  });

  it('is closed to a teacher, and to an office PC that is not in board mode', async () => {
    await board.as('teacher');
    expect(await board.gateway.invoke('boardKioskHealth', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } });
    await board.as('office');
    const plain = boardPc();
    await plain.as('office');
    expect(await plain.gateway.invoke('boardKioskHealth', {})).toMatchObject({ ok: false, error: { code: 'BOARD_MODE_OFF' } });
    expect(await plain.gateway.invoke('boardEvents', { filter: {} })).toMatchObject({ ok: false, error: { code: 'BOARD_MODE_OFF' } });
  });

  it("with a kiosk's login in board mode says it may not read the board, and an unreachable server names only the target", async () => {
    const pc = boardPc();
    await pc.as('admin');
    const door = kiosk('Elders', 'Groep 4', 1);
    const kioskUrl = await registerKioskDb(admin, cluster, database, door.core.db);
    await value(pc.gateway.invoke('setCentralConnection', { url: kioskUrl, board: true }));
    expect(await pc.gateway.invoke('boardKioskHealth', {})).toMatchObject({ ok: false, error: { code: 'CENTRAL_NO_ACCESS' } });
    await value(pc.gateway.invoke('setCentralConnection', { url: `postgres://board_office:kantoor-geheim@127.0.0.1:1/${database}`, board: true }));
    const r = await pc.gateway.invoke('boardEvents', { filter: {} });
    expect(r).toMatchObject({ ok: false, error: { code: 'CENTRAL_UNREACHABLE', details: { target: `board_office@127.0.0.1:1/${database}` } } });
    expect(JSON.stringify(r)).not.toContain('kantoor-geheim');
  });
});

describe("the board's log as a printable PDF", () => {
  let board: ReturnType<typeof boardPc>;
  let linde: ClassFixture;
  let late: ClassFixture;
  let anker: ClassFixture;
  let wrongSeq: number;
  let correctionSeq: number;

  beforeAll(async () => {
    requireTools();
    linde = kiosk('De Linde', 'Groep 3', 2);
    // A transfer to the wrong place, corrected: the log shows both, the wrong one marked.
    const wrong = linde.s.transfer({ deviceId: linde.phones[0]!.deviceId, actor: linde.teacher.staffId, to: { locationId: linde.safe.locationId } });
    const correction = linde.s.correct({ seq: wrong.event.seq, reason: 'Verkeerd vak', actor: linde.teacher.staffId });
    ({ seq: wrongSeq } = wrong.event);
    ({ seq: correctionSeq } = correction.event);
    linde.s.signCheckpoint('day_closed');
    late = kiosk('De Linde', 'Groep 6', 1);
    anker = kiosk('Het Anker', 'Groep 2', 2);
    for (const k of [linde, anker]) await syncKiosk(k.core.db, await registerKioskDb(admin, cluster, database, k.core.db));
    await witnessCheckpoints(admin, witness);
    // Synced after the witness ran: in the log, not witnessed yet.
    await syncKiosk(late.core.db, await registerKioskDb(admin, cluster, database, late.core.db));
    board = boardPc();
    await board.as('admin');
    await value(board.gateway.invoke('setCentralConnection', { url: officeUrl, board: true }));
    await board.as('office');
  }, 120_000);

  /** The central rows of a school in the export's order: school, kiosk, kiosk id, seq. */
  const centralRows = async (school: string) =>
    (
      await admin.query<{ kiosk_id: string; seq: string; hash: string }>(
        `SELECT e.kiosk_id, e.seq, encode(e.hash, 'hex') AS hash FROM central.events e JOIN central.kiosks k USING (kiosk_id)
          WHERE k.school = $1 ORDER BY k.school, k.name, e.kiosk_id, e.seq`,
        [school],
      )
    ).rows;

  it("holds every event of the school's kiosks in order with school and kiosk, voided ones marked, and each kiosk's witnessed checkpoint at the end", async () => {
    const file = await exported(board, { filter: { school: 'De Linde' }, format: 'pdf' });
    expect(file.fileName).toMatch(/^bestuur-logboek-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(file.bytes);
    const rows = await centralRows('De Linde');
    expect(new Set(rows.map((r) => r.kiosk_id))).toEqual(new Set([linde.core.kiosk().kioskId, late.core.kiosk().kioskId]));
    expect(file.rows).toBe(rows.length);
    // Every event once, in the export's order (its hash is on its line).
    const at = rows.map((r) => text.raw.indexOf(r.hash));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text.layout).toContain('Bewaarlogboek van het bestuur');
    expect(text.layout).toContain(`${rows.length} gebeurtenissen, per school en kiosk`);
    expect(text.layout).toMatch(/Selectie\s+school De Linde/);
    expect(text.layout).toContain('Id’s staan waar namen zouden staan');
    expect(text.raw).toContain('DeLinde·Groep3');
    expect(text.raw).toContain('DeLinde·Groep6');
    expect(text.layout).toContain(`pagina 1 van ${text.pages}`);
    expect(text.raw).toContain(`VERVALLEN—herstelddoor#${correctionSeq}`);
    expect(text.raw).toContain(`Herstelt#${wrongSeq}`);

    // The end: the witnessed checkpoint of the one kiosk, "not witnessed yet" for the other.
    const witnessed = await admin.query<{ tree_size: string; root: string }>(
      `SELECT w.tree_size, encode(c.root, 'hex') AS root FROM central.cosignatures w JOIN central.checkpoints c USING (kiosk_id, tree_size)
        WHERE w.kiosk_id = $1 ORDER BY w.tree_size DESC LIMIT 1`,
      [linde.core.kiosk().kioskId],
    );
    const end = text.layout.slice(text.layout.indexOf('Nagerekende controlepunten'));
    expect(end).toContain(`De Linde · Groep 3 (${linde.core.kiosk().kioskId})`);
    expect(end).toContain(witnessed.rows[0]!.root);
    expect(end).toMatch(new RegExp(`Aantal gebeurtenissen[^\\n]*\\n\\s*${witnessed.rows[0]!.tree_size}\\n`));
    expect(end).toMatch(new RegExp(`De Linde · Groep 6 \\(${late.core.kiosk().kioskId}\\)\\s+Nog niet nagerekend`));
  });

  it('prints each id cut to its first 8 characters, so a hand-in into a pouch takes two lines, not six, and says where the whole ids are', async () => {
    const file = await exported(board, { filter: { school: 'De Linde', types: ['handed_in'] }, format: 'pdf' });
    const text = pdfText(file.bytes);
    const handIn = (
      await admin.query<{ device_id: string; pupil_id: string; pouch_id: string; location_id: string; hash: string }>(
        `SELECT e.device_id, e.pupil_id, e.pouch_id, e.location_id, encode(e.hash, 'hex') AS hash FROM central.events e
          WHERE e.kiosk_id = $1 AND e.type = 'handed_in' AND e.pouch_id IS NOT NULL ORDER BY e.seq LIMIT 1`,
        [linde.core.kiosk().kioskId],
      )
    ).rows[0]!;
    const raw = text.raw.replace(/\s+/g, '');
    for (const id of [handIn.device_id, handIn.pupil_id, handIn.pouch_id]) {
      expect(raw).toContain(`${id.slice(0, 8)}…`);
      expect(raw).not.toContain(id);
    }
    expect(raw).toContain(handIn.hash);
    expect(text.layout.replace(/\s+/g, ' ')).toContain('Een id is verkort tot zijn eerste 8 tekens (…); de CSV en Excel hebben elk id voluit.');
    // The hand-in's row: its SHA-256 (two lines of 32) is its tallest cell.
    const lines = text.layout.split('\n');
    const row = lines.findIndex((l) => l.includes(`${handIn.device_id.slice(0, 8)}…`));
    const next = lines.findIndex((l, i) => i > row && /^\s*#\d+/.test(l));
    expect(row).toBeGreaterThan(0);
    expect((next < 0 ? lines.length : next) - row).toBeLessThanOrEqual(3);
  });

  it("leaves the other school's events out, and is recorded in this PC's ledger with the file's SHA-256", async () => {
    const file = await exported(board, { filter: { school: 'Het Anker', types: ['handed_in'] }, format: 'pdf', language: 'en' });
    const text = pdfText(file.bytes);
    const anchor = await centralRows('Het Anker');
    expect(file.rows).toBe(2);
    expect(text.layout).toContain("The board's custody log");
    expect(text.layout).toMatch(/Selection\s+school Het Anker; kinds: Handed in/);
    expect(text.layout).not.toContain('De Linde');
    for (const r of await centralRows('De Linde')) expect(text.raw).not.toContain(r.hash);
    expect(anchor.filter((r) => text.raw.includes(r.hash))).toHaveLength(2);
    expect(text.layout).toContain('Witnessed checkpoints');

    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    expect(file.sha256).toBe(sha256);
    const { exports } = await value<{ exports: ExportRecord[] }>(board.gateway.invoke('listExports', {}));
    expect(exports[0]).toMatchObject({
      by: board.f.office.displayName,
      format: 'pdf',
      filter: { scope: 'board', school: 'Het Anker', types: ['handed_in'] },
      rows: 2,
      sha256,
      checkpointTreeSize: null,
    });
  });
});
