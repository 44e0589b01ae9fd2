/**
 * Which keyboard shortcuts the kiosk swallows, as a pure function over the fields of Electron's
 * `before-input-event` input, so the policy is unit-tested without Electron.
 *
 * In kiosk mode the app menu is removed (Electron's default menu carries Ctrl+Q quit, Ctrl+R
 * reload, Ctrl+M minimise, Ctrl+Shift+I DevTools) and these are refused before the page sees
 * them: nothing a pupil can type at the door quits, reloads, minimises, zooms, opens DevTools or
 * a new window. Leaving the kiosk goes through Settings and an administrator's PIN only. Printing
 * (Ctrl+P, for a receipt) and ordinary typing stay.
 */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** Letters that do something to the window or the app when pressed with Ctrl (or Cmd on macOS). */
const WINDOW_LETTERS = new Set(['q', 'w', 'r', 'm', 'n', 't', 'h', 'o', 's', 'u', 'j', 'g', 'f', 'l', 'd', 'k']);
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const FUNCTION_KEYS = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F11', 'F12']);

export function blockedInKiosk(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (FUNCTION_KEYS.has(key)) return true;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  const command = input.control || input.meta;
  if (!command) return false;
  if (input.shift && (key === 'i' || key === 'j' || key === 'c' || key === 'r' || key === 'delete' || key === 'Delete')) return true;
  if (input.alt && key === 'i') return true; // DevTools on macOS (Cmd+Alt+I)
  return WINDOW_LETTERS.has(key) || ZOOM_KEYS.has(key);
}
