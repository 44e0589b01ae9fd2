import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CODE_ALPHABET,
  OWN_CODE_LENGTH,
  checkValue,
  isValidOwnCode,
  looksLikeOwnCode,
  newOwnCode,
  normalizeOwnCode,
  withCheckCharacter,
} from '../../../src/shared/scan/codes';

/** A deterministic byte source, so generated codes are reproducible in the test. */
function seededRandom(seed: number) {
  let s = seed >>> 0;
  return (buffer: Uint8Array<ArrayBuffer>) => {
    for (let i = 0; i < buffer.length; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      buffer[i] = s >>> 24;
    }
    return buffer;
  };
}

const sample = Array.from({ length: 200 }, (_, i) => newOwnCode(seededRandom(i + 1)));

describe('codes the app prints', () => {
  it('are IP + 8 characters + a check character, only 0-9A-Z', () => {
    for (const code of sample) {
      expect(code).toMatch(/^IP[0-9A-Z]{9}$/);
      expect(code).toHaveLength(OWN_CODE_LENGTH);
      expect(isValidOwnCode(code)).toBe(true);
    }
  });

  it('come from crypto.getRandomValues by default and do not repeat', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newOwnCode()));
    expect(codes.size).toBe(1000);
  });

  it('never need the unprintable check symbol "*"', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2000; i++) expect(newOwnCode(random).at(-1)).not.toBe('*');
  });

  it.each([
    // ISO 7064 MOD 37-2 worked by hand: p = ((p + v) * 2) mod 37 per character, check = (38 - p) mod 37.
    ['0', 1],
    ['1', 36], // would need "*": refused by withCheckCharacter, never issued
    ['A', 18], // p = 10·2 = 20; (38 − 20) mod 37
    ['IP', 27], // I=18: p = 36; P=25: p = 61·2 mod 37 = 11; (38 − 11) mod 37
  ])('computes the MOD 37-2 check value of %s', (payload, expected) => {
    expect(checkValue(payload)).toBe(expected);
  });

  it('agrees with the standard\'s weighted-sum definition: Σ v·2^(n−i) + check ≡ 1 (mod 37)', () => {
    for (const code of sample) {
      const values = [...code].map((c) => CODE_ALPHABET.indexOf(c));
      const n = values.length;
      const sum = values.reduce((acc, v, i) => (acc + v * Number(2n ** BigInt(n - 1 - i) % 37n)) % 37, 0);
      expect(sum).toBe(1);
    }
  });

  it('refuses to issue a payload whose check would be "*"', () => {
    expect(() => withCheckCharacter('1')).toThrow(RangeError);
  });

  it('accept a read made with Caps Lock on or in lower case, and surrounding whitespace', () => {
    for (const code of sample.slice(0, 20)) {
      expect(isValidOwnCode(code.toLowerCase())).toBe(true);
      expect(isValidOwnCode(` ${code}\r\n`)).toBe(true);
      expect(normalizeOwnCode(`${code.toLowerCase()}\n`)).toBe(code);
    }
  });

  it('detect every single-character substitution, check character included', () => {
    let tried = 0;
    for (const code of sample) {
      for (let i = 0; i < code.length; i++) {
        for (const c of CODE_ALPHABET) {
          if (c === code[i]) continue;
          const wrong = code.slice(0, i) + c + code.slice(i + 1);
          if (!wrong.startsWith('IP')) continue; // then it is no longer our code at all
          tried++;
          expect(isValidOwnCode(wrong), `${code} → ${wrong}`).toBe(false);
        }
      }
    }
    expect(tried).toBeGreaterThan(60_000);
  });

  it('detect every adjacent transposition, check character included', () => {
    let tried = 0;
    for (const code of sample) {
      for (let i = 0; i + 1 < code.length; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        if (!swapped.startsWith('IP')) continue;
        tried++;
        expect(isValidOwnCode(swapped), `${code} → ${swapped}`).toBe(false);
      }
    }
    expect(tried).toBeGreaterThan(1500);
  });

  it('detect substitutions and transpositions for any payload (property)', () => {
    const char = fc.constantFrom(...CODE_ALPHABET);
    fc.assert(
      fc.property(fc.array(char, { minLength: 8, maxLength: 8 }), fc.nat(10), char, (body, pos, c) => {
        const payload = `IP${body.join('')}`;
        fc.pre(checkValue(payload) !== 36);
        const code = withCheckCharacter(payload);
        const i = 2 + (pos % 9);
        if (code[i] !== c) expect(isValidOwnCode(code.slice(0, i) + c + code.slice(i + 1))).toBe(false);
        const j = Math.min(i, code.length - 2);
        if (code[j] !== code[j + 1] && j >= 2) {
          expect(isValidOwnCode(code.slice(0, j) + code[j + 1] + code[j] + code.slice(j + 2))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['IP7K2M9QXA7', true],
    ['ip7k2m9qxa7', true],
    ['IP7K2M9QXA', false], // one character short: not our shape
    ['IP7K2M9QXA7Z', false],
    ['IP7K2M9-XA4', false],
    ['8712345678906', false], // an EAN-13
    ['XP7K2M9QXA4', false],
  ])('recognise the shape of an own code: %s → %s', (raw, shaped) => {
    expect(looksLikeOwnCode(raw)).toBe(shaped);
  });
});
