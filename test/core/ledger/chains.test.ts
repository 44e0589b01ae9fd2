import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/core';
import { recordCheckpoint } from '../../../src/core/ledger/checkpoint';
import { chainSince, ChainImportError, importChain } from '../../../src/core/ledger/importChain';
import { chainKiosks, getEvent, ledgerHead } from '../../../src/core/ledger/rows';
import { verifyAllChains, verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';

/**
 * An office database holding two kiosks' chains side by side: this kiosk's own, and one imported
 * from the kiosk of the classroom next door. Each has its own seq 1, head and checks.
 */
describe('chains of several kiosks in one database', () => {
  let office: ClassFixture;
  let nextDoor: ClassFixture;
  let nextDoorId: string;
  beforeEach(() => {
    office = classFixture({ size: 1 });
    nextDoor = classFixture({ size: 2 });
    nextDoorId = nextDoor.core.kiosk().kioskId;
    nextDoor.s.handIn({ deviceId: nextDoor.phones[0]!.deviceId, actor: 'pupil' });
    nextDoor.s.noteCondition({ deviceId: nextDoor.phones[0]!.deviceId, actor: 'pupil', marks: [], note: 'kras' });
    office.s.handIn({ deviceId: office.phones[0]!.deviceId, actor: 'pupil' });
  });
  afterEach(() => {
    office.close();
    nextDoor.close();
  });

  const officeId = () => office.core.kiosk().kioskId;
  const importNextDoor = (afterSeq = 0) => importChain(office.core.db, chainSince(nextDoor.core.db, nextDoorId, afterSeq));

  it('are imported beside the local chain and each verified on its own', () => {
    expect(importNextDoor()).toMatchObject({ kioskId: nextDoorId, imported: ledgerHead(nextDoor.core.db).seq, skipped: 0 });
    const db = office.core.db;
    expect(chainKiosks(db)).toEqual([officeId(), nextDoorId].sort());
    const report = verifyAllChains(db);
    expect(report).toMatchObject({ ok: true, firstBad: null });
    expect(report.chains.map((c) => [c.kioskId, c.ok && c.lastSeq])).toEqual(
      [[officeId(), ledgerHead(db).seq], [nextDoorId, ledgerHead(nextDoor.core.db).seq]].sort(),
    );
    // Both chains start at seq 1; a bare seq means the local kiosk's event.
    expect(getEvent(db, 1)?.kioskId).toBe(officeId());
    expect(getEvent(db, 1, nextDoorId)?.hash).toEqual(getEvent(nextDoor.core.db, 1)?.hash);
    // The local kiosk's own appends still follow its own head.
    const more = office.s.returnDevice({ deviceId: office.phones[0]!.deviceId, actor: office.teacher.staffId });
    expect(verifyLedger(db)).toMatchObject({ ok: true, kioskId: officeId(), lastSeq: more.event.seq });
  });

  it('are imported idempotently, by (kiosk, seq), and later events continue the chain', () => {
    importNextDoor();
    const seen = ledgerHead(nextDoor.core.db).seq;
    nextDoor.s.returnDevice({ deviceId: nextDoor.phones[0]!.deviceId, actor: nextDoor.teacher.staffId });
    expect(importNextDoor()).toMatchObject({ imported: 1, skipped: seen });
    expect(importNextDoor()).toMatchObject({ imported: 0, skipped: seen + 1 });
    expect(verifyLedger(office.core.db, { kioskId: nextDoorId })).toMatchObject({ ok: true, lastSeq: seen + 1 });
  });

  it('refuse an import that does not verify, a fork, a gap, and the local kiosk’s own chain; nothing is kept', () => {
    const rows = chainSince(nextDoor.core.db, nextDoorId);
    const forged = rows.map((r, i) => (i === 2 ? { ...r, event: { ...r.event, actor: 'someone-else' } } : r));
    expect(() => importChain(office.core.db, forged)).toThrow(ChainImportError);
    expect(chainKiosks(office.core.db)).toEqual([officeId()]);
    expect(() => importChain(office.core.db, rows.slice(1))).toThrow(/follow the head/);
    importChain(office.core.db, rows);
    const fork = { ...rows[0]!, event: { ...rows[0]!.event, hash: Buffer.alloc(32, 7) } };
    expect(() => importChain(office.core.db, [fork])).toThrow(/differs/);
    expect(() => importChain(office.core.db, chainSince(office.core.db, officeId()))).toThrow(/local kiosk/);
  });

  it('tampering with one kiosk’s chain is detected and attributed to that kiosk only', () => {
    importNextDoor();
    const seq = 3;
    const ownId = officeId();
    office.core.close();
    const raw = new Database(office.dbPath);
    raw.exec('DROP TRIGGER ledger_events_no_update');
    raw.prepare("UPDATE ledger_events SET actor = 'someone-else' WHERE kiosk_id = ? AND seq = ?").run(nextDoorId, seq);
    const report = verifyAllChains(raw);
    expect(report.ok).toBe(false);
    expect(report.firstBad).toEqual({ kioskId: nextDoorId, seq, problem: 'hash_mismatch' });
    expect(report.chains.find((c) => c.kioskId === ownId)).toMatchObject({ ok: true });
    raw.close();
    // The start-up check is the local kiosk's chain: the kiosk itself keeps working.
    const core = openCore({ dbPath: office.dbPath, appVersion: 'test', now: office.clock.now, pinCost: TEST_PIN_COST });
    try {
      expect(core.startup).toMatchObject({ problem: null, verify: { ok: true, kioskId: ownId } });
    } finally {
      core.close();
    }
  });

  it('tampering with the local chain is not blamed on the imported one', () => {
    importNextDoor();
    const db = office.core.db;
    db.exec('DROP TRIGGER ledger_events_no_delete');
    const last = ledgerHead(db).seq;
    recordCheckpoint(db, verifyLedger(db), office.clock.now()); // the office's last check
    db.prepare('DELETE FROM ledger_events WHERE kiosk_id = ? AND seq = ?').run(officeId(), last);
    const report = verifyAllChains(db);
    expect(report.firstBad).toEqual({ kioskId: officeId(), seq: last, problem: 'truncated' });
    expect(report.chains.find((c) => c.kioskId === nextDoorId)).toMatchObject({ ok: true });
  });
});
