import { describe, expect, it } from 'vitest';
import { buildReceiptFacts, receiptOrigin } from '../../../src/renderer/components/receiptFacts';
import type { CustodyOutcome, EventListItem } from '../../../src/shared/contract';

const released: CustodyOutcome = {
  event: {
    seq: 57,
    eventId: 'e57',
    type: 'released_to_guardian',
    occurredAt: '2025-09-01T13:05:00.000Z',
    actor: 'staff-anna',
    custodian: 'guardian',
    deviceId: 'd1',
    pupilId: 'p1',
    locationId: null,
    pouchId: null,
    voidsSeq: null,
    hash: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  },
  repeat: false,
  device: { deviceId: 'd1', kind: 'smartphone', description: 'iPhone 12 zwart' },
  pupil: { pupilId: 'p1', roepnaam: 'Daan', surnameInitial: null, fullName: 'Daan van Dijk', groep: '7A' },
  pouch: null,
};
const confiscated: EventListItem = {
  seq: 41,
  type: 'confiscated',
  occurredAt: '2025-09-01T09:12:00.000Z',
  actor: 'staff-anna',
  custodian: 'staff:staff-anna',
  deviceId: 'd1',
  pupilId: 'p1',
  locationId: null,
  pouchId: null,
  voidsSeq: null,
  voidedBySeq: null,
  details: { witnessStaffId: 'staff-bas', article: 'B', sealedBagNumber: 'Z-0042' },
  payload: { reason: 'Gebruikt tijdens de gymles' },
  redacted: false,
};
const names = new Map([
  ['staff-anna', 'Juf Anna'],
  ['staff-bas', 'Meester Bas'],
]);

describe('the release receipt', () => {
  it('names who confiscated, the witness, the reason and who released, from the ledger records', () => {
    const facts = buildReceiptFacts({
      kiosk: { kioskId: 'k', name: 'Groep 7 — lokaal 12', school: 'De Regenboog', appVersion: '1' },
      released,
      confiscation: confiscated,
      staffNames: names,
      guardianName: '  Fatima el Amrani ',
      note: '',
      signed: true,
    });
    expect(facts).toMatchObject({
      school: 'De Regenboog',
      kiosk: 'Groep 7 — lokaal 12',
      pupil: { name: 'Daan van Dijk', groep: '7A' },
      confiscation: { seq: 41, by: 'Juf Anna', witness: 'Meester Bas', article: 'B', reason: 'Gebruikt tijdens de gymles', sealedBagNumber: 'Z-0042' },
      release: { seq: 57, hashPrefix: 'a1b2c3d4e5f60718', by: 'Juf Anna', guardianName: 'Fatima el Amrani', signed: true, note: null },
    });
  });

  it('names the pupil in full, so a parent of one of two Daans in 7A knows it is their child’s', () => {
    const facts = buildReceiptFacts({ kiosk: null, released, confiscation: null, staffNames: names, guardianName: 'X', note: '', signed: false });
    expect(facts.pupil).toEqual({ name: 'Daan van Dijk', groep: '7A' });
    expect(facts.confiscation).toBeNull();
  });

  it('says the reason is gone after a retention purge rather than inventing one, and shows unknown staff as a dash', () => {
    const purged = { ...confiscated, payload: null, redacted: true, details: { witnessStaffId: 'someone-gone' } };
    const facts = buildReceiptFacts({ kiosk: null, released, confiscation: purged, staffNames: names, guardianName: 'X', note: 'n', signed: false });
    expect(facts.confiscation).toMatchObject({ reason: null, witness: '—', article: null, sealedBagNumber: null });
    expect(facts.release.note).toBe('n');
  });

  it('heads the receipt with school and kiosk, and with the kiosk alone (no stray "·") when the school has no name set', () => {
    expect(receiptOrigin({ school: 'De Regenboog', kiosk: 'Groep 7A' })).toBe('De Regenboog · Groep 7A');
    expect(receiptOrigin({ school: '', kiosk: 'Inleverpunt BF7C' })).toBe('Inleverpunt BF7C');
    expect(receiptOrigin({ school: 'De Regenboog', kiosk: ' ' })).toBe('De Regenboog');
  });
});
