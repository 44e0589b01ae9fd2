import { describe, expect, it } from 'vitest';
import { createBootKeyboardDecoder } from '../../../src/core/hid/bootKeyboard';

/** A boot keyboard report: modifiers, reserved, up to six usage ids. */
const report = (modifiers: number, ...usages: number[]) => Uint8Array.from([modifiers, 0, ...usages, 0, 0, 0, 0, 0, 0].slice(0, 8));
const release = report(0);
const SHIFT = 0x02;
const RSHIFT = 0x20;
const ENTER = 0x28;

/** Types `text` the way a scanner does: press, release, press, release…, then Enter. */
function typed(text: string, modifiersFor: (c: string) => number = (c) => (/[A-Z]/.test(c) ? SHIFT : 0)): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const c of text) {
    out.push(report(modifiersFor(c), usageOf(c)), release);
  }
  out.push(report(0, ENTER), release);
  return out;
}

function usageOf(c: string): number {
  if (/[a-z]/i.test(c)) return 0x04 + c.toUpperCase().charCodeAt(0) - 65;
  if (c === '0') return 0x27;
  if (/[1-9]/.test(c)) return 0x1e + Number(c) - 1;
  throw new Error(c);
}

function decodeAll(reports: Uint8Array[]) {
  const decoder = createBootKeyboardDecoder();
  return reports.flatMap((r) => decoder.push(r)).map((s) => s.raw);
}

describe('keyboard boot-protocol reports (a reader opened directly as HID)', () => {
  // From the HID Usage Tables, Keyboard/Keypad page 0x07.
  it.each([
    [0x04, 'a'], [0x1d, 'z'], [0x1e, '1'], [0x26, '9'], [0x27, '0'], [0x2d, '-'], [0x2c, ' '],
    [0x37, '.'], [0x38, '/'], [0x59, '1'], [0x62, '0'], [0x63, '.'],
  ])('usage id %d (decimal) types %j', (usage, char) => {
    expect(decodeAll([report(0, usage), release, report(0, ENTER)])).toEqual([char]);
  });

  it.each([
    [SHIFT, 0x04, 'A'], [RSHIFT, 0x1d, 'Z'], [SHIFT, 0x1e, '!'], [SHIFT, 0x27, ')'], [SHIFT, 0x2d, '_'],
  ])('with modifier byte %d and usage id %d types %j', (mods, usage, char) => {
    expect(decodeAll([report(mods, usage), release, report(0, ENTER)])).toEqual([char]);
  });

  it('reads one of our codes typed with Shift for the letters', () => {
    expect(decodeAll(typed('IP7K2M9QXA7'))).toEqual(['IP7K2M9QXA7']);
  });

  it('reads two scans in a row', () => {
    expect(decodeAll([...typed('IP7K2M9QXA7'), ...typed('8712345678906')])).toEqual(['IP7K2M9QXA7', '8712345678906']);
  });

  it('types a repeated character only when the key was released in between', () => {
    // "11" needs a release report between the two presses; a key still held is not pressed again.
    expect(decodeAll([report(0, 0x1e), release, report(0, 0x1e), report(0, 0x1e), release, report(0, ENTER)])).toEqual(['11']);
  });

  it('also reads scanners that change keys without a release report in between', () => {
    expect(decodeAll([report(0, 0x1e), report(0, 0x1f), report(0, 0x20), report(0, ENTER)])).toEqual(['123']);
  });

  it('reads several new keys in one report in slot order', () => {
    expect(decodeAll([report(0, 0x1e, 0x1f, 0x20), release, report(0, ENTER)])).toEqual(['123']);
  });

  it('skips a leading report id byte (9-byte reports)', () => {
    const withId = typed('AB12').map((r) => Uint8Array.from([0x01, ...r]));
    expect(decodeAll(withId)).toEqual(['AB12']);
  });

  it('ignores Ctrl, Alt and GUI chords: they are shortcuts, not data', () => {
    expect(
      decodeAll([
        report(0x01, 0x06), release, // Ctrl+C
        report(0x04, 0x2b), release, // Alt+Tab
        report(0x08, 0x15), release, // GUI+R
        report(0x40, 0x08), release, // AltGr+E
        report(0, 0x04), release, report(0, ENTER),
      ]),
    ).toEqual(['a']);
  });

  it('ignores ErrorRollOver reports and keeps the keys it knew were held', () => {
    const rollOver = report(0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01);
    expect(decodeAll([report(0, 0x1e), rollOver, report(0, 0x1e), release, report(0, ENTER)])).toEqual(['1']);
  });

  it('does not emit a scan for a lone Enter and ignores keys that type nothing', () => {
    expect(decodeAll([report(0, ENTER), release, report(0, 0x29), release, report(0, 0x39), release])).toEqual([]);
  });

  it('ends a scan on keypad Enter too, and on Tab when configured', () => {
    expect(decodeAll([report(0, 0x1e), release, report(0, 0x58)])).toEqual(['1']);
    const tab = createBootKeyboardDecoder({ terminators: [0x2b] });
    expect([report(0, 0x1e), release, report(0, 0x2b)].flatMap((r) => tab.push(r)).map((s) => s.raw)).toEqual(['1']);
  });

  it('ignores reports of the wrong size and forgets a half scan on reset', () => {
    const decoder = createBootKeyboardDecoder();
    expect(decoder.push(Uint8Array.from([0, 0, 0x1e]))).toEqual([]);
    decoder.push(report(0, 0x1e));
    decoder.push(release);
    decoder.reset();
    expect([report(0, 0x1f), release, report(0, ENTER)].flatMap((r) => decoder.push(r))).toEqual([{ raw: '2', symbology: null }]);
  });
});
