/** One scan decoded from HID reports, before it becomes a `ScanEvent`. */
export interface HidScan {
  raw: string;
  /** The AIM symbology identifier (`]C0` Code 128, `]E0` EAN-13, `]Q1` QR) when the device sends it. */
  symbology: string | null;
}

/**
 * Turns a device's input reports, in arrival order, into scans. Stateful (a scan spans several
 * reports); `reset()` forgets a half-received scan, e.g. after the device was unplugged.
 */
export interface HidReportDecoder {
  push(report: Uint8Array): HidScan[];
  reset(): void;
}

export { hidFormats, isHidFormat, type HidFormat } from '../../shared/scan/hidFormats';

/** Longest scan we collect; more is a stuck device or garbage, and is dropped. */
export const MAX_HID_SCAN_BYTES = 4096;
