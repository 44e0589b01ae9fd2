import { useEffect, useRef } from 'react';
import type { ScanEvent } from '../../shared/contract/events';
import { makeScanEvent, type ScanEventOptions } from '../../shared/scan/scanEvent';
import { createWedgeDetector, type ReleasedKey, type WedgeOptions } from './wedgeDetector';

/**
 * Listens for keyboard-wedge scans anywhere in the window, whatever has the focus, and turns them
 * into `ScanEvent`s (source 'wedge'). The listener sits on `window` in the capture phase, so it
 * sees every key before the focused element or React does, and stops the keys that belong to a
 * scan from going any further. Returns a function that removes it.
 */
export type WedgeScannerOptions = Partial<WedgeOptions> & ScanEventOptions;

export function attachWedgeScanner(
  target: Window,
  onScan: (event: ScanEvent) => void,
  options: WedgeScannerOptions = {},
): () => void {
  // An NFC profile here applies to every wedge scan: set it only when the wedge device is an NFC
  // reader, or give that reader a prefix and use a second listener (see canonical.ts).
  const eventOptions: ScanEventOptions = options.nfcProfile ? { nfcProfile: options.nfcProfile } : {};
  const detector = createWedgeDetector(options, {
    onScan: (scan) => {
      const event = makeScanEvent('wedge', scan.raw, Date.now(), eventOptions);
      if (event) onScan(event);
    },
    onRelease: (keys) => typeIntoFocusedField(target.document, keys),
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (detector.handleKeyDown(event) === 'swallow') {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  };
  // Focus leaving the window (or the kiosk switching screens) gives back what is withheld.
  const onBlur = () => detector.flush();

  target.addEventListener('keydown', onKeyDown, { capture: true });
  target.addEventListener('blur', onBlur);
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    target.removeEventListener('blur', onBlur);
    detector.dispose();
  };
}

/** React: listen for wedge scans while the component is mounted. `onScan` may change freely. */
export function useWedgeScanner(onScan: (event: ScanEvent) => void, options: WedgeScannerOptions = {}): void {
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);
  // Options are read once per mount: a scanner's settings do not change while a screen is open.
  const optionsRef = useRef(options);
  useEffect(() => attachWedgeScanner(window, (event) => handler.current(event), optionsRef.current), []);
}

/**
 * Types keys a person pressed, which the detector held back, into the focused text field after all.
 * `execCommand('insertText')` is deprecated but it is the one API that inserts like real typing:
 * at the caret, replacing a selection, honouring maxlength, with undo, and firing the
 * `beforeinput`/`input` events React's onChange listens to. Where it is refused, `setRangeText`
 * plus an `input` event does the same for inputs and textareas. Outside a text field the keys had
 * nothing to do: letters and digits on a button or the page do nothing in the kiosk. Returns
 * whether a field took them.
 */
function typeIntoFocusedField(document: Document, keys: ReleasedKey[]): boolean {
  const text = keys.map((k) => (k.key.length === 1 ? k.key : '')).join('');
  const element = document.activeElement;
  if (!text || !element || !isTextField(element)) return false;
  if (document.execCommand('insertText', false, text)) return true;
  if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA') {
    const field = element as HTMLInputElement | HTMLTextAreaElement;
    try {
      const start = field.selectionStart ?? field.value.length;
      const end = field.selectionEnd ?? field.value.length;
      field.setRangeText(text, start, end, 'end');
      field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      return true;
    } catch {
      // type=number/email have no selection API; such fields do not take scanner-like input anyway.
    }
  }
  return false;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', '']);

/** By tag name rather than `instanceof`, so it also holds for elements from another frame. */
function isTextField(element: Element): boolean {
  if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') {
    const field = element as HTMLInputElement | HTMLTextAreaElement;
    if (field.readOnly || field.disabled) return false;
    return element.tagName === 'TEXTAREA' || TEXT_INPUT_TYPES.has((field as HTMLInputElement).type);
  }
  return (element as HTMLElement).isContentEditable === true;
}
