import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { lastCheckpoint } from '../../../src/core/ledger/checkpoint';
import { QUICK_CHECK_ALWAYS_BELOW_BYTES, needsQuickCheck } from '../../../src/core/ledger/checkpoint';
import { newEventId } from '../../../src/core/ledger/eventId';
import { classFixture } from '../support/custodyFixture';

describe('the start-up check', () => {
  it('runs quick_check on every start of a kiosk-sized database', () => {
    expect(needsQuickCheck({ sizeBytes: 5 * 1024 * 1024, walLeftOver: false })).toBe(true);
    const f = classFixture();
    try {
      expect(f.core.startup.quickCheck).toBe('ok');
    } finally {
      f.close();
    }
  });

  it('an old event edited behind the kiosk’s back (triggers dropped and put back) stops the next start, checkpoint or not', () => {
    const f = classFixture();
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.s.scan({ code: 'STK-3', mode: 'hand-in', actor: 'pupil' });
    const reopened = f.reopen(); // this start records a checkpoint at the head
    const checkpointed = lastCheckpoint(reopened.core.db)!.seq;
    reopened.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    reopened.core.close();
    // With the sqlite3 shell: drop the guard, change who held the phone, restore the guard.
    const raw = new Database(f.dbPath);
    const trigger = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'ledger_events_no_update'").pluck().get() as string;
    raw.exec('DROP TRIGGER ledger_events_no_update');
    const handIn = raw.prepare("SELECT seq FROM ledger_events WHERE type = 'handed_in' ORDER BY seq LIMIT 1").pluck().get() as number;
    expect(handIn).toBeLessThan(checkpointed);
    raw.prepare("UPDATE ledger_events SET custodian = 'staff:someone-else' WHERE seq = ?").run(handIn);
    raw.exec(trigger);
    raw.close();
    const after = f.reopen();
    try {
      expect(after.core.problem).toBe('DB_READ_ONLY');
      expect(after.core.startup.verify).toMatchObject({ ok: false, firstBadSeq: handIn });
    } finally {
      after.close();
    }
  });

  it('the newest events cut off stops the next start: a stored checkpoint remembers the chain was longer', () => {
    const f = classFixture();
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    const reopened = f.reopen(); // this start records a checkpoint at the head
    const checkpointed = lastCheckpoint(reopened.core.db)!.seq;
    reopened.core.close();
    const raw = new Database(f.dbPath);
    for (const t of ['ledger_events_no_delete', 'ledger_payloads_no_delete']) raw.exec(`DROP TRIGGER ${t}`);
    const keep = checkpointed - 1;
    raw.prepare('DELETE FROM ledger_payloads WHERE seq > ?').run(keep);
    raw.prepare('DELETE FROM ledger_events WHERE seq > ?').run(keep);
    raw.close();
    const after = f.reopen();
    try {
      expect(after.core.problem).toBe('DB_READ_ONLY');
      expect(after.core.startup.verify).toMatchObject({ ok: false, firstBadSeq: checkpointed, problem: 'truncated' });
    } finally {
      after.close();
    }
  });

  it('on a large database, runs it only after an unclean shutdown (a -wal file was left behind)', () => {
    const large = QUICK_CHECK_ALWAYS_BELOW_BYTES * 8;
    expect(needsQuickCheck({ sizeBytes: large, walLeftOver: true })).toBe(true);
    expect(needsQuickCheck({ sizeBytes: large, walLeftOver: false })).toBe(false);
  });
});

describe('event ids', () => {
  it('are version 7 UUIDs that sort in time order and do not repeat', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => newEventId(new Date(1_760_000_000_000 + i)));
    for (const id of ids.slice(0, 20)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(Array.from({ length: 1000 }, () => newEventId(new Date(0)))).size).toBe(1000);
  });
});
