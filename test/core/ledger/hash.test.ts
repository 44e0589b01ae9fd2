import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalJson,
  encodeEvent,
  GENESIS_HASH,
  hashEvent,
  hashHexFields,
  hashPayload,
  HEADER_FIELDS,
  LEDGER_ENCODING,
  type EventHeader,
} from '../../../src/core/ledger/hash';
import { eventFields } from '../../../src/core/evidence/bundleFormat';

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

  it('version 1 is the encoding the app wrote before payloads were salted; new events are version 2', () => {
    // The pinned hash above was computed by that earlier app: old chains verify byte for byte.
    expect(LEDGER_ENCODING).toBe(2);
    const v2 = { ...header, encoding: 2 };
    expect(encodeEvent(v2).subarray(0, 22).toString()).toBe('inleverpunt-ledger-v2\n');
    expect(encodeEvent(v2).subarray(22)).toEqual(encodeEvent(header).subarray(22));
    expect(hashEvent(v2).toString('hex')).toBe('40561193996589772638fb402ad360970b68beba50b7c8922e3b2938733fe0b0');
    expect(() => hashEvent({ ...header, encoding: 3 })).toThrow(RangeError);
  });

  it('hashes a version-2 payload with its salt (stable), a version-1 payload without one', () => {
    const body = '{"note":"kras"}';
    const salt = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    expect(hashPayload(2, body, salt)?.toString('hex')).toBe('a37fa65743a8b5a218f09c969257db34c3d5326f39f4c06da113a06a61ec8c18');
    expect(hashPayload(1, body, null)?.toString('hex')).toBe('5e6d02d60105ead2694df95f0d42615322e2a4a5573c131aeb4cec56106bd695');
    // No salt, a short salt, or a salt on a version-1 payload cannot give a hash.
    expect(hashPayload(2, body, null)).toBeUndefined();
    expect(hashPayload(2, body, salt.subarray(0, 15))).toBeUndefined();
    expect(hashPayload(1, body, salt)).toBeUndefined();
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
    const arbHeader = headerArbitrary(fc.string({ maxLength: 12 }), fc.nat());
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

  it('hashes a bundle line’s fields (blobs as hex) to the same hash as the header, for any header (property)', () => {
    const arbHeader = headerArbitrary(fc.string({ maxLength: 40, unit: 'binary' }), fc.maxSafeNat());
    fc.assert(
      fc.property(arbHeader, (h) => {
        expect(hashHexFields(eventFields(h), h.encoding)).toBe(hashEvent(h).toString('hex'));
      }),
    );
  });

  it('canonical JSON sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

/** Any event header, its texts from `text` and its numbers from `nat`. */
function headerArbitrary(text: fc.Arbitrary<string>, nat: fc.Arbitrary<number>) {
  const optional = fc.option(text, { nil: null });
  const hash = fc.uint8Array({ minLength: 32, maxLength: 32 });
  return fc.record({
    encoding: fc.constantFrom(1, 2),
    seq: nat,
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
    voidsSeq: fc.option(nat, { nil: null }),
    details: text,
    payloadHash: fc.option(hash, { nil: null }),
    prevHash: hash,
  });
}
