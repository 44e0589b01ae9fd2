import { AppError } from '../errors';

/**
 * NFC tag UIDs. The same sticker must always map to the same device, yet readers report its UID
 * in four ways: hex or decimal, in transmission order or byte-reversed, with or without leading
 * zeros. Each reader gets an input profile (set once by scanning a reference tag, see
 * {@link detectProfile}); this module turns its raw output into the canonical form:
 * upper-case hex in transmission order (UID0 first), exactly as ISO 14443-3 sends it and as a
 * phone app such as NFC Tools shows it — `04A2B3C4D5E6F7`.
 */

export const nfcProfiles = ['hex', 'hex-reversed', 'decimal', 'decimal-reversed'] as const;
export type NfcProfile = (typeof nfcProfiles)[number];

/** ISO 14443-3 UID sizes: single (4), double (7) and triple (10) size. */
export const nfcUidLengths = [4, 7, 10] as const;
export type NfcUidLength = (typeof nfcUidLengths)[number];

export interface NfcUid {
  /** Upper-case hex in transmission order; what the tag is stored under. */
  canonical: string;
  /** What the reader delivered, kept beside the canonical id. */
  raw: string;
  profile: NfcProfile;
  byteLength: NfcUidLength;
}

export interface NfcParseOptions {
  /**
   * Force the UID size when magnitude cannot tell: a decimal-reversed 7-byte UID whose last three
   * bytes are zero looks like a 4-byte one. Normally left out.
   */
  byteLength?: NfcUidLength;
}

export function isNfcProfile(value: unknown): value is NfcProfile {
  return typeof value === 'string' && (nfcProfiles as readonly string[]).includes(value);
}

/**
 * Parses a reader's output under `profile`. Throws `INVALID_NFC_UID` for anything that is not a
 * UID of 4, 7 or 10 bytes, `RANDOM_NFC_UID` for a random UID (a phone's emulated card changes
 * number on every tap), `CASCADE_NFC_UID` when the reader passed on only the first cascade level
 * of a longer UID.
 */
export function parseNfcUid(raw: string, profile: NfcProfile, options: NfcParseOptions = {}): NfcUid {
  const bytes = profile === 'hex' || profile === 'hex-reversed' ? hexBytes(raw, options) : decimalBytes(raw, options);
  if (profile === 'hex-reversed' || profile === 'decimal-reversed') bytes.reverse();
  refuseUnusable(bytes);
  return {
    canonical: toHex(bytes),
    raw,
    profile,
    byteLength: bytes.length as NfcUidLength,
  };
}

/** Shorthand for {@link parseNfcUid}`(raw, profile).canonical`. */
export function canonicalNfcUid(raw: string, profile: NfcProfile, options?: NfcParseOptions): string {
  return parseNfcUid(raw, profile, options).canonical;
}

export type NfcProfileDetection =
  | { ok: true; profile: NfcProfile }
  | { ok: false; reason: 'no-match' | 'ambiguous'; candidates: NfcProfile[] };

/**
 * "Scan a reference tag": the IT partner knows one tag's UID (`knownCanonical`, e.g. read with a
 * phone, in any case and with or without `:` separators) and scans it on the reader; the profile
 * is the one under which the reader's output means that UID. A UID that reads the same under two
 * profiles (say `04 11 11 04`, a palindrome) cannot tell them apart: then try another tag.
 */
export function detectProfile(referenceRaw: string, knownCanonical: string): NfcProfileDetection {
  let known: string;
  try {
    known = canonicalNfcUid(knownCanonical, 'hex');
  } catch {
    return { ok: false, reason: 'no-match', candidates: [] };
  }
  const candidates = nfcProfiles.filter((profile) => {
    try {
      return canonicalNfcUid(referenceRaw, profile) === known;
    } catch {
      return false;
    }
  });
  if (candidates.length === 1) return { ok: true, profile: candidates[0]! };
  return { ok: false, reason: candidates.length === 0 ? 'no-match' : 'ambiguous', candidates };
}

/** Accepts `04:A2:B3:C4`, `04 a2 b3 c4`, `0x04A2B3C4`; leading zeros may be missing. */
function hexBytes(raw: string, options: NfcParseOptions): number[] {
  let text = raw.trim().replace(/[\s:.-]/g, '');
  if (/^0x/i.test(text)) text = text.slice(2);
  if (!/^[0-9a-f]+$/i.test(text)) throw invalid('not hexadecimal');
  text = text.replace(/^0+(?=.)/, '');
  const byteLength = options.byteLength ?? nfcUidLengths.find((n) => text.length <= n * 2);
  if (byteLength === undefined || text.length > byteLength * 2) throw invalid('too long');
  const padded = text.padStart(byteLength * 2, '0');
  const bytes: number[] = [];
  for (let i = 0; i < padded.length; i += 2) bytes.push(Number.parseInt(padded.slice(i, i + 2), 16));
  return bytes;
}

/** The UID as one unsigned integer, most significant byte first; leading zeros don't matter. */
function decimalBytes(raw: string, options: NfcParseOptions): number[] {
  const text = raw.trim();
  if (!/^\d{1,30}$/.test(text)) throw invalid('not a decimal number');
  let value = BigInt(text);
  const byteLength = options.byteLength ?? nfcUidLengths.find((n) => value < 1n << BigInt(n * 8));
  if (byteLength === undefined || value >= 1n << BigInt(byteLength * 8)) throw invalid('too large');
  const bytes = new Array<number>(byteLength);
  for (let i = byteLength - 1; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return bytes;
}

function refuseUnusable(bytes: number[]): void {
  if (bytes.every((b) => b === 0) || bytes.every((b) => b === 0xff)) throw invalid('all zeros or all ones');
  if (bytes.length === 4 && bytes[0] === 0x08) throw new AppError('RANDOM_NFC_UID');
  // 0x88 is the cascade tag (CT) ISO 14443-3 puts before the first three bytes of a 7- or
  // 10-byte UID; a 4-byte "UID" starting with it is a reader stopping after cascade level 1.
  if (bytes.length === 4 && bytes[0] === 0x88) throw new AppError('CASCADE_NFC_UID');
}

function toHex(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

function invalid(reason: string): AppError {
  return new AppError('INVALID_NFC_UID', { reason });
}
