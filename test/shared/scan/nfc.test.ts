import { describe, expect, it } from 'vitest';
import { canonicalNfcUid, detectProfile, parseNfcUid, type NfcProfile } from '../../../src/shared/scan/nfc';
import { AppError } from '../../../src/shared/errors';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return undefined;
}

// One 4-byte and one 7-byte tag, each as the four kinds of reader report them.
// 4-byte UID 1A 2B 3C 4D: big-endian 0x1A2B3C4D = 439041101; reversed 0x4D3C2B1A = 1295788826.
// 7-byte UID 04 A2 B3 C4 D5 E6 F7 (NXP NTAG): 0x04A2B3C4D5E6F7 = 1304792892040951;
// reversed 0xF7E6D5C4B3A204 = 69778125050061316.
const cases: Array<[NfcProfile, string, string]> = [
  ['hex', '1A2B3C4D', '1A2B3C4D'],
  ['hex', '1a:2b:3c:4d', '1A2B3C4D'],
  ['hex', '0x1a2b3c4d', '1A2B3C4D'],
  ['hex', '4D3C2B1A', '4D3C2B1A'],
  ['hex', 'A2B3C4', '00A2B3C4'], // leading zero byte left out
  ['hex', '4A2B3C4D5E6F7', '04A2B3C4D5E6F7'], // leading zero nibble left out
  ['hex', '04 A2 B3 C4 D5 E6 F7', '04A2B3C4D5E6F7'],
  ['hex-reversed', '4D3C2B1A', '1A2B3C4D'],
  ['hex-reversed', 'F7E6D5C4B3A204', '04A2B3C4D5E6F7'],
  ['hex-reversed', '3C2B1A', '1A2B3C00'], // the zero that was the last byte went missing in front
  ['decimal', '439041101', '1A2B3C4D'],
  ['decimal', '0439041101', '1A2B3C4D'], // the usual 10-digit form
  ['decimal', '000000439041101', '1A2B3C4D'], // leading zeros never matter
  ['decimal', '1304792892040951', '04A2B3C4D5E6F7'],
  ['decimal-reversed', '1295788826', '1A2B3C4D'],
  ['decimal-reversed', '69778125050061316', '04A2B3C4D5E6F7'],
  ['decimal-reversed', '0000012345', '39300000'], // 12345 = 0x3039 → bytes 39 30 00 00
  ['decimal', '4294967294', 'FFFFFFFE'], // the largest 10-digit value a 4-byte UID can have (almost)
  ['hex', '01020304050607080910', '01020304050607080910'], // triple size, 10 bytes
];

describe('NFC UIDs: the same tag is always the same canonical id', () => {
  it.each(cases)('%s %j → %s', (profile, raw, canonical) => {
    const uid = parseNfcUid(raw, profile);
    expect(uid.canonical).toBe(canonical);
    expect(uid.raw).toBe(raw); // kept beside the canonical id
    expect(uid.byteLength).toBe(canonical.length / 2);
  });

  it('maps every way of reading one tag to one id', () => {
    const reads: Array<[NfcProfile, string]> = [
      ['hex', '04a2b3c4d5e6f7'],
      ['hex-reversed', 'F7E6D5C4B3A204'],
      ['decimal', '1304792892040951'],
      ['decimal-reversed', '69778125050061316'],
    ];
    expect(new Set(reads.map(([p, r]) => canonicalNfcUid(r, p)))).toEqual(new Set(['04A2B3C4D5E6F7']));
  });

  it.each([
    ['hex', '08123456', 'RANDOM_NFC_UID'], // a phone's emulated card: a new UID on every tap
    ['hex-reversed', '56341208', 'RANDOM_NFC_UID'],
    ['decimal', '135410774', 'RANDOM_NFC_UID'], // 0x08123456
    ['hex', '88041A2B', 'CASCADE_NFC_UID'], // cascade tag + first 3 bytes of a 7-byte UID
    ['decimal-reversed', '723125384', 'CASCADE_NFC_UID'], // 0x2B1A0488 reversed → 88 04 1A 2B
    ['hex', '00000000', 'INVALID_NFC_UID'],
    ['hex', 'FFFFFFFF', 'INVALID_NFC_UID'],
    ['hex', '12G45678', 'INVALID_NFC_UID'],
    ['hex', '0102030405060708091011', 'INVALID_NFC_UID'], // 11 bytes
    ['decimal', '12AB', 'INVALID_NFC_UID'],
    ['decimal', '1208925819614629174706176', 'INVALID_NFC_UID'], // 2^80
    ['decimal', '', 'INVALID_NFC_UID'],
  ] as Array<[NfcProfile, string, string]>)('refuses %s %j with %s', (profile, raw, code) => {
    expect(errorCode(() => parseNfcUid(raw, profile))).toBe(code);
  });

  it('accepts a 7-byte UID that starts with 08 (only 4-byte random UIDs start with 08)', () => {
    expect(canonicalNfcUid('08A2B3C4D5E6F7', 'hex')).toBe('08A2B3C4D5E6F7');
  });

  it('can be told the UID size when the number alone cannot say', () => {
    // 04 A2 B3 C4 00 00 00 read decimal-reversed is 0xC4B3A204, which looks like a 4-byte UID.
    expect(canonicalNfcUid('3300106756', 'decimal-reversed')).toBe('04A2B3C4');
    expect(canonicalNfcUid(String(0xc4b3a204), 'decimal-reversed', { byteLength: 7 })).toBe('04A2B3C4000000');
  });
});

describe('detectProfile — "scan a reference tag" once per reader', () => {
  it.each([
    ['04A2B3C4D5E6F7', 'hex'],
    ['F7E6D5C4B3A204', 'hex-reversed'],
    ['1304792892040951', 'decimal'],
    ['69778125050061316', 'decimal-reversed'],
  ] as Array<[string, NfcProfile]>)('reader output %s means the reader is %s', (raw, profile) => {
    expect(detectProfile(raw, '04:a2:b3:c4:d5:e6:f7')).toEqual({ ok: true, profile });
  });

  it('finds a 10-digit 4-byte reader too', () => {
    expect(detectProfile('1295788826', '1A2B3C4D')).toEqual({ ok: true, profile: 'decimal-reversed' });
  });

  it('says when the reference tag does not match at all', () => {
    expect(detectProfile('12345', '04A2B3C4D5E6F7')).toMatchObject({ ok: false, reason: 'no-match' });
    expect(detectProfile('12345', 'not hex')).toMatchObject({ ok: false, reason: 'no-match' });
  });

  it('asks for another tag when a palindromic UID cannot tell the byte order', () => {
    expect(detectProfile('1A2B2B1A', '1A2B2B1A')).toEqual({
      ok: false,
      reason: 'ambiguous',
      candidates: ['hex', 'hex-reversed'],
    });
  });
});
