import type { WedgeKeyEvent } from '../../../src/renderer/scan/wedgeDetector';

/**
 * What a US-configured scanner sends for a character: the physical key a US keyboard has for it,
 * with Shift for capitals — and what each PC layout makes of that key (`KeyboardEvent.key`).
 */
export type Layout = 'us' | 'be-azerty' | 'de-qwertz';

interface Stroke {
  code: string;
  shift: boolean;
}

export function usStroke(char: string): Stroke {
  if (/[a-z]/.test(char)) return { code: `Key${char.toUpperCase()}`, shift: false };
  if (/[A-Z]/.test(char)) return { code: `Key${char}`, shift: true };
  if (/[0-9]/.test(char)) return { code: `Digit${char}`, shift: false };
  const other: Record<string, Stroke> = {
    '-': { code: 'Minus', shift: false },
    '.': { code: 'Period', shift: false },
    ' ': { code: 'Space', shift: false },
    '/': { code: 'Slash', shift: false },
  };
  const stroke = other[char];
  if (!stroke) throw new Error(`no US stroke for ${char}`);
  return stroke;
}

const azertyLetters: Record<string, string> = { KeyQ: 'a', KeyA: 'q', KeyW: 'z', KeyZ: 'w', KeyM: ',' };
const azertyShiftedLetters: Record<string, string> = { KeyM: '?' };
const azertyDigits = ['à', '&', 'é', '"', "'", '(', '§', 'è', '!', 'ç']; // Digit0…Digit9 without Shift

/** The `key` a layout produces for a physical key (only the keys the tests use). */
export function keyOn(layout: Layout, code: string, shift: boolean, capsLock = false): string {
  if (code.startsWith('Key')) {
    let letter = code.slice(3).toLowerCase();
    if (layout === 'be-azerty') {
      if (shift && azertyShiftedLetters[code]) return azertyShiftedLetters[code]!;
      letter = azertyLetters[code] ?? letter;
      if (!/[a-z]/.test(letter)) return letter;
    }
    if (layout === 'de-qwertz') letter = { y: 'z', z: 'y' }[letter] ?? letter;
    return shift !== capsLock ? letter.toUpperCase() : letter;
  }
  if (code.startsWith('Digit')) {
    const d = Number(code.slice(5));
    if (layout === 'be-azerty') return shift ? String(d) : azertyDigits[d]!;
    if (shift) return ')!@#$%^&*('[d]!;
    return String(d);
  }
  if (code.startsWith('Numpad')) return code.slice(6);
  return { Minus: '-', Period: '.', Space: ' ', Slash: '/', Enter: 'Enter', Tab: 'Tab', Backspace: 'Backspace' }[code] ?? code;
}

export function keyEvent(
  partial: Partial<WedgeKeyEvent> & { code: string; key: string },
  timeStamp: number,
  capsLock = false,
): WedgeKeyEvent {
  return {
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    repeat: false,
    isComposing: false,
    ...partial,
    timeStamp,
    getModifierState: (k) => (k === 'CapsLock' ? capsLock : false),
  };
}

/**
 * The keydown events for `text` typed through a US-configured device on `layout`, one key every
 * `gaps(i)` ms from `start`, followed by Enter; a Shift keydown precedes each capital, as
 * scanners really send it. Times are absolute.
 */
export function typing(
  text: string,
  { layout = 'us' as Layout, start = 0, gap = 5 as number | ((i: number) => number), suffix = 'Enter' as string | null, capsLock = false } = {},
): WedgeKeyEvent[] {
  const events: WedgeKeyEvent[] = [];
  let t = start;
  const gapAt = (i: number) => (typeof gap === 'number' ? gap : gap(i));
  [...text].forEach((char, i) => {
    if (i > 0) t += gapAt(i);
    const { code, shift } = usStroke(char);
    if (shift) events.push(keyEvent({ code: 'ShiftLeft', key: 'Shift', shiftKey: true }, t - 1, capsLock));
    events.push(keyEvent({ code, key: keyOn(layout, code, shift, capsLock), shiftKey: shift }, t, capsLock));
  });
  if (suffix) {
    t += gapAt(text.length);
    events.push(keyEvent({ code: suffix, key: suffix }, t, capsLock));
  }
  return events;
}
