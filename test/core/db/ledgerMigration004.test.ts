import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/core';
import { schemaVersion } from '../../../src/core/db/migrate';
import { migrations } from '../../../src/core/db/migrations';
import { openDatabase } from '../../../src/core/db/open';
import { ensureKioskIdentity } from '../../../src/core/kiosk/identity';
import { appendEvent } from '../../../src/core/ledger/append';
import { erasePayloads } from '../../../src/core/ledger/erase';
import { getEvent, ledgerHead } from '../../../src/core/ledger/rows';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { TEST_PIN_COST } from '../support/custodyFixture';
import { tempDir } from '../../support/tempDb';
import { version3Story, writeVersion3Chain } from './support/version3Ledger';

const V3_EVENT_COLUMNS = `seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id, location_id,
  pouch_id, voids_seq, details, payload_hash, prev_hash, hash`;

describe('migration 4: the ledger keyed by (kiosk, seq), with salted payloads', () => {
  let tmp: ReturnType<typeof tempDir>;
  let kioskId: string;
  let headHash: Buffer;
  beforeEach(() => {
    tmp = tempDir();
    const v3 = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, 3) });
    kioskId = ensureKioskIdentity(v3, new Date('2025-09-01T07:00:00.000Z')).kioskId;
    headHash = writeVersion3Chain(v3, kioskId);
    v3.prepare("INSERT INTO ledger_checkpoints (seq, hash, verified_at) SELECT seq, hash, '2025-09-01T08:00:00.000Z' FROM ledger_events WHERE seq = 5").run();
    v3.prepare("INSERT INTO custody (device_id, held, since, custodian, last_seq, handed_in_seq) VALUES ('dev-1', 0, 't', 'pupil', 8, 2)").run();
    v3.close();
  });
  afterEach(() => tmp.cleanup());

  function snapshot(db: Database.Database) {
    return {
      events: db.prepare(`SELECT ${V3_EVENT_COLUMNS} FROM ledger_events ORDER BY seq`).all(),
      payloads: db.prepare('SELECT seq, body FROM ledger_payloads ORDER BY seq').all(),
      checkpoints: db.prepare('SELECT seq, hash, verified_at FROM ledger_checkpoints ORDER BY seq').all(),
      custody: db.prepare('SELECT * FROM custody').all(),
    };
  }

  it('keeps every event, payload, checkpoint and projection row, and the chain still verifies', () => {
    const raw = new Database(tmp.dbPath);
    expect(schemaVersion(raw)).toBe(3);
    const before = snapshot(raw);
    raw.close();

    const db = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, 4) });
    expect(schemaVersion(db)).toBe(4);
    expect(snapshot(db)).toEqual(before);
    expect(db.prepare('SELECT DISTINCT kiosk_id, encoding FROM ledger_events').all()).toEqual([{ kiosk_id: kioskId, encoding: 1 }]);
    expect(db.prepare('SELECT DISTINCT kiosk_id, salt FROM ledger_payloads').all()).toEqual([{ kiosk_id: kioskId, salt: null }]);
    expect(db.prepare('SELECT kiosk_id, seq, hash FROM ledger_head').all()).toEqual([{ kiosk_id: kioskId, seq: 8, hash: headHash }]);
    expect(db.prepare('SELECT DISTINCT kiosk_id FROM ledger_checkpoints').all()).toEqual([{ kiosk_id: kioskId }]);
    expect(verifyLedger(db)).toEqual({ ok: true, kioskId, lastSeq: version3Story.length, headHash: headHash.toString('hex'), checked: 8 });
    expect(getEvent(db, 5)).toMatchObject({ kioskId, seq: 5, voidsSeq: 4, encoding: 1 });
    db.close();
  });

  it('recreates the append-only triggers on the new tables', () => {
    const db = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, 4) });
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(triggers).toEqual([
      'ledger_events_gapless',
      'ledger_events_move_head',
      'ledger_events_no_delete',
      'ledger_events_no_update',
      'ledger_head_forward_only',
      'ledger_head_no_delete',
      'ledger_head_starts_at_one',
      'ledger_payloads_no_delete',
      'ledger_payloads_redact_only',
    ]);
    expect(() => db.prepare("UPDATE ledger_events SET actor = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger_payloads WHERE seq = 3').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE ledger_payloads SET body = 'x' WHERE seq = 3").run()).toThrow(/redacted/);
    db.close();
  });

  it('lets the kiosk start on the old chain and go on with salted version-2 events after it', () => {
    const now = () => new Date('2025-09-02T07:45:00.000Z');
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test', now, pinCost: TEST_PIN_COST });
    try {
      // A kiosk-sized chain is checked from its first event at start, old encoding included.
      expect(core.startup).toMatchObject({ problem: null, verify: { ok: true, kioskId, lastSeq: 8, checked: 8 } });
      const db = core.db;
      const note = db.transaction(() =>
        appendEvent({ db, kioskId, now }, { type: 'condition_noted', actor: 'pupil', deviceId: 'dev-1', payload: { note: 'hoesje kapot' } }),
      ).immediate();
      expect(note).toMatchObject({ seq: 9, encoding: 2, prevHash: headHash });
      // Old (version 1) and new (version 2) payloads are erased the same way, and both chains of hashes hold.
      db.transaction(() => {
        const erased = erasePayloads({ db, kioskId, now }, { seqs: [3, 9], recordAs: 'payload_redacted', actor: 'system', details: { reason: 'retention' } });
        expect(erased).toMatchObject({ erased: [3, 9], seq: 10 });
      }).immediate();
      expect(verifyLedger(db)).toMatchObject({ ok: true, lastSeq: 10, checked: 10 });
      expect(ledgerHead(db).seq).toBe(10);
    } finally {
      core.close();
    }
  });

  it('keeps the evidence of tampering done before the upgrade', () => {
    const raw = new Database(tmp.dbPath);
    raw.exec('DROP TRIGGER ledger_events_no_update');
    raw.prepare("UPDATE ledger_events SET actor = 'someone-else' WHERE seq = 3").run();
    raw.close();
    const db = openDatabase(tmp.dbPath);
    expect(verifyLedger(db)).toMatchObject({ ok: false, kioskId, firstBadSeq: 3, problem: 'hash_mismatch' });
    db.close();
  });

  it('takes an empty version-3 ledger to an empty one: no head until the first event', () => {
    const empty = tempDir();
    try {
      const v3 = openDatabase(empty.dbPath, { migrations: migrations.slice(0, 3) });
      const id = ensureKioskIdentity(v3).kioskId;
      v3.close();
      const db = openDatabase(empty.dbPath, { migrations: migrations.slice(0, 4) });
      expect(db.prepare('SELECT count(*) AS n FROM ledger_head').get()).toEqual({ n: 0 });
      expect(verifyLedger(db)).toMatchObject({ ok: true, kioskId: id, lastSeq: 0 });
      db.close();
    } finally {
      empty.cleanup();
    }
  });
});
