import { describe, expect, it } from 'vitest';
import { canonicalizeScan, tryCanonicalizeScan } from '../../../src/shared/scan/canonical';
import { makeScanEvent } from '../../../src/shared/scan/scanEvent';
import { newOwnCode } from '../../../src/shared/scan/codes';
import { AppError } from '../../../src/shared/errors';
import fc from 'fast-check';

const code = newOwnCode();
/** The same code with its check character replaced by a wrong one. */
const misread = code.slice(0, -1) + (code.at(-1) === '0' ? '1' : '0');

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return undefined;
}

describe('canonicalizeScan — what the ledger looks tags up by', () => {
  it('keeps one of our codes as it is', () => {
    expect(canonicalizeScan(code)).toBe(code);
  });

  it('accepts our code read in lower case or with Caps Lock inverted, and with the Enter still on it', () => {
    expect(canonicalizeScan(code.toLowerCase())).toBe(code);
    expect(canonicalizeScan(`${code.slice(0, 4).toLowerCase()}${code.slice(4)}\r\n`)).toBe(code);
  });

  it('rejects our code with a wrong check character as a misread ("Scan nog een keer")', () => {
    expect(errorCode(() => canonicalizeScan(misread))).toBe('MISREAD_CODE');
  });

  it.each([
    ['8712345678906', '8712345678906'], // EAN-13 on a phone box
    [' 0012345678\n', '0012345678'], // a pupil card's number, with the reader's Enter
    ['Leerling-42', 'Leerling-42'], // foreign codes keep their case
    ['IP12', 'IP12'], // starts like ours but is not our shape
  ])('passes a foreign code through trimmed: %j → %j', (raw, expected) => {
    expect(canonicalizeScan(raw)).toBe(expected);
  });

  it('upper-cases only ASCII: a dotless ı or a long ſ is not read as one of our codes', () => {
    // 'ı'.toUpperCase() is 'I' and 'ſ'.toUpperCase() is 'S': such a read is garbage, not our code.
    const dotless = `ı${code.slice(1)}`;
    expect(canonicalizeScan(dotless)).toBe(dotless);
    const withLongS = code.replace(/S/g, 'ſ');
    if (withLongS !== code) expect(canonicalizeScan(withLongS)).toBe(withLongS);
    expect(tryCanonicalizeScan(dotless)).toEqual({ ok: true, code: dotless });
  });

  it('refuses an empty read and an absurdly long one', () => {
    expect(errorCode(() => canonicalizeScan('  \r\n'))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => canonicalizeScan('x'.repeat(300)))).toBe('SCAN_TOO_LONG');
  });

  it('has a non-throwing form that still names the misread code', () => {
    const result = tryCanonicalizeScan(misread.toLowerCase());
    expect(result.ok).toBe(false);
    expect(result.code).toBe(misread);
    if (!result.ok) expect(result.error.code).toBe('MISREAD_CODE');
  });
});

describe('makeScanEvent — the one shape every source emits', () => {
  it('carries raw, canonical code, source and time', () => {
    expect(makeScanEvent('wedge', code.toLowerCase(), 1000)).toEqual({ source: 'wedge', raw: code.toLowerCase(), code, at: 1000 });
  });

  it('still emits a misread, so the screen can ask for another scan', () => {
    expect(makeScanEvent('hid', misread, 5)?.code).toBe(misread);
  });

  it('turns an NFC reader\'s output into the canonical UID when the source has a profile', () => {
    expect(makeScanEvent('hid', '1295788826\r', 1, { nfcProfile: 'decimal-reversed' })).toEqual({
      source: 'hid',
      raw: '1295788826\r',
      code: '1A2B3C4D',
      at: 1,
      nfc: true,
    });
    // a barcode read by the same device is not a UID under the profile: read as any other code
    expect(makeScanEvent('hid', code, 1, { nfcProfile: 'decimal-reversed' })).toMatchObject({ code });
    expect(makeScanEvent('hid', code, 1, { nfcProfile: 'decimal-reversed' })?.nfc).toBeUndefined();
    // a phone's random UID keeps its raw form, under which no tag is ever registered
    expect(makeScanEvent('hid', '08123456', 1, { nfcProfile: 'hex' })?.code).toBe('08123456');
  });

  it('gives codes that canonicalise to themselves, so the ledger can be handed event.code', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (raw) => {
        const event = makeScanEvent('wedge', raw, 0);
        if (event === null) return;
        const again = tryCanonicalizeScan(event.code);
        expect(again.code).toBe(event.code);
      }),
      { numRuns: 3000 },
    );
    expect(canonicalizeScan(canonicalizeScan(code.toLowerCase()))).toBe(code);
  });

  it('drops reads that can never be a tag', () => {
    expect(makeScanEvent('camera', 'https://example.org/'.padEnd(300, 'x'), 5)).toBeNull();
    expect(makeScanEvent('camera', ' ', 5)).toBeNull();
  });
});
