/**
 * The codes Inleverpunt prints on its own stickers (device, pouch and slot tags).
 *
 * Shape: `IP` + 8 random characters + 1 check character, all from `0-9A-Z` — 11 characters,
 * e.g. `IP7K2M9QXA7`. Only digits and upper-case letters, because keyboard-wedge scanners on
 * Dutch, Belgian (AZERTY) and German (QWERTZ) layouts mangle punctuation and case.
 *
 * Check character: ISO 7064 MOD 37-2 (pure system, modulus 37, radix 2) over the whole code
 * including the prefix. Its 37th check symbol is `*`, which a keyboard wedge cannot be trusted
 * to type, so {@link newOwnCode} simply draws another random body whenever the check would be
 * `*` (1 in 37 draws). Every printed code is therefore pure `0-9A-Z`.
 *
 * Why not ISO 7064 MOD 37,36 (the hybrid system, whose check is always in `0-9A-Z`)? It detects
 * every single substitution but not every adjacent transposition: measured on random 11-character
 * codes it missed about 1 in 800 swaps. MOD 37-2 weights position i by 2^i mod 37; 2 is a
 * primitive root of 37, so all weights are distinct and non-zero for codes up to 36 characters
 * and, 37 being prime, every single substitution and every transposition of two characters
 * (adjacent or one apart) changes the checksum. A misread is rejected, never matched to another
 * child's phone.
 */

export const OWN_CODE_PREFIX = 'IP';
export const OWN_CODE_BODY_LENGTH = 8;
/** Prefix + body + check character. */
export const OWN_CODE_LENGTH = OWN_CODE_PREFIX.length + OWN_CODE_BODY_LENGTH + 1;

/** The printable alphabet; the check symbol `*` (value 36) is never printed. */
export const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MODULUS = 37;
const RADIX = 2;

const OWN_CODE_SHAPE = new RegExp(`^${OWN_CODE_PREFIX}[0-9A-Z]{${OWN_CODE_BODY_LENGTH + 1}}$`);

function valueOf(char: string): number {
  const v = CODE_ALPHABET.indexOf(char);
  if (v < 0) throw new RangeError(`not in 0-9A-Z: ${JSON.stringify(char)}`);
  return v;
}

/**
 * The ISO 7064 MOD 37-2 check value (0–36) of `payload` (upper-case `0-9A-Z`).
 * 36 means the check symbol would be `*`: such a payload is never issued.
 */
export function checkValue(payload: string): number {
  let p = 0;
  for (const char of payload) p = ((p + valueOf(char)) * RADIX) % MODULUS;
  return (MODULUS + 1 - p) % MODULUS;
}

/**
 * Upper-cases ASCII letters and trims, so a read made with Caps Lock on (`ip7k2m9qxa7`) is the
 * same code. Only a–z: `toUpperCase()` also turns a Turkish dotless `ı` (or `ſ`, `ﬀ`…) into ASCII
 * capitals, which would let a garbled read pass as one of our codes.
 */
export function normalizeOwnCode(raw: string): string {
  return raw.trim().replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));
}

/**
 * Whether `raw` has the shape of one of our codes (prefix, length, alphabet — in any case),
 * regardless of whether its check character is right. A shaped code with a wrong check is a
 * misread of one of our stickers; anything else is a foreign code.
 */
export function looksLikeOwnCode(raw: string): boolean {
  return OWN_CODE_SHAPE.test(normalizeOwnCode(raw));
}

/** True when `raw` is one of our codes with a correct check character (case-insensitive). */
export function isValidOwnCode(raw: string): boolean {
  const code = normalizeOwnCode(raw);
  if (!OWN_CODE_SHAPE.test(code)) return false;
  const check = checkValue(code.slice(0, -1));
  return check < 36 && CODE_ALPHABET[check] === code.at(-1);
}

/** Appends the check character; throws if the payload's check would be `*` (never printed). */
export function withCheckCharacter(payload: string): string {
  const check = checkValue(payload);
  if (check === 36) throw new RangeError('this payload needs the check symbol "*", which is never printed');
  return payload + CODE_ALPHABET[check]!;
}

export type RandomBytes = (buffer: Uint8Array<ArrayBuffer>) => Uint8Array;

const webCryptoRandom: RandomBytes = (buffer) => globalThis.crypto.getRandomValues(buffer);

/**
 * A fresh code from a cryptographically secure source. 36^8 ≈ 2.8·10^12 bodies: collisions are
 * negligible for a school, but the caller (tag registration) still enforces uniqueness.
 */
export function newOwnCode(random: RandomBytes = webCryptoRandom): string {
  for (;;) {
    const body = randomAlphanumeric(OWN_CODE_BODY_LENGTH, random);
    const payload = OWN_CODE_PREFIX + body;
    if (checkValue(payload) !== 36) return withCheckCharacter(payload);
  }
}

/** Rejection sampling: bytes ≥ 252 are redrawn so each of the 36 characters is equally likely. */
function randomAlphanumeric(length: number, random: RandomBytes): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let out = '';
  while (out.length < length) {
    const bytes = random(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < limit && out.length < length) out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return out;
}
