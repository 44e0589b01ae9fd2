import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSchool } from '../../src/core/demo/seed';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

const LEDGER_TRIGGERS = [
  'ledger_events_gapless',
  'ledger_events_no_update',
  'ledger_events_no_delete',
];
const SQLITE3 = '/usr/bin/sqlite3';

let tmp: ReturnType<typeof tempDir>;
let n = 0;
const freshPath = () => `${tmp.dir}/db-${++n}.db`;

beforeAll(() => {
  tmp = tempDir('inleverpunt-cli-');
});
afterAll(() => tmp.cleanup());

async function demoDb(history = false): Promise<{ dbPath: string; school: DemoSchool }> {
  const dbPath = freshPath();
  const result = await cli(['demo', '--json', '--db', dbPath, ...(history ? [] : ['--no-history'])]);
  expect(result.code, result.stderr).toBe(0);
  return { dbPath, school: JSON.parse(result.stdout) as DemoSchool };
}

describe('demo', () => {
  it('creates a demo school and prints its codes, staff and PINs as JSON', async () => {
    const { school } = await demoDb(true);
    expect(school.pupils).toHaveLength(50);
    expect(school.staff.teacher7A).toMatchObject({ displayName: 'Juf Anna', pin: '1111' });
    expect(school.tags.some((t) => t.kind === 'nfc')).toBe(true);
    expect(school.history?.events).toBeGreaterThan(500);
  });

  it('prints as many events as the ledger holds, with history and without', async () => {
    for (const history of [[], ['--no-history']]) {
      const dbPath = freshPath();
      const result = await cli(['demo', '--db', dbPath, ...history]);
      expect(result.code, result.stderr).toBe(0);
      const printed = Number(/(\d+) events in the ledger/.exec(result.stdout)?.[1]);
      const db = new Database(dbPath, { readonly: true });
      expect(printed).toBe(db.prepare('SELECT count(*) FROM ledger_events').pluck().get());
      db.close();
    }
  });

  it('refuses a database that holds data, and with --force keeps that database aside', async () => {
    const { dbPath } = await demoDb();
    const again = await cli(['demo', '--db', dbPath]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('DB_NOT_EMPTY');
    expect(again.stderr).toContain('already holds data');
    const forced = await cli(['demo', '--force', '--no-history', '--json', '--db', dbPath]);
    expect(forced.code).toBe(0);
    const { movedAside } = JSON.parse(forced.stdout) as { movedAside: string };
    expect(existsSync(movedAside)).toBe(true);
  });
});

describe('scan', () => {
  it('hands a device in by its sticker and returns it, like the kiosk', async () => {
    const { dbPath, school } = await demoDb();
    const sticker = school.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!;
    const handIn = await cli(['scan', sticker.code, '--mode', 'hand-in', '--db', dbPath]);
    expect(handIn.code).toBe(0);
    expect(handIn.stdout).toMatch(/handed in: .* \(seq \d+\)/);
    const back = await cli(['scan', sticker.code, '--mode', 'return', '--actor', school.staff.teacher7A.staffId, '--json', '--db', dbPath]);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ event: { type: 'returned' }, device: { deviceId: sticker.deviceId } });
  });

  it('refuses a revoked sticker with exit code 1, in Dutch and English', async () => {
    const { dbPath, school } = await demoDb();
    const revoked = school.tags.find((t) => t.revoked)!;
    const result = await cli(['scan', revoked.code, '--mode', 'hand-in', '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TAG_REVOKED: Deze sticker of tag werkt niet meer');
    expect(result.stderr).toContain('no longer works');
  });

  it('lists the choices when a pupil card means two devices', async () => {
    const { dbPath, school } = await demoDb();
    const pupil = school.pupils.find((p) => p.deviceIds.length > 1 && school.tags.some((t) => t.kind === 'pupil_card' && t.pupilId === p.pupilId))!;
    const card = school.tags.find((t) => t.kind === 'pupil_card' && t.pupilId === pupil.pupilId)!;
    const result = await cli(['scan', card.code, '--mode', 'hand-in', '--json', '--db', dbPath]);
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stderr) as { error: { code: string; details: { devices: unknown[] } } };
    expect(error.code).toBe('CHOOSE_DEVICE');
    expect(error.details.devices).toHaveLength(pupil.deviceIds.length);
  });

  it('needs a mode, and a database that exists', async () => {
    expect((await cli(['scan', 'IP0000000000', '--db', freshPath()])).code).toBe(2);
    const missing = await cli(['scan', 'X', '--mode', 'hand-in', '--db', freshPath()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('DB_NOT_FOUND');
  });
});

describe('verify', () => {
  it('passes on an untouched demo database', async () => {
    const { dbPath } = await demoDb(true);
    const result = await cli(['verify', '--db', dbPath]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('quick_check: ok');
    expect(result.stdout).toMatch(/ledger verified: \d+ events/);
  });

  it('names the altered event when one byte of one row is changed behind the app’s back', async () => {
    const { dbPath } = await demoDb(true);
    expect((await cli(['verify', '--db', dbPath])).code).toBe(0);
    const db = new Database(dbPath);
    for (const trigger of LEDGER_TRIGGERS) db.exec(`DROP TRIGGER ${trigger}`);
    // 08:14:05 becomes 08:14:06 — one character, an alibi quietly moved by a second.
    db.prepare("UPDATE ledger_events SET occurred_at = substr(occurred_at, 1, 18) || (CAST(substr(occurred_at, 19, 1) AS INTEGER) + 1) % 10 || substr(occurred_at, 20) WHERE seq = 500").run();
    db.close();
    const result = await cli(['verify', '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('first bad event seq 500');
    expect(result.stdout).toContain('hash_mismatch');
    const json = JSON.parse((await cli(['verify', '--json', '--db', dbPath])).stdout) as { ok: boolean; ledger: { firstBadSeq: number } };
    expect(json).toMatchObject({ ok: false, ledger: { firstBadSeq: 500 } });
  });

  it.skipIf(!existsSync(SQLITE3))('catches the same edit made with the sqlite3 shell', async () => {
    const { dbPath } = await demoDb(true);
    const sql = [
      ...LEDGER_TRIGGERS.map((t) => `DROP TRIGGER ${t};`),
      "UPDATE ledger_events SET details = replace(details, 'pupil_card', 'pupil_carD') WHERE seq = (SELECT min(seq) FROM ledger_events WHERE instr(details, 'pupil_card') > 0 AND type = 'handed_in');",
      "SELECT seq FROM ledger_events WHERE instr(details, 'pupil_carD') > 0;",
    ].join('\n');
    const changedSeq = Number(execFileSync(SQLITE3, [dbPath], { input: sql, encoding: 'utf8' }).trim());
    expect(changedSeq).toBeGreaterThan(0);
    const result = await cli(['verify', '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`first bad event seq ${changedSeq}`);
  });
});

describe('backup and restore', () => {
  it('writes a verified backup to --out, and restores it keeping the replaced database', async () => {
    const { dbPath, school } = await demoDb();
    const out = `${tmp.dir}/manual-${++n}.db`;
    const made = await cli(['backup', '--out', out, '--json', '--db', dbPath]);
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ path: out });
    // Something happens after the backup; the restore takes the database back to before it.
    const sticker = school.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!;
    expect((await cli(['scan', sticker.code, '--mode', 'hand-in', '--db', dbPath])).code).toBe(0);
    const restored = await cli(['restore', out, '--json', '--db', dbPath]);
    expect(restored.code, restored.stderr).toBe(0);
    const { replacedFile } = JSON.parse(restored.stdout) as { replacedFile: string };
    expect(existsSync(replacedFile)).toBe(true);
    expect((await cli(['list', 'custody', '--json', '--db', dbPath])).stdout).toContain('"custody": []');
    expect((await cli(['verify', '--db', dbPath])).code).toBe(0);
  });

  it('without --out puts the backup in the backups folder beside the database', async () => {
    const { dbPath } = await demoDb();
    const made = await cli(['backup', '--json', '--db', dbPath]);
    expect(made.code, made.stderr).toBe(0);
    const { path, kioskId } = JSON.parse(made.stdout) as { path: string; kioskId: string };
    // Named for the database (db-<n>.db) and its kiosk, so neighbouring databases never share backups.
    expect(path).toMatch(/\/backups\/db-\d+-[0-9a-f-]{36}-\d{8}T\d{6}Z\.db$/);
    expect(path).toContain(`${dbPath.slice(tmp.dir.length + 1, -3)}-${kioskId}-`);
  });

  it('restore --newest puts back this database’s newest backup from the backups folder', async () => {
    const { dbPath, school } = await demoDb();
    expect((await cli(['backup', '--db', dbPath])).code).toBe(0);
    const sticker = school.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!;
    expect((await cli(['scan', sticker.code, '--mode', 'hand-in', '--db', dbPath])).code).toBe(0);
    const restored = await cli(['restore', '--newest', '--json', '--db', dbPath]);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await cli(['list', 'custody', '--json', '--db', dbPath])).stdout).toContain('"custody": []');
  });

  it("refuses another kiosk's backup unless --other-kiosk is given", async () => {
    const ours = await demoDb();
    const theirs = await demoDb();
    const out = `${tmp.dir}/other-kiosk-${++n}.db`;
    expect((await cli(['backup', '--out', out, '--db', theirs.dbPath])).code).toBe(0);
    const refused = await cli(['restore', out, '--db', ours.dbPath]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('BACKUP_OTHER_KIOSK');
    expect((await cli(['restore', out, '--other-kiosk', '--db', ours.dbPath])).code).toBe(0);
  });

  it('refuses to restore a file that is not a good backup, and leaves the database alone', async () => {
    const { dbPath } = await demoDb();
    const bogus = `${tmp.dir}/bogus-${++n}.db`;
    execFileSync('sh', ['-c', `head -c 8192 /dev/urandom > ${bogus}`]);
    const result = await cli(['restore', bogus, '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('BACKUP_INVALID');
    expect((await cli(['verify', '--db', dbPath])).code).toBe(0);
  });
});

describe('list', () => {
  it('lists pupils, devices, custody and the newest events', async () => {
    const { dbPath, school } = await demoDb(true);
    const pupils = JSON.parse((await cli(['list', 'pupils', '--json', '--db', dbPath])).stdout) as { pupils: unknown[] };
    expect(pupils.pupils).toHaveLength(school.pupils.length);
    const devices = JSON.parse((await cli(['list', 'devices', '--json', '--limit', '5', '--db', dbPath])).stdout) as { devices: unknown[] };
    expect(devices.devices).toHaveLength(5);
    const events = JSON.parse((await cli(['list', 'events', '--json', '--limit', '600', '--db', dbPath])).stdout) as { events: { seq: number }[] };
    expect(events.events).toHaveLength(600);
    expect(events.events[0]!.seq).toBeGreaterThan(events.events[599]!.seq);
    const custody = await cli(['list', 'custody', '--all', '--db', dbPath]);
    expect(custody.code).toBe(0);
    expect(custody.stdout).toContain('not held');
    expect((await cli(['list', 'things', '--db', dbPath])).code).toBe(2);
  });
});
