import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { migrate, schemaVersion, type Migration } from '../../../src/core/db/migrate';
import { migrations } from '../../../src/core/db/migrations';
import { AppError } from '../../../src/shared/errors';
import { tempDir } from '../../support/tempDb';
import { writeFileSync } from 'node:fs';

describe('database migrations', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('bring a new database to the newest version with the durability pragmas set', () => {
    const db = openDatabase(tmp.dbPath);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('are numbered 1, 2, 3… without gaps', () => {
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('refuse a database written by a newer version and leave it untouched', () => {
    const raw = new Database(tmp.dbPath);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(tmp.dbPath);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_FROM_NEWER_VERSION');
    const after = new Database(tmp.dbPath);
    expect(schemaVersion(after)).toBe(migrations.length + 5);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'kiosk'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('apply all steps in one transaction: a failing step leaves the old version', () => {
    const db = new Database(tmp.dbPath);
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x)') },
      { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE two (x); SELECT * FROM missing_table') },
    ];
    expect(() => migrate(db, steps)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'one'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a migration list that is out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'x', up: () => undefined }])).toThrow(/expected 1/);
    db.close();
  });

  it('report a file that is not a database as DB_CORRUPT', () => {
    writeFileSync(tmp.dbPath, 'this is not a database, it is a shopping list '.repeat(200));
    expect(() => openDatabase(tmp.dbPath)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
  });
});
