import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfText } from '../support/pdfText';
import { parseReadme } from '../support/readmeBlocks';
import { runShellBlock } from '../support/readmeShell';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCentral } from '../../src/core/central/connection';
import { centralMigrations } from '../../src/core/central/schema/migrate';
import { makeBackup } from '../../src/core/backup/backup';
import { ledgerHead } from '../../src/core/ledger/rows';
import pg from 'pg';
import { withReadOnlyFile } from '../../src/core/backup/readOnlyFile';
import { restoreMark } from '../../src/core/backup/restoreMark';
import { classFixture, type ClassFixture } from '../core/support/custodyFixture';
import { startPostgres, type PgCluster } from '../support/postgres';
import { standaloneVerifier } from '../support/standaloneVerifier';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

let cluster: PgCluster;
let adminUrl: string;
let database: string;
let f: ClassFixture;
const keys = tempDir();

beforeAll(async () => {
  cluster = await startPostgres();
  database = await cluster.createDatabase();
  adminUrl = cluster.adminUrl(database);
  f = classFixture({ size: 3 });
  for (let n = 1; n <= 3; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  f.s.signCheckpoint('day_closed');
  // initdb and a first start take a while when the two cores are shared: a hang guard, not a speed claim.
}, 120_000);
afterAll(() => {
  f?.close();
  keys.cleanup();
  cluster?.stop();
});

describe('the central commands, as the IT partner runs them', () => {
  it('init, register a kiosk, sync, witness, verify and status: a board set up from the terminal', async () => {
    const witnessKey = `${keys.dir}/witness.pem`;
    const init = await cli(['central', 'init', '--url', adminUrl, '--witness-key', witnessKey, '--json']);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ from: 0, to: centralMigrations.length, witnessKey: expect.stringMatching(/^inleverpunt\.central\/witness\+/) });
    expect(init.stdout).not.toContain('central-test-superuser');
    expect((await cli(['central', 'init', '--url', adminUrl, '--json'])).stdout).toContain(`"from": ${centralMigrations.length}`);

    const registered = await cli(['central', 'register-kiosk', '--url', adminUrl, '--db', f.dbPath, '--school', 'De Regenboog', '--json']);
    expect(registered.code).toBe(0);
    const { role, password } = JSON.parse(registered.stdout) as { role: string; password: string };
    const kioskUrl = cluster.urlFor(role, password, database);

    const synced = await cli(['sync', '--url', kioskUrl, '--db', f.dbPath, '--batch', '5', '--json']);
    expect(synced.code).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ outcome: 'ok', checkpointsUploaded: 1 });
    expect(synced.stdout + synced.stderr).not.toContain(password);

    // Without --url, from the roll-out file every kiosk PC has.
    f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
    const config = `${keys.dir}/config.json`;
    writeFileSync(config, JSON.stringify({ version: 1, central: { url: kioskUrl } }));
    process.env.INLEVERPUNT_CONFIG = config;
    try {
      const fromRollout = await cli(['sync', '--db', f.dbPath, '--json']);
      expect(JSON.parse(fromRollout.stdout)).toMatchObject({ outcome: 'ok', uploaded: 1 });
    } finally {
      delete process.env.INLEVERPUNT_CONFIG;
    }
    // Or from the address the administrator saved on the settings screen.
    f.s.scan({ code: 'STK-2', mode: 'return', actor: 'pupil' });
    storeCentral(f.core.services.context, f.admin.staffId, { url: kioskUrl, board: false });
    let centralHead: number;
    try {
      const fromSettings = await cli(['sync', '--db', f.dbPath, '--json']);
      // The return, and the settings change that saved the address.
      expect(JSON.parse(fromSettings.stdout)).toMatchObject({ outcome: 'ok', uploaded: 2 });
      centralHead = (JSON.parse(fromSettings.stdout) as { centralSeq: number }).centralSeq;
      expect(fromSettings.stdout + fromSettings.stderr).not.toContain(password);
    } finally {
      storeCentral(f.core.services.context, f.admin.staffId, null);
    }

    expect((await cli(['central', 'witness', '--url', adminUrl, '--witness-key', witnessKey])).code).toBe(0);
    const verified = await cli(['central', 'verify', '--url', adminUrl]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^OK {3}De Regenboog/);
    const csv = `${keys.dir}/board.csv`;
    const exported = await cli(['central', 'export', '--url', adminUrl, '--out', csv, '--school', 'De Regenboog', '--from', '2025-09-01', '--json']);
    expect(exported.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('school,kiosk,kiosk_id,seq,occurred_at,type,actor,custodian,device_id,pupil_id,location_id,pouch_id,voids_seq,details,hash');
    expect(lines).toHaveLength(centralHead + 1);
    // The server keeps no record of a CLI export: the printed SHA-256 is of exactly the file written.
    expect(JSON.parse(exported.stdout)).toMatchObject({ rows: lines.length - 1, sha256: sha256Of(csv) });
    const human = await cli(['central', 'export', '--url', adminUrl, '--out', csv, '--school', 'Elders']);
    expect(human.stdout).toBe(`0 gebeurtenissen geschreven naar / events written to ${csv} (SHA-256 ${sha256Of(csv)})\n`);
    expect(readFileSync(csv, 'utf8').trimEnd().split('\n')).toHaveLength(1);

    // The same log as XLSX, narrowed to one device's hand-ins: exactly the CSV's rows of that device and type.
    await cli(['central', 'export', '--url', adminUrl, '--out', csv]);
    const everything = parse(readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    const device = everything.find((r) => r.type === 'handed_in')!.device_id!;
    const wanted = everything.filter((r) => ['handed_in', 'returned'].includes(r.type!) && r.device_id === device);
    const xlsx = `${keys.dir}/board.xlsx`;
    const args = ['central', 'export', '--url', adminUrl, '--out', xlsx, '--format', 'xlsx', '--lang', 'en', '--type', 'handed_in,returned', '--device', device, '--json'];
    const asXlsx = await cli(args);
    expect(asXlsx.code).toBe(0);
    expect(JSON.parse(asXlsx.stdout)).toMatchObject({ format: 'xlsx', rows: wanted.length, sha256: sha256Of(xlsx) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe('Seq');
    expect(sheet.getRows(2, sheet.rowCount - 1)!.map((r) => [r.getCell(3).value, r.getCell(4).value, r.getCell(15).value])).toEqual(
      wanted.map((r) => [r.kiosk_id, Number(r.seq), r.hash]),
    );
    const refused = await cli(['central', 'export', '--url', adminUrl, '--out', xlsx, '--type', 'no_such_type']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('handed_in');
    const status = await cli(['central', 'status', '--url', adminUrl, '--school', 'De Regenboog', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ kiosks: [{ state: 'ok', lastSyncOutcome: 'ok', findings: 0 }] });
  });

  it("a bundle made against the witness's cosigned checkpoint: the auditor checks the cosignature with the witness key, in the CLI and the standalone verifier", async () => {
    const board = await cluster.createDatabase();
    const url = cluster.adminUrl(board);
    const witnessKey = `${keys.dir}/board-witness.pem`;
    const init = JSON.parse((await cli(['central', 'init', '--url', url, '--witness-key', witnessKey, '--json'])).stdout) as { witnessKey: string };
    const printed = await cli(['central', 'witness-key', '--witness-key', witnessKey]);
    expect(printed).toMatchObject({ code: 0, stdout: `${init.witnessKey}\n` });
    const vkey = init.witnessKey;
    // The C2SP cosigner vkey: name, key ID, base64 of 0x04 and the 32-byte public key.
    expect(Buffer.from(vkey.split('+').slice(2).join('+'), 'base64')[0]).toBe(0x04);

    const { role, password } = JSON.parse((await cli(['central', 'register-kiosk', '--url', url, '--db', f.dbPath, '--json'])).stdout) as { role: string; password: string };
    expect((await cli(['sync', '--url', cluster.urlFor(role, password, board), '--db', f.dbPath])).code).toBe(0);
    expect((await cli(['central', 'witness', '--url', url, '--witness-key', witnessKey])).code).toBe(0);
    const kioskId = f.core.kiosk().kioskId;
    const cosigned = `${keys.dir}/cosigned.checkpoint.txt`;
    expect((await cli(['central', 'cosigned', '--url', url, '--kiosk', kioskId, '--out', cosigned])).code).toBe(0);

    // The README's stock-tool recipe (OpenSSL) on this cosigned note, and on one whose time was moved.
    const recipe = parseReadme(readFileSync(join(__dirname, '../../README.md'), 'utf8')).blocks.find((b) => b.code.includes("'cosignature/v1\\ntime %s\\n'"));
    const note = readFileSync(cosigned, 'utf8');
    const runRecipe = (text: string) => {
      const dir = `${keys.dir}/recipe-${Math.random().toString(36).slice(2)}`;
      mkdirSync(dir);
      writeFileSync(`${dir}/cosigned.checkpoint.txt`, text);
      writeFileSync(`${dir}/witness.vkey`, `${vkey}\n`);
      return runShellBlock(recipe!.code, dir, `${dir}/none.db`);
    };
    expect(runRecipe(note)).toMatchObject({ code: 0, stdout: expect.stringContaining('Signature Verified Successfully') });
    const witnessLine = note.trimEnd().split('\n').at(-1)!;
    const moved = Buffer.from(witnessLine.split(' ')[2]!, 'base64');
    moved.writeBigUInt64BE(moved.readBigUInt64BE(4) + 1n, 4);
    expect(runRecipe(note.replace(witnessLine, `\u2014 inleverpunt.central/witness ${moved.toString('base64')}`)).code).not.toBe(0);

    const bundle = `${keys.dir}/witnessed.jsonl`;
    const exported = await cli(['export', '--db', f.dbPath, '--format', 'bundle', '--out', bundle, '--cosigned', cosigned, '--json']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ checkpoint: { treeSize: Number(readFileSync(cosigned, 'utf8').split('\n')[1]) } });
    const verified = await cli(['verify-bundle', bundle, '--witness', vkey, '--json']);
    expect(verified.code).toBe(0);
    const { witnessed } = JSON.parse(verified.stdout) as { witnessed: { witness: string; time: number } };
    expect(witnessed.witness).toBe('inleverpunt.central/witness');
    expect(Math.abs(witnessed.time - Date.now() / 1000)).toBeLessThan(24 * 3600);
    const standalone = (...args: string[]) => standaloneVerifier(args);
    expect(standalone(bundle, '--witness', vkey)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^OK .*cosigned by the witness at \d{4}-/) });

    // Another witness's key, a bundle without the witness's line, and a line whose time was moved are refused.
    const other = (await cli(['central', 'init', '--url', cluster.adminUrl(await cluster.createDatabase()), '--witness-key', `${keys.dir}/stranger.pem`, '--json'])).stdout;
    const strangerKey = (JSON.parse(other) as { witnessKey: string }).witnessKey;
    expect(JSON.parse((await cli(['verify-bundle', bundle, '--witness', strangerKey, '--json'])).stdout)).toMatchObject({ ok: false, reason: 'no_cosignature' });
    expect(standalone(bundle, '--witness', strangerKey)).toMatchObject({ status: 1, stdout: 'FAIL no_cosignature\n' });
    const plain = `${keys.dir}/plain.jsonl`;
    await cli(['export', '--db', f.dbPath, '--format', 'bundle', '--out', plain]);
    expect(JSON.parse((await cli(['verify-bundle', plain, '--witness', vkey, '--json'])).stdout)).toMatchObject({ ok: false, reason: 'no_cosignature' });
    expect(standalone(plain, '--witness', vkey).stdout).toBe('FAIL no_cosignature\n');
    expect((await cli(['verify-bundle', plain, '--json'])).code).toBe(0);
    const [headerLine, ...rest] = readFileSync(bundle, 'utf8').split('\n');
    const header = JSON.parse(headerLine!) as { checkpoint: string };
    const lines = header.checkpoint.trimEnd().split('\n');
    const sig = Buffer.from(lines.at(-1)!.split(' ')[2]!, 'base64');
    sig.writeBigUInt64BE(sig.readBigUInt64BE(4) - 60n, 4);
    lines[lines.length - 1] = `\u2014 inleverpunt.central/witness ${sig.toString('base64')}`;
    const retimed = `${keys.dir}/retimed.jsonl`;
    writeFileSync(retimed, [JSON.stringify({ ...header, checkpoint: `${lines.join('\n')}\n` }), ...rest].join('\n'));
    expect(JSON.parse((await cli(['verify-bundle', retimed, '--witness', vkey, '--json'])).stdout)).toMatchObject({ ok: false, reason: 'bad_cosignature' });
    expect(standalone(retimed, '--witness', vkey).stdout).toBe('FAIL bad_cosignature\n');
  });

  it("central export --format bundle: the kiosk's bundle from the central database, sealed with the witness key; checked with --witness, refused by import-bundle", async () => {
    const board = await cluster.createDatabase();
    const url = cluster.adminUrl(board);
    const witnessKey = `${keys.dir}/bundle-witness.pem`;
    const vkey = (JSON.parse((await cli(['central', 'init', '--url', url, '--witness-key', witnessKey, '--json'])).stdout) as { witnessKey: string }).witnessKey;
    const { role, password } = JSON.parse((await cli(['central', 'register-kiosk', '--url', url, '--db', f.dbPath, '--json'])).stdout) as { role: string; password: string };
    expect((await cli(['sync', '--url', cluster.urlFor(role, password, board), '--db', f.dbPath])).code).toBe(0);
    const kioskId = f.core.kiosk().kioskId;
    const bundle = `${keys.dir}/from-the-centre.jsonl`;
    const args = ['central', 'export', '--url', url, '--format', 'bundle', '--kiosk', kioskId, '--witness-key', witnessKey, '--out', bundle];

    // Before the witness ran there is nothing to make it against, and no file is left behind.
    const early = await cli(args);
    expect(early).toMatchObject({ code: 1, stderr: expect.stringContaining('CENTRAL_NOT_COSIGNED') });
    expect(existsSync(bundle)).toBe(false);
    expect((await cli(['central', 'witness', '--url', url, '--witness-key', witnessKey])).code).toBe(0);

    const exported = await cli([...args, '--json']);
    expect(exported.code).toBe(0);
    const report = JSON.parse(exported.stdout) as { rows: number; sha256: string; treeSize: number };
    expect(report.sha256).toBe(sha256Of(bundle));
    expect(report.rows).toBe(report.treeSize);
    expect((await cli(args)).stdout).toMatch(/^\d+ gebeurtenissen \/ events written to .* \(SHA-256 [0-9a-f]{64}\), controlepunt \/ checkpoint \d+, verzegeld door de getuige \/ sealed by the witness\n$/);

    const verified = await cli(['verify-bundle', bundle, '--witness', vkey]);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining('Uit de centrale database, verzegeld door de getuige') });
    const unchecked = await cli(['verify-bundle', bundle, '--json']);
    expect(unchecked.code).toBe(1);
    expect(JSON.parse(unchecked.stdout)).toMatchObject({ ok: false, reason: 'seal_needs_witness', message: { nl: expect.stringContaining('--witness'), en: expect.stringContaining('--witness') } });
    const standalone = (...more: string[]) => standaloneVerifier([bundle, ...more]);
    expect(standalone('--witness', vkey)).toMatchObject({ status: 0, stdout: expect.stringContaining('sealed by the witness') });
    expect(standalone()).toMatchObject({ status: 1, stdout: 'FAIL seal_needs_witness (line 1)\n' });

    // One device, from a day on, with the proof from the checkpoint an office kept.
    const kept = `${keys.dir}/kept.checkpoint.txt`;
    expect((await cli(['central', 'cosigned', '--url', url, '--kiosk', kioskId, '--out', kept])).code).toBe(0);
    f.s.scan({ code: 'STK-2', mode: 'return', actor: 'pupil' });
    f.s.signCheckpoint('day_closed');
    expect((await cli(['sync', '--url', cluster.urlFor(role, password, board), '--db', f.dbPath])).code).toBe(0);
    expect((await cli(['central', 'witness', '--url', url, '--witness-key', witnessKey])).code).toBe(0);
    const device = `${keys.dir}/device.jsonl`;
    const deviceId = f.phones[1]!.deviceId;
    const one = await cli([...args.slice(0, -1), device, '--device', deviceId, '--from', '2020-01-01', '--since', kept, '--json']);
    expect(one.code).toBe(0);
    const checked = JSON.parse((await cli(['verify-bundle', device, '--witness', vkey, '--since', kept, '--json'])).stdout) as Record<string, unknown>;
    expect(checked).toMatchObject({ ok: true, sealedBy: 'witness', events: (JSON.parse(one.stdout) as { rows: number }).rows });
    expect(checked.consistentWith).toBe(Number(readFileSync(kept, 'utf8').split('\n')[1]));

    const imported = await cli(['import-bundle', bundle, '--url', url]);
    expect(imported).toMatchObject({ code: 1, stdout: expect.stringContaining('central_bundle') });

    // A bundle is one kiosk's, sealed with the witness key; --size, --since and the key belong to bundles only.
    for (const wrong of [
      ['central', 'export', '--url', url, '--format', 'bundle', '--witness-key', witnessKey, '--out', bundle],
      ['central', 'export', '--url', url, '--format', 'bundle', '--kiosk', kioskId, '--out', bundle],
      ['central', 'export', '--url', url, '--out', `${keys.dir}/x.csv`, '--size', '3'],
    ]) {
      expect((await cli(wrong)).code).toBe(2);
    }
  });

  it("report: one kiosk's device as a PDF from the central database, against its witnessed checkpoint, and what is missing named", async () => {
    const board = await cluster.createDatabase();
    const url = cluster.adminUrl(board);
    const witnessKey = `${keys.dir}/report-witness.pem`;
    await cli(['central', 'init', '--url', url, '--witness-key', witnessKey]);
    const { role, password } = JSON.parse((await cli(['central', 'register-kiosk', '--url', url, '--db', f.dbPath, '--json'])).stdout) as { role: string; password: string };
    expect((await cli(['sync', '--url', cluster.urlFor(role, password, board), '--db', f.dbPath])).code).toBe(0);
    const kioskId = f.core.kiosk().kioskId;
    const deviceId = (f.core.db.prepare('SELECT device_id FROM devices ORDER BY created_at LIMIT 1').get() as { device_id: string }).device_id;
    const out = `${keys.dir}/central-report.pdf`;
    const args = ['central', 'report', '--url', url, '--kiosk', kioskId, '--device', deviceId, '--out', out];

    // Synced, but the witness has not run: nothing countersigned to make it against.
    const early = await cli(args);
    expect(early.code).not.toBe(0);
    expect(early.stderr).toContain('CENTRAL_NOT_WITNESSED');

    expect((await cli(['central', 'witness', '--url', url, '--witness-key', witnessKey])).code).toBe(0);
    const made = await cli([...args, '--lang', 'en', '--json']);
    expect(made.code).toBe(0);
    const result = JSON.parse(made.stdout) as { pages: number; events: number; verified: boolean; checkpoint: { treeSize: number }; sha256: string };
    expect(result).toMatchObject({ verified: true, events: expect.any(Number) });
    expect(result.sha256).toBe(sha256Of(out));
    const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Chain-of-custody report from the central database');
    expect(text).toContain(kioskId);
    expect(text).toContain(deviceId);
    expect(text).toContain('Handed in');
    expect(text).toContain(`page 1 of ${result.pages}`);
    expect(text).toContain('Made by system');

    const unknownKiosk = await cli(['central', 'report', '--url', url, '--kiosk', 'elders', '--device', deviceId, '--out', out]);
    expect(unknownKiosk.stderr).toContain('CENTRAL_UNKNOWN_KIOSK');
    const unknownDevice = await cli(['central', 'report', '--url', url, '--kiosk', kioskId, '--device', 'geen-apparaat', '--out', out]);
    expect(unknownDevice.stderr).toContain('CENTRAL_UNKNOWN_DEVICE');
    const notIncident = await cli(['central', 'report', '--url', url, '--kiosk', kioskId, '--incident', '1', '--out', out]);
    expect(notIncident.stderr).toContain('NOT_AN_INCIDENT');
    for (const wrong of [['--device', deviceId, '--incident', '3'], ['--device', deviceId, '--out', 'rapport.txt'], ['--incident', '0']]) {
      const usage = await cli(['central', 'report', '--url', url, '--kiosk', kioskId, '--out', out, ...wrong]);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('central report --url URL --kiosk ID');
    }
  });

  it("central export --format pdf: the board's printable log, filtered by school, ending with the kiosk's witnessed checkpoint", async () => {
    const board = await cluster.createDatabase();
    const url = cluster.adminUrl(board);
    const witnessKey = `${keys.dir}/pdf-witness.pem`;
    await cli(['central', 'init', '--url', url, '--witness-key', witnessKey]);
    const registered = await cli(['central', 'register-kiosk', '--url', url, '--db', f.dbPath, '--school', 'De Linde', '--json']);
    const { role, password } = JSON.parse(registered.stdout) as { role: string; password: string };
    expect((await cli(['sync', '--url', cluster.urlFor(role, password, board), '--db', f.dbPath])).code).toBe(0);
    expect((await cli(['central', 'witness', '--url', url, '--witness-key', witnessKey])).code).toBe(0);
    const kioskId = f.core.kiosk().kioskId;
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const central = await db
      .query<{ n: string; size: string; root: string }>(
        `SELECT (SELECT count(*) FROM central.events WHERE kiosk_id = $1 AND type = 'handed_in') AS n, w.tree_size AS size, encode(c.root, 'hex') AS root
           FROM central.cosignatures w JOIN central.checkpoints c USING (kiosk_id, tree_size) WHERE w.kiosk_id = $1 ORDER BY w.tree_size DESC LIMIT 1`,
        [kioskId],
      )
      .finally(() => db.end());
    const { n, size, root } = central.rows[0]!;

    const out = `${keys.dir}/board.pdf`;
    const made = await cli(['central', 'export', '--url', url, '--format', 'pdf', '--out', out, '--school', 'De Linde', '--type', 'handed_in', '--lang', 'en', '--json']);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ format: 'pdf', rows: Number(n), sha256: sha256Of(out) });
    const text = pdfText(readFileSync(out));
    expect(text.layout).toContain("The board's custody log");
    expect(text.layout).toMatch(/Selection\s+school De Linde; kinds: Handed in/);
    expect(text.layout).toContain(`page 1 of ${text.pages}`);
    expect(text.layout).toMatch(/Made by\s+system/);
    expect(text.raw.match(/Handedin/g)).toHaveLength(Number(n) + 1);
    const end = text.layout.slice(text.layout.indexOf('Witnessed checkpoints'));
    expect(end).toContain(`De Linde · ${f.core.kiosk().name} (${kioskId})`);
    expect(end).toContain(root);
    expect(end).toMatch(new RegExp(`Number of events \\(tree size\\)\\s+${size}\\n`));

    // Another school's filter: none of these events, no kiosk at the end.
    await cli(['central', 'export', '--url', url, '--format', 'pdf', '--out', out, '--school', 'Elders']);
    const none = pdfText(readFileSync(out)).layout;
    expect(none).toContain('0 gebeurtenissen');
    expect(none).not.toContain(kioskId);
    expect((await cli(['central', 'export', '--url', url, '--format', 'pdf', '--out', out, '--witness-key', witnessKey])).code).toBe(2);
  });

  it('sync says in its exit code whether the centre could be reached, and never shows the password', async () => {
    const unreachable = `postgres://kiosk:geheim-wachtwoord@127.0.0.1:1/${database}`;
    const offline = await cli(['sync', '--url', unreachable, '--db', f.dbPath]);
    expect(offline.code).toBe(3);
    const wrongPassword = cluster.urlFor('postgres', 'geheim-wachtwoord', database);
    const refusedLogin = await cli(['sync', '--url', wrongPassword, '--db', f.dbPath]);
    expect(refusedLogin.code).toBe(1);
    expect(refusedLogin.stderr).toContain('CENTRAL_UNREACHABLE');
    for (const r of [offline, refusedLogin]) expect(r.stdout + r.stderr).not.toContain('geheim-wachtwoord');
    const missing = await cli(['sync', '--db', f.dbPath]);
    expect(missing.stderr).toContain('CENTRAL_URL_MISSING');
  });

  it('restore with a central database: the backup goes in place, the events it lacks come back from the centre, and sync then has nothing to do', async () => {
    expect((await cli(['central', 'init', '--url', adminUrl])).code).toBe(0);
    const g = classFixture({ size: 2 });
    try {
      for (let n = 1; n <= 2; n++) g.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
      g.s.signCheckpoint('on_request');
      const registered = await cli(['central', 'register-kiosk', '--url', adminUrl, '--db', g.dbPath, '--json']);
      const { role, password } = JSON.parse(registered.stdout) as { role: string; password: string };
      const kioskUrl = cluster.urlFor(role, password, database);
      expect((await cli(['sync', '--url', kioskUrl, '--db', g.dbPath])).code).toBe(0);
      const backup = join(g.dbPath, '..', 'backups', 'morning.db');
      const { lastSeq } = await makeBackup(g.core.db, backup);
      for (let n = 1; n <= 2; n++) g.s.scan({ code: `STK-${n}`, mode: 'return', actor: 'pupil' });
      g.s.signCheckpoint('day_closed');
      expect((await cli(['sync', '--url', kioskUrl, '--db', g.dbPath])).code).toBe(0);
      const centralSeq = ledgerHead(g.core.db).seq;
      g.core.close();

      const restored = await cli(['restore', backup, '--url', kioskUrl, '--db', g.dbPath]);
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain(`(${lastSeq} events, verified)`);
      expect(restored.stdout).toContain(`${centralSeq - lastSeq} gebeurtenissen teruggehaald uit de centrale database / events taken back from the central database`);
      expect(restored.stdout + restored.stderr).not.toContain(password);

      const again = await cli(['sync', '--url', kioskUrl, '--db', g.dbPath, '--json']);
      expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'ok', takenBack: 0, uploaded: 0 });
      expect((await cli(['verify', '--db', g.dbPath])).code).toBe(0);
      const owner = new pg.Client({ connectionString: adminUrl });
      await owner.connect();
      try {
        const stored = await owner.query<{ taken_back: number }>(
          'SELECT s.taken_back FROM central.syncs s JOIN central.kiosks k USING (kiosk_id) WHERE k.db_role = $1 ORDER BY s.id',
          [role],
        );
        expect(stored.rows.map((r) => r.taken_back)).toEqual([0, 0, centralSeq - lastSeq, 0]);
      } finally {
        await owner.end();
      }
      // The board sees the restore on its morning check, though the sync after it took nothing back.
      const status = await cli(['central', 'status', '--url', adminUrl]);
      expect(status.code).toBe(0);
      expect(status.stdout).toMatch(new RegExp(`, taken back after a restore ${centralSeq - lastSeq} \\(\\d{4}-\\d{2}-\\d{2}T`));
    } finally {
      g.close();
    }
  });

  it('restore --no-sync purges at once, as without a central database; an unreachable one does not hold the purge up', async () => {
    const g = classFixture({ size: 1 });
    try {
      g.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
      const backup = join(g.dbPath, '..', 'backups', 'b.db');
      await makeBackup(g.core.db, backup);
      g.core.close();
      const restored = await cli(['restore', backup, '--no-sync', '--db', g.dbPath, '--json']);
      expect(restored.code).toBe(0);
      expect(JSON.parse(restored.stdout)).toMatchObject({ sync: null });
      expect(withReadOnlyFile(g.dbPath, restoreMark)).toMatchObject({ purgePending: false });

      // A central database that cannot be reached: restored all the same, and the purge does not wait for it.
      const offline = await cli(['restore', backup, '--url', `postgres://kiosk:geheim-wachtwoord@127.0.0.1:1/${database}`, '--db', g.dbPath, '--json']);
      expect(offline.code).toBe(0);
      expect(JSON.parse(offline.stdout)).toMatchObject({ sync: { outcome: 'offline', takenBack: 0 } });
      expect(offline.stdout + offline.stderr).not.toContain('geheim-wachtwoord');
      expect(withReadOnlyFile(g.dbPath, restoreMark)).toMatchObject({ purgePending: false });
    } finally {
      g.close();
    }
  });
});
