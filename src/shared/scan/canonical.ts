import { AppError } from '../errors';
import { isValidOwnCode, looksLikeOwnCode, normalizeOwnCode } from './codes';

/** Longer than any tag we store (and the contract's `ScanEvent.raw` limit). */
export const MAX_SCAN_LENGTH = 256;

/**
 * Turns what a reader delivered into the value tags are stored and looked up under. The ledger's
 * `scan()` service calls this on every raw code.
 *
 * - Our own codes (`IP…`, see `codes.ts`) are upper-cased — a read with Caps Lock on is the same
 *   code — and their check character is verified: a wrong one throws `MISREAD_CODE`, so a misread
 *   is never matched to another child's device.
 * - Anything else (an EAN-13 from a phone box, the number on a pupil's own card, an NFC UID as
 *   the reader typed it) is a foreign code enrolled as-is: it passes through trimmed, nothing more.
 *   Its case is kept because a foreign code's case may matter.
 *
 * NFC UIDs are not recognised here on purpose: "12345678" is as likely an EAN-8 as a hex UID, and
 * a 13-digit number as likely an EAN-13 as a decimal 7-byte UID. Only the source knows that a
 * value came from the NFC reader; it applies that reader's profile with `canonicalNfcUid()`
 * (`nfc.ts`) before the value reaches the ledger.
 */
export function canonicalizeScan(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.length === 0) throw new AppError('INVALID_ARGUMENT', { reason: 'empty scan' });
  if (trimmed.length > MAX_SCAN_LENGTH) throw new AppError('SCAN_TOO_LONG', { length: trimmed.length });
  if (looksLikeOwnCode(trimmed)) {
    if (!isValidOwnCode(trimmed)) throw new AppError('MISREAD_CODE');
    return normalizeOwnCode(trimmed);
  }
  return trimmed;
}

export type CanonicalResult =
  | { ok: true; code: string }
  | { ok: false; error: AppError; code: string };

/**
 * The non-throwing form, for scan sources: a misread still becomes a `ScanEvent` (its `code` is the
 * upper-cased read) so the screen can say "Scan nog een keer" and the debounce can
 * recognise the same misread arriving from a second source.
 */
export function tryCanonicalizeScan(raw: string): CanonicalResult {
  try {
    return { ok: true, code: canonicalizeScan(raw) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const trimmed = raw.trim();
    return { ok: false, error, code: looksLikeOwnCode(trimmed) ? normalizeOwnCode(trimmed) : trimmed };
  }
}
