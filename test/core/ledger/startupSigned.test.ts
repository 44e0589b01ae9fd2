import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskOrigin } from '../../../src/core/evidence/checkpoint';
import { kioskNoteVerifier } from '../../../src/core/kiosk/signer';
import { startupCheck } from '../../../src/core/ledger/checkpoint';
import { signedCheckpoints } from '../../../src/core/ledger/signedCheckpoints';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

/** Runs `sql` on the closed kiosk's file as someone with the sqlite3 shell would: guards dropped, then put back. */
function behindTheKiosksBack(dbPath: string, triggers: string[], sql: (raw: Database.Database) => void): void {
  const raw = new Database(dbPath);
  const saved = triggers.map((name) => raw.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string);
  for (const name of triggers) raw.exec(`DROP TRIGGER ${name}`);
  sql(raw);
  for (const text of saved) raw.exec(text);
  raw.close();
}

describe('the start-up check holds the chain to what the kiosk signed', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 4 });
    for (const code of ['STK-1', 'STK-2']) f.s.scan({ code, mode: 'hand-in', actor: 'pupil' });
  });
  afterEach(() => f.close());

  const kioskId = () => f.core.kiosk().kioskId;

  it('a chain cut back to before its signed size, unsigned checkpoints deleted with it, is refused at the next start', () => {
    const signed = f.s.signCheckpoint('on_request');
    f.core.close();
    behindTheKiosksBack(f.dbPath, ['ledger_events_no_delete', 'ledger_payloads_no_delete'], (raw) => {
      raw.prepare('DELETE FROM ledger_payloads WHERE seq >= ?').run(signed.treeSize);
      raw.prepare('DELETE FROM ledger_events WHERE seq >= ?').run(signed.treeSize);
      raw.prepare('DELETE FROM ledger_checkpoints').run();
    });
    const after = f.reopen();
    expect(after.core.problem).toBe('DB_READ_ONLY');
    expect(after.core.startup.signed).toBe('failed');
    expect(after.core.startup.verify).toMatchObject({ ok: false, firstBadSeq: signed.treeSize, problem: 'signed_checkpoint_mismatch' });
    f = after;
  });

  it('a signed note altered in the file (its size changed to match a shorter chain) does not open, and the start refuses', () => {
    const signed = f.s.signCheckpoint('on_request');
    f.core.close();
    behindTheKiosksBack(f.dbPath, ['ledger_signed_checkpoints_no_update'], (raw) => {
      raw.prepare('UPDATE ledger_signed_checkpoints SET note = replace(note, ?, ?)').run(`\n${signed.treeSize}\n`, `\n${signed.treeSize - 1}\n`);
    });
    const after = f.reopen();
    expect(after.core.problem).toBe('DB_READ_ONLY');
    expect(after.core.startup.verify).toMatchObject({ problem: 'signed_checkpoint_mismatch' });
    f = after;
  });

  it('a kiosk that has signed starts as before, and says its newest signed checkpoint held', () => {
    f.s.signCheckpoint('on_request');
    f.s.scan({ code: 'STK-3', mode: 'hand-in', actor: 'pupil' });
    const after = f.reopen();
    expect(after.core.problem).toBeNull();
    expect(after.core.startup.signed).toBe('anchored');
    f = after;
  });

  it('a long chain walks from its newest signed checkpoint, so an event edited after it is found though an unsigned checkpoint lies past it', () => {
    const signed = f.s.signCheckpoint('on_request');
    f.s.scan({ code: 'STK-3', mode: 'hand-in', actor: 'pupil' });
    f.s.scan({ code: 'STK-4', mode: 'hand-in', actor: 'pupil' });
    f = f.reopen(); // records an unsigned checkpoint at the head, past the signed size
    const head = (f.core.db.prepare('SELECT max(seq) FROM ledger_events').pluck().get() as number);
    f.core.close();
    const edited = signed.treeSize + 1;
    behindTheKiosksBack(f.dbPath, ['ledger_events_no_update'], (raw) => {
      raw.prepare("UPDATE ledger_events SET custodian = 'staff:someone-else' WHERE seq = ?").run(edited);
    });
    const raw = new Database(f.dbPath);
    try {
      const verifier = kioskNoteVerifier(raw);
      const kiosk = raw.prepare('SELECT kiosk_id FROM kiosk').pluck().get() as string;
      // With a threshold below this chain's length the start treats it as an office's long chain.
      const check = startupCheck(raw, new Date('2026-11-17T08:00:00Z'), { quickCheck: false, fullVerifyUpTo: 1, signed: { origin: kioskOrigin(kiosk), verifier } });
      expect(head).toBeGreaterThan(edited);
      expect(check).toMatchObject({ problem: 'DB_READ_ONLY', signed: 'anchored', verify: { ok: false, firstBadSeq: edited, problem: 'hash_mismatch' } });
    } finally {
      raw.close();
    }
    f = f.reopen();
  });

  it('a checkpoint signed before proofs were kept is still held to the chain, the slow way, on a kiosk-sized chain', () => {
    const signed = f.s.signCheckpoint('on_request');
    expect(signedCheckpoints(f.core.db, kioskId())[0]?.newestLeafProof?.length).toBeGreaterThan(0);
    f.core.close();
    behindTheKiosksBack(f.dbPath, ['ledger_signed_checkpoints_no_update', 'ledger_events_no_delete', 'ledger_payloads_no_delete'], (raw) => {
      raw.prepare('UPDATE ledger_signed_checkpoints SET newest_leaf_proof = NULL').run();
      raw.prepare('DELETE FROM ledger_payloads WHERE seq >= ?').run(signed.treeSize);
      raw.prepare('DELETE FROM ledger_events WHERE seq >= ?').run(signed.treeSize);
      raw.prepare('DELETE FROM ledger_checkpoints').run();
    });
    const after = f.reopen();
    expect(after.core.startup.signed).toBe('failed');
    expect(after.core.startup.verify).toMatchObject({ firstBadSeq: signed.treeSize, problem: 'signed_checkpoint_mismatch' });
    f = after;
  });
});
