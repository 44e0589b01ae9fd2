import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { migrations } from '../../../src/core/db/migrations';
import { lastPurgeAt, rememberPurge } from '../../../src/core/retention/lastRun';
import { tempDir } from '../../support/tempDb';

describe('migration 016: when the retention purge last ran', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  const before = migrations.findIndex((m) => m.name === 'retention runs');

  it('adds the table to a database of the version before, which keeps its rows and has never purged', () => {
    const old = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, before) });
    const kiosks = old.prepare('SELECT count(*) FROM kiosk').pluck().get();
    old.close();
    const db = openDatabase(tmp.dbPath);
    try {
      expect(db.prepare('SELECT count(*) FROM kiosk').pluck().get()).toBe(kiosks);
      expect(lastPurgeAt(db)).toBeNull();
    } finally {
      db.close();
    }
  });

  it('keeps one row, the newest run replacing the last', () => {
    const db = openDatabase(tmp.dbPath);
    try {
      rememberPurge(db, '2026-11-09T07:00:00.000Z', 4);
      rememberPurge(db, '2026-11-10T07:00:00.000Z', 0);
      expect(lastPurgeAt(db)).toBe('2026-11-10T07:00:00.000Z');
      expect(db.prepare('SELECT count(*) FROM retention_runs').pluck().get()).toBe(1);
      expect(() => db.prepare("INSERT INTO retention_runs (singleton, at, erased) VALUES (2, 'x', 0)").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
