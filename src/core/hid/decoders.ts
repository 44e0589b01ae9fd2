import { createBootKeyboardDecoder } from './bootKeyboard';
import type { HidFormat, HidReportDecoder } from './decoder';
import { createHidPosDecoder } from './hidPos';

/** The decoder for a configured reader format. */
export function createDecoder(format: HidFormat): HidReportDecoder {
  return format === 'boot' ? createBootKeyboardDecoder() : createHidPosDecoder();
}

/** Parses one report written as hex ("02 0b 5d 43 30 …", "020b5d4330…", "02:0b:…"); null if it is not hex. */
export function parseHexReport(line: string): Uint8Array | null {
  const hex = line.trim().replace(/^0x/i, '').replace(/[\s:,-]|0x/gi, '');
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
