/**
 * HID Usage Tables 1.5, section 10 "Keyboard/Keypad Page (0x07)": usage id → the physical key's
 * `KeyboardEvent.code` name, so that `usLayoutChar()` gives the character — one US layout table
 * for the wedge and for HID.
 */
export const keyboardUsageToCode = new Map<number, string>();

for (let i = 0; i < 26; i++) keyboardUsageToCode.set(0x04 + i, `Key${String.fromCharCode(65 + i)}`); // a–z
for (let i = 0; i < 9; i++) keyboardUsageToCode.set(0x1e + i, `Digit${i + 1}`); // 1–9
keyboardUsageToCode.set(0x27, 'Digit0');

const others: Array<[number, string]> = [
  [0x28, 'Enter'], [0x29, 'Escape'], [0x2a, 'Backspace'], [0x2b, 'Tab'], [0x2c, 'Space'],
  [0x2d, 'Minus'], [0x2e, 'Equal'], [0x2f, 'BracketLeft'], [0x30, 'BracketRight'], [0x31, 'Backslash'],
  [0x33, 'Semicolon'], [0x34, 'Quote'], [0x35, 'Backquote'], [0x36, 'Comma'], [0x37, 'Period'],
  [0x38, 'Slash'], [0x39, 'CapsLock'],
  [0x54, 'NumpadDivide'], [0x55, 'NumpadMultiply'], [0x56, 'NumpadSubtract'], [0x57, 'NumpadAdd'],
  [0x58, 'NumpadEnter'], [0x62, 'Numpad0'], [0x63, 'NumpadDecimal'],
];
for (const [usage, code] of others) keyboardUsageToCode.set(usage, code);
for (let i = 0; i < 9; i++) keyboardUsageToCode.set(0x59 + i, `Numpad${i + 1}`); // keypad 1–9

export const USAGE_ENTER = 0x28;
export const USAGE_KEYPAD_ENTER = 0x58;
export const USAGE_TAB = 0x2b;
/** "Keyboard ErrorRollOver": the keyboard reports too many keys at once; the report carries no keys. */
export const USAGE_ERROR_ROLL_OVER = 0x01;

/** Modifier byte bits (HID 1.11, Appendix B.1). */
export const MOD_LEFT_CTRL = 0x01;
export const MOD_LEFT_SHIFT = 0x02;
export const MOD_LEFT_ALT = 0x04;
export const MOD_LEFT_GUI = 0x08;
export const MOD_RIGHT_CTRL = 0x10;
export const MOD_RIGHT_SHIFT = 0x20;
export const MOD_RIGHT_ALT = 0x40;
export const MOD_RIGHT_GUI = 0x80;
export const MOD_SHIFT = MOD_LEFT_SHIFT | MOD_RIGHT_SHIFT;
/** Ctrl, Alt or GUI held: a shortcut, not data. */
export const MOD_CHORD = MOD_LEFT_CTRL | MOD_LEFT_ALT | MOD_LEFT_GUI | MOD_RIGHT_CTRL | MOD_RIGHT_ALT | MOD_RIGHT_GUI;
