import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { appendEvent } from '../../../src/core/ledger/append';
import { custodian } from '../../../src/core/ledger/events';
import { readCustody } from '../../../src/core/ledger/projection';
import { ledgerHead } from '../../../src/core/ledger/rows';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

/**
 * The append path writes after the head this connection saw last without looking it up again; the
 * chain itself (insert trigger and primary key) refuses the event when that head is no longer the
 * head, and the event is then made again after the real one. These are the two ways that happens.
 */
describe('appending after the head this connection saw last', () => {
  let kiosk: ClassFixture;
  beforeEach(() => {
    kiosk = classFixture({ size: 2 });
  });
  afterEach(() => kiosk.close());

  const phone = (n: number) => kiosk.phones[n]!.deviceId;

  it('continues the chain after a scan whose transaction was rolled back', () => {
    const before = ledgerHead(kiosk.core.db).seq;
    const db = kiosk.core.db;
    // A scan that fails after its event was appended (here: an error thrown inside the same
    // transaction) leaves nothing behind, also not the head it had seen.
    expect(() =>
      db.transaction(() => {
        kiosk.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
        throw new Error('the disk refused the commit');
      })(),
    ).toThrow('the disk refused the commit');
    expect(ledgerHead(db).seq).toBe(before);
    expect(readCustody(db, phone(0))?.held ?? false).toBe(false);

    const next = kiosk.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    expect(next.event.seq).toBe(before + 1);
    expect(readCustody(db, phone(0))).toMatchObject({ held: true, lastSeq: before + 1 });
    expect(verifyLedger(db)).toMatchObject({ ok: true, lastSeq: before + 1 });
  });

  it('continues the chain after events another connection appended to the same database', () => {
    kiosk.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    // The command line, say, records an event on its own connection while the kiosk runs.
    const other: Core = openCore({ dbPath: kiosk.dbPath, appVersion: 'test', now: kiosk.clock.now, pinCost: TEST_PIN_COST });
    try {
      const elsewhere = other.services.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
      const next = kiosk.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
      expect(next.event.seq).toBe(elsewhere.event.seq + 1);
      expect(next.event.hash).not.toBe(elsewhere.event.hash);
      expect(verifyLedger(kiosk.core.db)).toMatchObject({ ok: true, lastSeq: next.event.seq });
      expect(readCustody(kiosk.core.db, phone(1))).toMatchObject({ held: true, lastSeq: elsewhere.event.seq });
    } finally {
      other.close();
    }
  });

  it('still refuses an event that does not follow the head, whatever the connection saw', () => {
    const db = kiosk.core.db;
    const writer = { db, kioskId: kiosk.core.kiosk().kioskId, now: kiosk.clock.now };
    const head = ledgerHead(db);
    // The trigger, not the cache, is what keeps the chain whole: a row written by hand after the
    // head with a wrong prev_hash is refused.
    expect(() =>
      db
        .prepare(
          `INSERT INTO ledger_events (seq, event_id, kiosk_id, occurred_at, type, actor, details, prev_hash, hash, encoding)
           VALUES (?, 'x', ?, '2025-09-01T07:45:00.000Z', 'handed_in', 'pupil', '{}', zeroblob(32), zeroblob(32), 2)`,
        )
        .run(head.seq + 1, writer.kioskId),
    ).toThrow(/seq must follow the head/);
    const event = db.transaction(() =>
      appendEvent(writer, { type: 'handed_in', actor: 'pupil', custodian: custodian.school, deviceId: phone(1) }),
    )();
    expect(event).toMatchObject({ seq: head.seq + 1, prevHash: head.hash });
    expect(verifyLedger(db)).toMatchObject({ ok: true, lastSeq: head.seq + 1 });
  });
});
