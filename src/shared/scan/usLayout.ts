/**
 * The US keyboard layout, keyed by physical key (`KeyboardEvent.code`, which is layout-independent).
 *
 * Barcode scanners and NFC readers that "type" are configured for the US layout by default: they
 * send the physical key a US keyboard has for each character. On a Dutch PC (US-International, same
 * letters) that works, but on Belgian AZERTY the key a US keyboard calls Q produces "a", and on
 * German QWERTZ Y and Z are swapped. Reading the physical key and looking it up here recovers what
 * the scanner meant, whatever layout Windows has. The HID decoders use the same table, so a scanner
 * read as a keyboard or opened directly gives the same characters.
 */

const unshifted: Record<string, string> = {
  Digit1: '1', Digit2: '2', Digit3: '3', Digit4: '4', Digit5: '5',
  Digit6: '6', Digit7: '7', Digit8: '8', Digit9: '9', Digit0: '0',
  Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\',
  Semicolon: ';', Quote: "'", Backquote: '`', Comma: ',', Period: '.', Slash: '/', Space: ' ',
};

const shifted: Record<string, string> = {
  Digit1: '!', Digit2: '@', Digit3: '#', Digit4: '$', Digit5: '%',
  Digit6: '^', Digit7: '&', Digit8: '*', Digit9: '(', Digit0: ')',
  Minus: '_', Equal: '+', BracketLeft: '{', BracketRight: '}', Backslash: '|',
  Semicolon: ':', Quote: '"', Backquote: '~', Comma: '<', Period: '>', Slash: '?', Space: ' ',
};

/** The numeric keypad types the same with or without Shift (NumLock on, as scanners assume). */
const numpad: Record<string, string> = {
  Numpad0: '0', Numpad1: '1', Numpad2: '2', Numpad3: '3', Numpad4: '4',
  Numpad5: '5', Numpad6: '6', Numpad7: '7', Numpad8: '8', Numpad9: '9',
  NumpadDecimal: '.', NumpadAdd: '+', NumpadSubtract: '-', NumpadMultiply: '*', NumpadDivide: '/',
};

export interface ModifierState {
  shift: boolean;
  /** Caps Lock inverts the case of letters only, as on a real US keyboard. */
  capsLock: boolean;
}

/**
 * The character a US keyboard types for physical key `code`, or null for keys that type nothing
 * (Enter, arrows, F-keys, modifiers).
 */
export function usLayoutChar(code: string, { shift, capsLock }: ModifierState): string | null {
  if (code.length === 4 && code.startsWith('Key')) {
    const letter = code[3]!;
    if (letter < 'A' || letter > 'Z') return null;
    return shift !== capsLock ? letter : letter.toLowerCase();
  }
  return numpad[code] ?? (shift ? shifted[code] : unshifted[code]) ?? null;
}
