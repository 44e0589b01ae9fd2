import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAllCustody, readCustody, rebuildProjection } from '../../../src/core/ledger/projection';
import { getPayload, getEvent } from '../../../src/core/ledger/rows';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { classFixture, codeOf, PINS, type ClassFixture } from '../support/custodyFixture';

describe('custody beyond the door', () => {
  let f: ClassFixture;
  let phone: string;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    phone = f.phones[0]!.deviceId;
  });
  afterEach(() => f.close());

  const handIn = () => f.s.handIn({ deviceId: phone, actor: 'pupil' });

  it('a teacher can move a held device to a colleague and then to the office safe', () => {
    const hand = handIn();
    f.clock.advance(60 * 60_000);
    f.s.transfer({ deviceId: phone, actor: f.teacher.staffId, to: { staffId: f.witness.staffId } });
    expect(readCustody(f.core.db, phone)).toMatchObject({ held: true, custodian: `staff:${f.witness.staffId}`, since: hand.event.occurredAt });
    const out = f.s.transfer({ deviceId: phone, actor: f.witness.staffId, to: { locationId: f.safe.locationId }, note: 'na schooltijd' });
    expect(readCustody(f.core.db, phone)).toMatchObject({ custodian: `location:${f.safe.locationId}`, locationId: f.safe.locationId });
    expect(getPayload(f.core.db, out.event.seq)).toEqual({ note: 'na schooltijd' });
  });

  it('only a held device can be transferred, and a pupil cannot transfer', () => {
    expect(codeOf(() => f.s.transfer({ deviceId: phone, actor: f.teacher.staffId, to: { locationId: f.safe.locationId } }))).toBe('NOT_IN_CUSTODY');
    handIn();
    expect(codeOf(() => f.s.transfer({ deviceId: phone, actor: 'pupil', to: { locationId: f.safe.locationId } }))).toBe('NOT_AUTHORISED');
  });

  describe('confiscation (in bewaring nemen)', () => {
    const confiscate = (over: Partial<Parameters<ClassFixture['s']['confiscate']>[0]> = {}) =>
      f.s.confiscate({
        deviceId: phone,
        actor: f.teacher.staffId,
        reason: 'telefoon gebruikt tijdens de les',
        article: 'B.3',
        witnessStaffId: f.witness.staffId,
        witnessPin: PINS.witness,
        sealedBagNumber: 'ZAK-0042',
        ...over,
      });

    it('needs a second staff member whose PIN is checked', () => {
      expect(codeOf(() => confiscate({ witnessStaffId: f.teacher.staffId, witnessPin: PINS.teacher }))).toBe('WITNESS_REQUIRED');
      expect(codeOf(() => confiscate({ witnessPin: '0000' }))).toBe('PIN_WRONG');
      const out = confiscate();
      const event = getEvent(f.core.db, out.event.seq)!;
      expect(JSON.parse(event.details)).toEqual({ article: 'B.3', sealedBagNumber: 'ZAK-0042', witnessStaffId: f.witness.staffId });
      expect(getPayload(f.core.db, out.event.seq)).toEqual({ reason: 'telefoon gebruikt tijdens de les' });
      expect(readCustody(f.core.db, phone)).toMatchObject({ held: true, confiscatedSeq: out.event.seq, custodian: `staff:${f.teacher.staffId}` });
    });

    it('a confiscated device is not returned to the pupil, only released to a named guardian', () => {
      handIn();
      f.clock.advance(30 * 60_000);
      confiscate({ locationId: f.safe.locationId });
      expect(codeOf(() => confiscate())).toBe('ALREADY_CONFISCATED');
      expect(codeOf(() => f.s.returnDevice({ deviceId: phone, actor: f.teacher.staffId }))).toBe('CONFISCATED');
      expect(codeOf(() => f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' }))).toBe('CONFISCATED');
      const signature = 'a'.repeat(64);
      const out = f.s.releaseToGuardian({ deviceId: phone, actor: f.teacher.staffId, guardianName: 'Mw. Jansen', signatureImageHash: signature });
      expect(readCustody(f.core.db, phone)).toMatchObject({ held: false, custodian: 'guardian', confiscatedSeq: null });
      expect(getPayload(f.core.db, out.event.seq)).toEqual({ guardianName: 'Mw. Jansen', signatureImageHash: signature });
      expect(codeOf(() => f.s.releaseToGuardian({ deviceId: phone, actor: f.teacher.staffId, guardianName: 'X' }))).toBe('NOT_IN_CUSTODY');
    });
  });

  it('condition notes and incidents are recorded without changing who holds the device', () => {
    handIn();
    const before = readCustody(f.core.db, phone);
    const note = f.s.noteCondition({ deviceId: phone, actor: 'pupil', marks: ['screen_cracked'] });
    f.s.reportIncident({ deviceId: phone, actor: f.teacher.staffId, kind: 'damage', description: 'barst gezien bij inleveren' });
    expect(readCustody(f.core.db, phone)).toEqual(before);
    expect(JSON.parse(getEvent(f.core.db, note.event.seq)!.details)).toEqual({ marks: ['screen_cracked'] });
    expect(codeOf(() => f.s.reportIncident({ deviceId: phone, actor: 'pupil', kind: 'damage', description: 'x' }))).toBe('NOT_AUTHORISED');
  });

  it("an incident may carry what the insurer asks: when and what was paid in the chained details, who saw it and the police's number in the erasable payload", () => {
    const out = f.s.reportIncident({
      deviceId: phone,
      actor: f.teacher.staffId,
      kind: 'theft',
      description: 'Uit de tas verdwenen',
      insurer: { discoveredAt: '2025-09-01T11:30:00+02:00', witnesses: 'Meester Bas', policeReportNumber: 'PL0900-2025123456', purchaseDate: '2025-03-01', purchasePriceCents: 59900 },
    });
    expect(JSON.parse(getEvent(f.core.db, out.event.seq)!.details)).toEqual({
      kind: 'theft',
      discoveredAt: '2025-09-01T09:30:00.000Z',
      purchaseDate: '2025-03-01',
      purchasePriceCents: 59900,
    });
    expect(getPayload(f.core.db, out.event.seq)).toEqual({ description: 'Uit de tas verdwenen', witnesses: 'Meester Bas', policeReportNumber: 'PL0900-2025123456' });
    const incident = (insurer: object) => () => f.s.reportIncident({ deviceId: phone, actor: f.teacher.staffId, kind: 'loss', description: 'x', insurer });
    expect(codeOf(incident({ discoveredAt: 'gisteren' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(incident({ purchaseDate: '1-3-2025' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(incident({ purchasePriceCents: -1 }))).toBe('INVALID_ARGUMENT');
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
  });

  describe('corrections', () => {
    it('voiding a mistaken hand-in makes the device not held, and a rebuild agrees', () => {
      const wrong = handIn();
      const fix = f.s.correct({ seq: wrong.event.seq, reason: 'verkeerde sticker gescand', actor: f.teacher.staffId });
      expect(fix.event.voidsSeq).toBe(wrong.event.seq);
      expect(readCustody(f.core.db, phone)).toBeUndefined();
      const incremental = readAllCustody(f.core.db);
      rebuildProjection(f.core.db);
      expect(readAllCustody(f.core.db)).toEqual(incremental);
    });

    it('voiding a mistaken return puts the device back in custody as it was', () => {
      const hand = handIn();
      f.clock.advance(120_000);
      const ret = f.s.returnDevice({ deviceId: phone, actor: f.teacher.staffId });
      f.s.correct({ seq: ret.event.seq, reason: 'niet echt teruggegeven', actor: f.teacher.staffId });
      expect(readCustody(f.core.db, phone)).toMatchObject({ held: true, since: hand.event.occurredAt, lastSeq: hand.event.seq });
    });

    it('an event can be voided only once, a correction cannot be voided, nor can audit events', () => {
      const hand = handIn();
      const fix = f.s.correct({ seq: hand.event.seq, reason: 'fout', actor: f.teacher.staffId });
      expect(codeOf(() => f.s.correct({ seq: hand.event.seq, reason: 'nog eens', actor: f.teacher.staffId }))).toBe('ALREADY_VOIDED');
      expect(codeOf(() => f.s.correct({ seq: fix.event.seq, reason: 'terugdraaien', actor: f.teacher.staffId }))).toBe('NOT_VOIDABLE');
      expect(codeOf(() => f.s.correct({ seq: 1, reason: 'weg ermee', actor: f.teacher.staffId }))).toBe('NOT_VOIDABLE');
      expect(codeOf(() => f.s.correct({ seq: 99_999, reason: 'x', actor: f.teacher.staffId }))).toBe('UNKNOWN_EVENT');
      expect(codeOf(() => f.s.correct({ seq: hand.event.seq, reason: 'x', actor: 'pupil' }))).toBe('NOT_AUTHORISED');
    });

    it('the database itself refuses a second correction of the same event', () => {
      const hand = handIn();
      f.s.correct({ seq: hand.event.seq, reason: 'fout', actor: f.teacher.staffId });
      expect(() =>
        f.core.db.transaction(() =>
          f.core.db.prepare('INSERT INTO ledger_events SELECT seq + 1, event_id || \'x\', kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id, location_id, pouch_id, voids_seq, details, payload_hash, hash, hash, encoding FROM ledger_events WHERE seq = (SELECT max(seq) FROM ledger_events)').run(),
        )(),
      ).toThrow(/UNIQUE/);
    });
  });

  it('every workflow leaves a chain that verifies', () => {
    handIn();
    f.s.noteCondition({ deviceId: phone, actor: 'pupil', marks: [], note: 'kras op achterkant' });
    f.s.transfer({ deviceId: phone, actor: f.teacher.staffId, to: { locationId: f.safe.locationId } });
    f.s.releaseToGuardian({ deviceId: phone, actor: f.teacher.staffId, guardianName: 'Dhr. Peters' });
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
  });

  it('lists what is held now with the pupil’s name, place and pouch', () => {
    handIn();
    const [item] = f.s.listCustody();
    expect(item).toMatchObject({
      deviceId: phone,
      pupil: { roepnaam: 'Kind1', achternaam: 'Achternaam1', groep: '7B' },
      locationName: 'Telefoontas 7B',
      pouchNumber: 1,
      held: true,
    });
    expect(f.s.listCustody({ locationId: f.safe.locationId })).toEqual([]);
  });

  it('lists events newest first, a page at a time, marking voided ones', () => {
    const hand = handIn();
    f.s.correct({ seq: hand.event.seq, reason: 'fout', actor: f.teacher.staffId });
    const page = f.s.listEvents({ limit: 2 });
    expect(page.events.map((e) => e.type)).toEqual(['corrected', 'handed_in']);
    expect(page.events[1]).toMatchObject({ voidedBySeq: hand.event.seq + 1 });
    expect(page.events[0]!.payload).toEqual({ reason: 'fout' });
    const next = f.s.listEvents({ limit: 2, beforeSeq: page.nextBeforeSeq! });
    expect(next.events[0]!.seq).toBe(hand.event.seq - 1);
    expect(f.s.listEvents({ deviceId: phone }).events.map((e) => e.type)).toEqual(['corrected', 'handed_in', 'tag_assigned', 'device_registered']);
  });
});
