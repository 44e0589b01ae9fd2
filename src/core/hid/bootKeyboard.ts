import { usLayoutChar } from '../../shared/scan/usLayout';
import { MAX_HID_SCAN_BYTES, type HidReportDecoder, type HidScan } from './decoder';
import {
  MOD_CHORD,
  MOD_SHIFT,
  USAGE_ENTER,
  USAGE_ERROR_ROLL_OVER,
  USAGE_KEYPAD_ENTER,
  keyboardUsageToCode,
} from './keyboardUsages';

export interface BootKeyboardOptions {
  /** Usage ids that end a scan. Default Enter and keypad Enter; add Tab (0x2B) for readers set to a Tab suffix. */
  terminators?: readonly number[];
}

/**
 * Decodes keyboard boot-protocol input reports (HID 1.11, Appendix B.1):
 *
 *   [report id]? modifiers reserved key1 key2 key3 key4 key5 key6
 *
 * A 9-byte report carries a leading report id, which is skipped. Each report lists the keys held
 * down now; a character is typed when its key appears that was not held in the previous report
 * (scanners send a release report — all zeros — between keys, but some only change the key).
 * Shift (left 0x02, right 0x20) selects the shifted character; a key pressed with Ctrl, Alt or
 * GUI is a shortcut and not part of the code; Enter ends the scan. Characters follow the US layout,
 * which is what a reader opened directly sends regardless of the PC's keyboard setting.
 */
export function createBootKeyboardDecoder(options: BootKeyboardOptions = {}): HidReportDecoder {
  const terminators = new Set(options.terminators ?? [USAGE_ENTER, USAGE_KEYPAD_ENTER]);
  let held = new Set<number>();
  let buffer = '';

  function reset(): void {
    held = new Set();
    buffer = '';
  }

  function push(report: Uint8Array): HidScan[] {
    const body = report.length === 9 ? report.subarray(1) : report;
    if (body.length !== 8) return []; // not a boot keyboard report
    const modifiers = body[0]!;
    const keys = [...body.subarray(2)].filter((u) => u !== 0);
    // ErrorRollOver: the keyboard cannot say which keys are down; keep the previous state.
    if (keys.some((u) => u === USAGE_ERROR_ROLL_OVER)) return [];

    const scans: HidScan[] = [];
    for (const usage of keys) {
      if (held.has(usage)) continue; // still held from the previous report: not a new key press
      if ((modifiers & MOD_CHORD) !== 0) continue;
      if (terminators.has(usage)) {
        if (buffer.length > 0) scans.push({ raw: buffer, symbology: null });
        buffer = '';
        continue;
      }
      const code = keyboardUsageToCode.get(usage);
      const char = code ? usLayoutChar(code, { shift: (modifiers & MOD_SHIFT) !== 0, capsLock: false }) : null;
      if (char === null) continue;
      buffer += char;
      if (buffer.length > MAX_HID_SCAN_BYTES) buffer = '';
    }
    held = new Set(keys);
    return scans;
  }

  return { push, reset };
}
