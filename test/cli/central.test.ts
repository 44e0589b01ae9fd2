import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCentral } from '../../src/core/central/connection';
import { classFixture, type ClassFixture } from '../core/support/custodyFixture';
import { startPostgres, type PgCluster } from '../support/postgres';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

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
});
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
    expect(JSON.parse(init.stdout)).toMatchObject({ from: 0, to: 1, witnessKey: expect.stringMatching(/^inleverpunt\.central\/witness\+/) });
    expect(init.stdout).not.toContain('central-test-superuser');
    expect((await cli(['central', 'init', '--url', adminUrl, '--json'])).stdout).toContain('"from": 1');

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
    expect(JSON.parse(exported.stdout)).toMatchObject({ rows: lines.length - 1 });
    await cli(['central', 'export', '--url', adminUrl, '--out', csv, '--school', 'Elders']);
    expect(readFileSync(csv, 'utf8').trimEnd().split('\n')).toHaveLength(1);
    const status = await cli(['central', 'status', '--url', adminUrl, '--school', 'De Regenboog', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ kiosks: [{ state: 'ok', lastSyncOutcome: 'ok', findings: 0 }] });
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
});
