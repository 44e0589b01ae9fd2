import type { ScanEvent, ScanSource } from '../contract/events';
import { AppError } from '../errors';
import { MAX_SCAN_LENGTH, tryCanonicalizeScan } from './canonical';
import { canonicalNfcUid, type NfcProfile } from './nfc';

export interface ScanEventOptions {
  /**
   * Set when this source is an NFC reader with a known input profile: a value that parses as a UID
   * under it becomes the canonical UID. Anything else (the reader also reads a barcode, say) goes
   * the normal way. Only a source that knows it is the NFC reader may set this — see canonical.ts.
   */
  nfcProfile?: NfcProfile;
}

/**
 * Builds the one `ScanEvent` shape every source (wedge, HID, camera, CLI) emits. `code` is what
 * the ledger's `scan()` should be given: `canonicalizeScan(code) === code` for every code made here.
 *
 * Returns null for reads that can never be a tag — empty, or longer than the contract allows
 * (a QR code holding a web address, say) — so sources drop them instead of failing validation.
 * A misread of one of our own codes is still an event: the screen must say "scan again".
 */
export function makeScanEvent(source: ScanSource, raw: string, at: number, options: ScanEventOptions = {}): ScanEvent | null {
  if (raw.length > MAX_SCAN_LENGTH || raw.trim().length === 0) return null;
  const read = codeOf(raw, options);
  return { source, raw, code: read.code, at, ...(read.nfc ? { nfc: true } : {}) };
}

function codeOf(raw: string, { nfcProfile }: ScanEventOptions): { code: string; nfc: boolean } {
  if (nfcProfile) {
    try {
      return { code: canonicalNfcUid(raw, nfcProfile), nfc: true };
    } catch (error) {
      // A refused UID (random, cascade) keeps its raw form: no tag is registered under it, so the
      // ledger answers "unknown tag". A value that is no UID at all is read as any other code.
      if (error instanceof AppError && error.code !== 'INVALID_NFC_UID') return { code: raw.trim(), nfc: false };
    }
  }
  return { code: tryCanonicalizeScan(raw).code, nfc: false };
}
