import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import type { LedgerEvent } from '../../../src/core/ledger/events';
import { chainSince } from '../../../src/core/ledger/importChain';
import { readAllCustody, rebuildProjection } from '../../../src/core/ledger/projection';
import { readEvents } from '../../../src/core/ledger/readModel';
import { getPayload, ledgerHead } from '../../../src/core/ledger/rows';
import { TAKEN_BACK_WITHOUT_PAYLOAD, TakeBackError, takeBackEvents } from '../../../src/core/ledger/takeBack';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

/**
 * The ledger's side of the way back after a restore, without a central database: the events a
 * newer copy of the same chain holds after an older copy's head, written into the older copy.
 */
describe('taking back the kiosk’s own events', () => {
  let f: ClassFixture;
  let old: Core;
  let oldHead: number;
  let later: LedgerEvent[];
  beforeEach(() => {
    f = classFixture({ size: 2 });
    const phone = f.phones[0]!.deviceId;
    f.s.handIn({ deviceId: phone, actor: 'pupil' });
    f.s.noteCondition({ deviceId: phone, actor: f.teacher.staffId, marks: ['other'], note: 'VOOR-DE-BACKUP' });
    const copy = join(f.dbPath, '..', 'older.db');
    f.core.db.exec(`VACUUM INTO '${copy}'`);
    oldHead = ledgerHead(f.core.db).seq;
    // After the copy: the note's text is erased on request, a second note is written, the phone goes back.
    f.s.redactPayloads({ seqs: [oldHead], reason: 'request', actor: f.office.staffId });
    f.s.noteCondition({ deviceId: phone, actor: f.teacher.staffId, marks: ['screen_cracked'], note: 'NA-DE-BACKUP' });
    f.s.returnDevice({ deviceId: phone, actor: f.teacher.staffId });
    later = chainSince(f.core.db, f.core.kiosk().kioskId, oldHead).map((r) => r.event);
    old = openCore({ dbPath: copy, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
  });
  afterEach(() => {
    old.close();
    f.close();
  });

  const writer = () => ({ db: old.db, kioskId: old.kiosk().kioskId, now: f.clock.now });
  const takeBack = (events: readonly LedgerEvent[]) => old.db.transaction(() => takeBackEvents(writer(), events)).immediate();

  it('writes them verbatim; texts come back erased with a record of why; an erasure made after the copy is made again here', () => {
    const result = takeBack(later);
    expect(result.takenBack).toBe(later.length);
    const hashes = chainSince(old.db, old.kiosk().kioskId).map((r) => r.event.hash.toString('hex'));
    expect(hashes.slice(0, oldHead + later.length)).toEqual(chainSince(f.core.db, f.core.kiosk().kioskId).map((r) => r.event.hash.toString('hex')));

    // The note written before the copy: its text was erased on request later, and is erased here too.
    expect(result.erasedAgain).toEqual([oldHead]);
    expect(getPayload(old.db, oldHead)).toBeNull();
    // The note written after: its text never came back; one record names it.
    const secondNote = later.find((e) => e.type === 'condition_noted')!.seq;
    expect(result.withoutPayload).toEqual([secondNote]);
    const record = readEvents(old.db, { types: ['payload_redacted'] }).events.find((e) => e.seq === result.recordSeq);
    expect(record).toMatchObject({ seq: result.recordSeq, actor: 'system', details: { reason: TAKEN_BACK_WITHOUT_PAYLOAD, seqs: [[secondNote, secondNote]] } });
    expect(verifyLedger(old.db)).toMatchObject({ ok: true, lastSeq: oldHead + later.length + 1 });

    // Custody went with the events: the phone is back with its pupil; a rebuild gives the same rows.
    const custody = readAllCustody(old.db);
    expect(custody.find((c) => c.deviceId === f.phones[0]!.deviceId)).toMatchObject({ held: false, custodian: 'pupil' });
    rebuildProjection(old.db);
    expect(readAllCustody(old.db)).toEqual(custody);
  });

  it('takes back only from the event after the head, and only the kiosk’s own chain', () => {
    expect(() => takeBack(later.slice(1))).toThrow(TakeBackError);
    expect(() => takeBack(later.map((e) => ({ ...e, kioskId: 'another-kiosk' })))).toThrow(TakeBackError);
    expect(ledgerHead(old.db).seq).toBe(oldHead);
  });

  it('an event whose fields do not give its hash is refused and nothing of the batch stays', () => {
    const altered = later.map((e, i) => (i === 1 ? { ...e, actor: 'someone-else' } : e));
    expect(() => takeBack(altered)).toThrow(TakeBackError);
    expect(ledgerHead(old.db).seq).toBe(oldHead);
    expect(verifyLedger(old.db)).toMatchObject({ ok: true, lastSeq: oldHead });
  });

  it('an event that does not follow the head is refused by the chain itself', () => {
    const reordered = [later[1]!, later[0]!, ...later.slice(2)].map((e, i) => ({ ...e, seq: oldHead + 1 + i }));
    expect(() => takeBack(reordered)).toThrow();
    expect(ledgerHead(old.db).seq).toBe(oldHead);
  });

  it('must run inside the caller’s transaction', () => {
    expect(() => takeBackEvents(writer(), later)).toThrow(/inside a transaction/);
  });
});
