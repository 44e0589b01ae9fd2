import { MAX_HID_SCAN_BYTES, type HidReportDecoder, type HidScan } from './decoder';

export interface HidPosOptions {
  /**
   * The input report id of scanned data (Honeywell, Zebra, Access-IS and others use 0x02).
   * Reports with another id (status, feature echoes) are ignored. Null when the device declares
   * no report ids, so reports start directly with the length byte.
   */
  reportId?: number | null;
}

/**
 * Decodes HID-POS barcode scanner input reports (usage page 0x8C, "Bar Code Scanner"), in the
 * layout these scanners share:
 *
 *   byte 0      report id (0x02)
 *   byte 1      number of data bytes in this report
 *   bytes 2–4   AIM symbology identifier, e.g. "]C0" (Code 128), "]E0" (EAN-13), "]Q1" (QR)
 *   bytes 5…    data, zero-padded
 *   last 3      vendor symbology id, reserved, and a last byte whose bit 0 says more reports follow
 *
 * A code longer than one report (56 data bytes in a 64-byte report) arrives in several reports
 * with the continuation bit set in all but the last; they are joined. The data is read as UTF-8
 * (QR codes may carry it); a trailing CR/LF suffix some scanners add is dropped.
 */
export function createHidPosDecoder(options: HidPosOptions = {}): HidReportDecoder {
  const reportId = options.reportId === undefined ? 0x02 : options.reportId;
  const offset = reportId === null ? 0 : 1;
  const utf8 = new TextDecoder('utf-8');
  let parts: Uint8Array[] = [];
  let size = 0;
  let symbology: string | null = null;

  function reset(): void {
    parts = [];
    size = 0;
    symbology = null;
  }

  function push(report: Uint8Array): HidScan[] {
    if (reportId !== null && report[0] !== reportId) return [];
    if (report.length < offset + 5) return [];
    const length = report[offset]!;
    const dataStart = offset + 4;
    // Trust the length byte, but never read into the trailer's continuation byte.
    const dataEnd = Math.min(dataStart + length, report.length - 1);
    if (parts.length === 0) symbology = aimIdentifier(report.subarray(offset + 1, offset + 4));
    const data = report.slice(dataStart, Math.max(dataStart, dataEnd));
    parts.push(data);
    size += data.length;
    if (size > MAX_HID_SCAN_BYTES) {
      reset();
      return [];
    }
    const more = (report[report.length - 1]! & 0x01) === 0x01;
    if (more) return [];

    const joined = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    const scan: HidScan = { raw: utf8.decode(joined).replace(/[\r\n\0]+$/, ''), symbology };
    reset();
    return scan.raw.length > 0 ? [scan] : [];
  }

  return { push, reset };
}

/** "]" followed by two printable characters, else unknown. */
function aimIdentifier(bytes: Uint8Array): string | null {
  if (bytes.length !== 3 || bytes[0] !== 0x5d) return null;
  if (bytes[1]! < 0x21 || bytes[1]! > 0x7e || bytes[2]! < 0x21 || bytes[2]! > 0x7e) return null;
  return String.fromCharCode(...bytes);
}
