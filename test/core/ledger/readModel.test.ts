import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasePayloads } from '../../../src/core/ledger/erase';
import { countMatching, newestEvent, readEvents, type StoredEvent } from '../../../src/core/ledger/readModel';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { ledgerWriter, writeTransaction } from '../../../src/core/services/context';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

const seqs = (events: StoredEvent[]) => events.map((e) => e.seq);

describe('reading the ledger', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 3 });
  });
  afterEach(() => f.close());

  const db = () => f.core.db;
  /** Every seq, newest first, following the pages `size` at a time. */
  function walk(size: number, query: Parameters<typeof readEvents>[1] = {}): number[][] {
    const pages: number[][] = [];
    let beforeSeq: number | undefined;
    for (;;) {
      const page = readEvents(db(), { ...query, limit: size, ...(beforeSeq === undefined ? {} : { beforeSeq }) });
      pages.push(seqs(page.events));
      if (page.next === null) return pages;
      beforeSeq = page.next;
    }
  }

  it('pages newest first by seq: every event exactly once, and the last page says so', () => {
    const total = countMatching(db());
    const pages = walk(4);
    const all = pages.flat();
    expect(all).toHaveLength(total);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(new Set(all).size).toBe(total);
    expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
  });

  it('pages oldest first with afterSeq, as an export reads', () => {
    const first = readEvents(db(), { order: 'oldest-first', limit: 5 });
    expect(seqs(first.events)).toEqual([1, 2, 3, 4, 5]);
    const second = readEvents(db(), { order: 'oldest-first', limit: 5, afterSeq: first.next ?? 0 });
    expect(seqs(second.events)).toEqual([6, 7, 8, 9, 10]);
  });

  it('a hand-in while someone pages does not shift the pages still to come', () => {
    const first = readEvents(db(), { limit: 3 });
    const handIn = f.s.handIn({ deviceId: f.phones[0]!.deviceId, actor: 'pupil' });
    const second = readEvents(db(), { limit: 3, beforeSeq: first.next ?? 0 });
    expect(seqs(second.events)).toEqual(seqs(first.events).map((s) => s - 3));
    expect(readEvents(db(), { limit: 1 }).events[0]?.seq).toBe(handIn.event.seq);
  });

  it('finds one device’s history, one pupil’s, and events of given types', () => {
    const [a, b] = f.phones;
    f.s.handIn({ deviceId: a!.deviceId, actor: 'pupil' });
    f.s.handIn({ deviceId: b!.deviceId, actor: 'pupil' });
    f.s.returnDevice({ deviceId: a!.deviceId, actor: 'pupil' });

    const ofA = readEvents(db(), { deviceId: a!.deviceId }).events;
    expect(ofA.map((e) => e.type)).toEqual(['returned', 'handed_in', 'tag_assigned', 'device_registered']);
    expect(readEvents(db(), { pupilId: f.pupils[1]!.pupilId, types: ['handed_in'] }).events.map((e) => e.deviceId)).toEqual([
      b!.deviceId,
    ]);
    expect(readEvents(db(), { types: ['handed_in', 'returned'] }).events.map((e) => e.type)).toEqual([
      'returned',
      'handed_in',
      'handed_in',
    ]);
  });

  it('reads one day: from its start, up to the next', () => {
    const [a] = f.phones;
    f.clock.set('2025-09-01T08:00:00.000Z');
    f.s.handIn({ deviceId: a!.deviceId, actor: 'pupil' });
    f.clock.set('2025-09-02T08:00:00.000Z');
    f.s.returnDevice({ deviceId: a!.deviceId, actor: 'pupil' });
    const monday = { from: '2025-09-01T00:00:00.000Z', to: '2025-09-02T00:00:00.000Z', types: ['handed_in', 'returned'] } as const;
    expect(readEvents(db(), monday).events.map((e) => e.type)).toEqual(['handed_in']);
    expect(readEvents(db(), { ...monday, from: monday.to, to: undefined }).events.map((e) => e.type)).toEqual(['returned']);
  });

  it('the kiosk is a filter, and every event says which kiosk recorded it', () => {
    const { kioskId } = f.s.context;
    expect(readEvents(db()).events.every((e) => e.kioskId === kioskId)).toBe(true);
    expect(countMatching(db(), { kioskId })).toBe(countMatching(db()));
    expect(readEvents(db(), { kioskId: 'another-kiosk' }).events).toEqual([]);
  });

  it('marks what a correction voided, and leaves it out when only standing events count', () => {
    const handIn = f.s.handIn({ deviceId: f.phones[0]!.deviceId, actor: 'pupil' });
    const fix = f.s.correct({ seq: handIn.event.seq, reason: 'verkeerde leerling', actor: f.teacher.staffId });
    const voided = readEvents(db(), { types: ['handed_in'] }).events[0];
    expect(voided).toMatchObject({ seq: handIn.event.seq, voidedBySeq: fix.event.seq });
    expect(countMatching(db(), { types: ['handed_in'] })).toBe(1);
    expect(countMatching(db(), { types: ['handed_in'], standingOnly: true })).toBe(0);
    expect(readEvents(db(), { types: ['handed_in'], standingOnly: true }).events).toEqual([]);
    expect(newestEvent(db(), { types: ['corrected'] })?.payload).toEqual({ reason: 'verkeerde leerling' });
  });
});

describe('erasing personal data from the ledger', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 1 });
  });
  afterEach(() => f.close());

  const erase = (seqs: number[]) =>
    writeTransaction(f.s.context, () =>
      erasePayloads(ledgerWriter(f.s.context), { seqs, recordAs: 'retention_purge', actor: 'system', details: { reason: 'retention' } }),
    );

  it('clears the text, records which seqs, and the chain still verifies', () => {
    const deviceId = f.phones[0]!.deviceId;
    f.s.handIn({ deviceId, actor: 'pupil' });
    const out = f.s.keepOvernight({ deviceId, reason: 'ouder belt morgen', actor: f.teacher.staffId });
    const { erased, seq } = erase([out.event.seq, out.event.seq]);
    expect(erased).toEqual([out.event.seq]);
    const kept = readEvents(f.core.db, { types: ['kept_overnight'] }).events[0];
    expect(kept).toMatchObject({ payload: null, redacted: true });
    expect(newestEvent(f.core.db, { types: ['retention_purge'] })).toMatchObject({
      seq,
      details: { reason: 'retention', seqs: [[out.event.seq, out.event.seq]] },
    });
    expect(verifyLedger(f.core.db).ok).toBe(true);
  });

  it('erases nothing twice and records nothing when there was nothing to erase', () => {
    const handIn = f.s.handIn({ deviceId: f.phones[0]!.deviceId, actor: 'pupil' });
    expect(erase([handIn.event.seq])).toEqual({ erased: [], seq: null });
  });

  it('only inside a transaction, so the erasure and its record commit together', () => {
    expect(() => erasePayloads(ledgerWriter(f.s.context), { seqs: [1], recordAs: 'payload_redacted', actor: 'system' })).toThrow(
      /transaction/,
    );
  });
});
