import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, encodeEvent, GENESIS_HASH, hashEvent, HEADER_FIELDS, type EventHeader } from '../../../src/core/ledger/hash';

const header: EventHeader = {
  encoding: 1,
  seq: 1,
  eventId: '00000000-0000-4000-8000-000000000001',
  kioskId: '00000000-0000-4000-8000-0000000000aa',
  occurredAt: '2025-09-01T07:45:00.000Z',
  type: 'handed_in',
  actor: 'pupil',
  custodian: 'school',
  deviceId: 'd',
  pupilId: 'p',
  locationId: null,
  pouchId: null,
  voidsSeq: null,
  details: '{}',
  payloadHash: null,
  prevHash: GENESIS_HASH,
};

describe('the ledger hash encoding', () => {
  it('is stable: a known event always gives the same hash (a central server depends on it)', () => {
    expect(hashEvent(header).toString('hex')).toBe(hashEvent({ ...header }).toString('hex'));
    expect(encodeEvent(header).subarray(0, 22).toString()).toBe('inleverpunt-ledger-v1\n');
    expect(hashEvent(header).toString('hex')).toBe('e7cc1ec42e91265639eb8c743475ba612ca698e5f8f292c14ce9e44a1d1b23e1');
  });

  it('tells NULL, empty text and text apart, and does not let bytes slide between fields', () => {
    const variants = [
      { ...header, custodian: null },
      { ...header, custodian: '' },
      { ...header, deviceId: 'dp', pupilId: '' },
      { ...header, deviceId: '', pupilId: 'dp' },
    ];
    const hashes = new Set(variants.map((v) => hashEvent(v).toString('hex')));
    expect(hashes.size).toBe(variants.length);
  });

  it('gives different hashes for any two different headers (property)', () => {
    const text = fc.string({ maxLength: 12 });
    const optional = fc.option(text, { nil: null });
    const arbHeader = fc.record({
      encoding: fc.constantFrom(1, 2),
      seq: fc.nat(),
      eventId: text,
      kioskId: text,
      occurredAt: text,
      type: text,
      actor: text,
      custodian: optional,
      deviceId: optional,
      pupilId: optional,
      locationId: optional,
      pouchId: optional,
      voidsSeq: fc.option(fc.nat(), { nil: null }),
      details: text,
      payloadHash: fc.option(fc.uint8Array({ minLength: 32, maxLength: 32 }), { nil: null }),
      prevHash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    });
    fc.assert(
      fc.property(arbHeader, arbHeader, (a, b) => {
        const same = a.encoding === b.encoding && HEADER_FIELDS.every((k) => {
          const x = a[k];
          const y = b[k];
          return x instanceof Uint8Array && y instanceof Uint8Array ? Buffer.from(x).equals(Buffer.from(y)) : x === y;
        });
        expect(encodeEvent(a).equals(encodeEvent(b))).toBe(same);
      }),
    );
  });

  it('canonical JSON sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
