import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { migrations } from '../../../src/core/db/migrations';
import { readChecks, storeCheck } from '../../../src/core/health/checks';
import { tempDir } from '../../support/tempDb';

describe('migration 011: the last result of the daily backup and check', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  const before = migrations.findIndex((m) => m.name === 'kiosk checks');

  it('adds the table to a database of the version before, which keeps its rows', () => {
    const old = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, before) });
    const kiosks = old.prepare('SELECT count(*) FROM kiosk').pluck().get();
    old.close();
    const db = openDatabase(tmp.dbPath);
    try {
      expect(db.prepare('SELECT count(*) FROM kiosk').pluck().get()).toBe(kiosks);
      expect(readChecks(db)).toEqual({});
    } finally {
      db.close();
    }
  });

  it('keeps one row per job, the newest result replacing the last, and no other jobs', () => {
    const db = openDatabase(tmp.dbPath);
    try {
      expect(storeCheck(db, { job: 'backup', ok: false, at: '2026-11-09T07:00:00.000Z', problem: 'ledger_invalid', detail: null })).toBe(true);
      expect(storeCheck(db, { job: 'backup', ok: true, at: '2026-11-10T07:00:00.000Z', problem: null, detail: { events: 3 } })).toBe(true);
      expect(readChecks(db)).toEqual({ backup: { job: 'backup', ok: true, at: '2026-11-10T07:00:00.000Z', problem: null, detail: { events: 3 } } });
      expect(() => db.prepare("INSERT INTO kiosk_checks (job, ok, at) VALUES ('other', 1, 'x')").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});

describe('migration 015: the automatic sync keeps its last result beside the backup and the check', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it("keeps the backup's and the check's rows and takes a sync's", () => {
    const before = migrations.findIndex((m) => m.name === 'kiosk checks: sync');
    const old = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, before) });
    const backup = { job: 'backup', ok: false, at: '2026-11-09T07:00:00.000Z', problem: 'DISK_FULL', detail: null } as const;
    expect(storeCheck(old, backup)).toBe(true);
    expect(storeCheck(old, { job: 'sync', ok: true, at: '2026-11-09T07:05:00.000Z', problem: null, detail: null })).toBe(false);
    old.close();
    const db = openDatabase(tmp.dbPath);
    try {
      const sync = { job: 'sync', ok: false, at: '2026-11-10T07:05:00.000Z', problem: 'head_differs', detail: { outcome: 'diverged' } } as const;
      expect(storeCheck(db, sync)).toBe(true);
      expect(readChecks(db)).toEqual({ backup, sync });
    } finally {
      db.close();
    }
  });
});
