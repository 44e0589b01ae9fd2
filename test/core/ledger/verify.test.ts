import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/core';
import { lastCheckpoint } from '../../../src/core/ledger/checkpoint';
import { redactedSeqs, toRanges, verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

describe('verifying the ledger', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
  });
  afterEach(() => f.close());

  it('an empty ledger verifies', () => {
    const fresh = classFixture({ size: 0 });
    try {
      expect(verifyLedger(fresh.core.db)).toMatchObject({ ok: true });
    } finally {
      fresh.close();
    }
  });

  it('reports the last seq and the head hash', () => {
    const out = f.s.handIn({ deviceId: f.phones[0]!.deviceId, actor: 'pupil' });
    expect(verifyLedger(f.core.db)).toEqual({
      ok: true,
      kioskId: f.core.kiosk().kioskId,
      lastSeq: out.event.seq,
      headHash: out.event.hash,
      checked: out.event.seq,
    });
  });

  it('can start in the middle, trusting the hash before it', () => {
    f.s.handIn({ deviceId: f.phones[0]!.deviceId, actor: 'pupil' });
    const all = verifyLedger(f.core.db);
    expect(verifyLedger(f.core.db, { fromSeq: 5 })).toMatchObject({ ok: true, lastSeq: (all as { lastSeq: number }).lastSeq, checked: (all as { lastSeq: number }).lastSeq - 4 });
  });

  it('notices that the event at the start-up checkpoint was changed', () => {
    f.core.close();
    const raw = new Database(f.dbPath);
    const cp = raw.prepare('SELECT seq FROM ledger_checkpoints ORDER BY seq DESC LIMIT 1').get() as { seq: number } | undefined;
    raw.close();
    expect(cp).toBeUndefined(); // the first start had nothing to check yet
    const core = openCore({ dbPath: f.dbPath, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
    const checkpoint = lastCheckpoint(core.db)!;
    core.close();
    const tamper = new Database(f.dbPath);
    tamper.exec('DROP TRIGGER ledger_events_no_update');
    tamper.prepare("UPDATE ledger_events SET hash = zeroblob(32) WHERE seq = ?").run(checkpoint.seq);
    expect(verifyLedger(tamper, { after: checkpoint })).toMatchObject({ ok: false, firstBadSeq: checkpoint.seq, problem: 'checkpoint_mismatch' });
    tamper.close();
  });

  it('records erased payloads as compact seq ranges', () => {
    expect(toRanges([5, 3, 4, 9, 10, 12, 4])).toEqual([[3, 5], [9, 10], [12, 12]]);
    expect(redactedSeqs(JSON.stringify({ seqs: [[3, 5], [9, 9]] }))).toEqual([3, 4, 5, 9]);
    expect(redactedSeqs('not json')).toEqual([]);
  });
});
