/**
 * How a directly opened HID reader reports: `boot`, a reader that is a keyboard (boot protocol);
 * `hidpos`, a HID-POS barcode scanner (usage page 0x8C). Shared so settings can validate it.
 */
export const hidFormats = ['boot', 'hidpos'] as const;
export type HidFormat = (typeof hidFormats)[number];

export function isHidFormat(value: unknown): value is HidFormat {
  return typeof value === 'string' && (hidFormats as readonly string[]).includes(value);
}
