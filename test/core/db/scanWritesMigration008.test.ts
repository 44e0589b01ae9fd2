import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/core/db/migrations';
import { openDatabase, type Db } from '../../../src/core/db/open';
import { ensureKioskIdentity } from '../../../src/core/kiosk/identity';
import { appendEvent } from '../../../src/core/ledger/append';
import { ledgerHead } from '../../../src/core/ledger/rows';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { tempDir } from '../../support/tempDb';

/** A version-7 kiosk database with a chain of `n` events (the head row kept by its triggers). */
function version7Chain(path: string, n: number): string {
  const db = openDatabase(path, { migrations: migrations.slice(0, 7) });
  const kioskId = ensureKioskIdentity(db).kioskId;
  let clock = Date.parse('2026-11-17T07:15:00Z');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      appendEvent({ db, kioskId, now: () => new Date((clock += 1000)) }, { type: 'condition_noted', actor: 'pupil', deviceId: `d${i}`, details: { marks: [] } });
    }
  }).immediate();
  db.close();
  return kioskId;
}

const tableNames = (db: Db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();

describe('migration 8: a scan writes its event and its custody row only', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('drops the head table and the device index every scan paid for; the chain verifies and goes on from its newest event', () => {
    const kioskId = version7Chain(tmp.dbPath, 5);
    const db = openDatabase(tmp.dbPath);
    try {
      expect(tableNames(db)).not.toContain('ledger_head');
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all()).not.toContain('ledger_by_device');
      expect(ledgerHead(db, kioskId).seq).toBe(5);
      expect(verifyLedger(db)).toMatchObject({ ok: true, lastSeq: 5 });
      // The old head stays as a checkpoint: the end of the chain is still vouched for.
      expect(db.prepare('SELECT seq FROM ledger_checkpoints WHERE kiosk_id = ?').pluck().all(kioskId)).toContain(5);
      db.transaction(() => appendEvent({ db, kioskId, now: () => new Date() }, { type: 'condition_noted', actor: 'pupil', details: {} })).immediate();
      expect(verifyLedger(db)).toMatchObject({ ok: true, lastSeq: 6 });
    } finally {
      db.close();
    }
  });

  it('a chain cut short before the upgrade is still reported as truncated after it', () => {
    version7Chain(tmp.dbPath, 5);
    const raw = new Database(tmp.dbPath);
    raw.exec('DROP TRIGGER ledger_events_no_delete');
    raw.prepare('DELETE FROM ledger_events WHERE seq = 5').run();
    raw.close();
    const db = openDatabase(tmp.dbPath);
    try {
      expect(verifyLedger(db)).toMatchObject({ ok: false, firstBadSeq: 5, problem: 'truncated' });
    } finally {
      db.close();
    }
  });

  it('still refuses an event that does not follow the newest one, and an image for an older event', () => {
    const kioskId = version7Chain(tmp.dbPath, 2);
    const db = openDatabase(tmp.dbPath);
    try {
      const insert = (seq: number) =>
        db
          .prepare(
            `INSERT INTO ledger_events (seq, event_id, kiosk_id, occurred_at, type, actor, details, prev_hash, hash, encoding)
             VALUES (?, 'e', ?, 't', 'handed_in', 'pupil', '{}', (SELECT hash FROM ledger_events WHERE seq = 2), zeroblob(32), 2)`,
          )
          .run(seq, kioskId);
      expect(() => insert(4)).toThrow(/follow the head/);
      expect(() =>
        db
          .prepare(
            `INSERT INTO ledger_media (kiosk_id, sha256, seq, mime, byte_size, bytes, created_at)
             VALUES (?, zeroblob(32), 1, 'image/png', 1, x'00', 't')`,
          )
          .run(kioskId),
      ).toThrow(/newest event/);
    } finally {
      db.close();
    }
  });
});
