import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDb';
import { cli } from './support/cli';

interface InitResult {
  dbPath: string;
  kioskId: string;
  name: string;
  school: string;
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('inleverpunt-init-');
});
afterEach(() => tmp.cleanup());

const count = (dbPath: string, table: string): number => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('init', () => {
  it('creates an empty kiosk database, folder and all, and says where it is and which kiosk it is', async () => {
    const dbPath = join(tmp.dir, 'new', 'folder', 'inleverpunt.db');
    const result = await cli(['init', '--db', dbPath]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Created an empty kiosk database at ${dbPath}`);
    expect(result.stdout).toMatch(/Kiosk Inleverpunt [0-9A-F]{4}, id [0-9a-f-]{36}/);
    expect(count(dbPath, 'ledger_events')).toBe(0);
    expect(count(dbPath, 'kiosk')).toBe(1);
    expect((await cli(['verify', '--db', dbPath])).code).toBe(0);
  });

  it('names the kiosk and its school, and prints them as JSON', async () => {
    const result = await cli(['init', '--kiosk-name', 'Lokaal 7B', '--school', 'De Regenboog', '--json', '--db', tmp.dbPath]);
    expect(result.code, result.stderr).toBe(0);
    const created = JSON.parse(result.stdout) as InitResult;
    expect(created).toMatchObject({ dbPath: tmp.dbPath, name: 'Lokaal 7B', school: 'De Regenboog' });
    const db = new Database(tmp.dbPath, { readonly: true });
    expect(db.prepare('SELECT kiosk_id, name, school FROM kiosk').get()).toEqual({
      kiosk_id: created.kioskId,
      name: 'Lokaal 7B',
      school: 'De Regenboog',
    });
    db.close();
  });

  it('leaves the ledger empty, so the next commands and even the demo can use the database', async () => {
    expect((await cli(['init', '--kiosk-name', 'Lokaal 7B', '--db', tmp.dbPath])).code).toBe(0);
    const staff = await cli(['staff', 'add', '--name', 'Juf Anna', '--role', 'teacher', '--pin', '1111', '--db', tmp.dbPath]);
    expect(staff.code, staff.stderr).toBe(0);
    const other = join(tmp.dir, 'other.db');
    expect((await cli(['init', '--db', other])).code).toBe(0);
    expect((await cli(['demo', '--no-history', '--db', other])).code).toBe(0);
  });

  it('refuses a database that exists, in Dutch and English, and changes nothing in it', async () => {
    expect((await cli(['init', '--kiosk-name', 'Lokaal 7B', '--db', tmp.dbPath])).code).toBe(0);
    const before = readFileSync(tmp.dbPath);
    const again = await cli(['init', '--kiosk-name', 'Iets anders', '--db', tmp.dbPath]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('DB_EXISTS: Op deze plek staat al een database');
    expect(again.stderr).toContain('A database already exists at this location');
    expect(again.stderr).toContain(tmp.dbPath);
    expect(readFileSync(tmp.dbPath).equals(before)).toBe(true);
    expect(existsSync(`${tmp.dbPath}-wal`)).toBe(false);
  });

  it('refuses any file in the way, even one that is not a database, and leaves it as it was', async () => {
    writeFileSync(tmp.dbPath, 'notes of the IT partner\n');
    const result = await cli(['init', '--json', '--db', tmp.dbPath]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stderr) as { error: { code: string } }).error.code).toBe('DB_EXISTS');
    expect(readFileSync(tmp.dbPath, 'utf8')).toBe('notes of the IT partner\n');
  });

  it('refuses a write-ahead log left without its database, which SQLite would replay into the new one', async () => {
    writeFileSync(`${tmp.dbPath}-wal`, 'left behind');
    expect((await cli(['init', '--db', tmp.dbPath])).code).toBe(1);
    expect(existsSync(tmp.dbPath)).toBe(false);
  });

  it('refuses an empty or too long kiosk name with its usage, before creating anything', async () => {
    for (const name of ['  ', 'x'.repeat(61)]) {
      const result = await cli(['init', '--kiosk-name', name, '--db', tmp.dbPath]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: npm run cli -- init');
    }
    expect(existsSync(tmp.dbPath)).toBe(false);
  });
});

describe('a command on a path without a database', () => {
  it('points to init and to starting the app once, and names the path it looked at', async () => {
    const missing = join(tmp.dir, 'nothing-here.db');
    const result = await cli(['list', 'custody', '--db', missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DB_NOT_FOUND');
    expect(result.stderr).toContain('Maak een lege aan met het commando init, of start de app één keer');
    expect(result.stderr).toContain('Create an empty one with the init command, or start the app once');
    expect(result.stderr).toContain(missing);
    expect(existsSync(missing)).toBe(false);
  });
});
