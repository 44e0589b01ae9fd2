import { usLayoutChar } from '../../shared/scan/usLayout';

/**
 * Recognises a keyboard-wedge scan — a barcode scanner or NFC reader that "types" its code — from
 * its speed, and keeps its characters out of whatever text field has the focus.
 *
 * ## How a key is judged
 * A scanner types a whole code at a few milliseconds per key and ends with Enter (or Tab); a
 * person needs 80–150 ms per key. So keys are collected while they keep coming quickly; when the
 * suffix arrives, the burst is a scan if it is long enough and its average gap is short enough.
 *
 * ## Why keys are withheld, and how they are given back
 * The decision is only possible at the end of the burst, but each key must be let through or
 * stopped the moment it arrives. So every candidate key is **withheld** (the DOM binding calls
 * `preventDefault()` on it) and remembered. Then either
 *  - the burst turns out to be a scan: the withheld keys are simply dropped — nothing ever reached
 *    the text field, and the suffix (Enter) is withheld too so it cannot submit a form; or
 *  - it turns out to be a person: the withheld keys are **released** through `onRelease`, and the
 *    DOM binding types them into the focused field (in order, with their own characters from the
 *    user's layout). This happens synchronously inside the handling of the key that settled the
 *    question (a slow key, Backspace, Enter), before that key's own default action — so the text
 *    field sees the characters in exactly the order they were typed. If no further key comes, a
 *    timer releases them `maxGapMs` after the last one.
 *  A person therefore sees each character appear up to `maxGapMs` (50 ms) late, which nobody
 *  notices, and a scanner's characters never land in a field.
 *
 * Keys that cannot be replayed faithfully are never withheld when they would start a burst:
 * Enter/Tab, Backspace, arrows, shortcuts (Ctrl/Alt/Meta), auto-repeat, IME composition, dead
 * keys, Space (it activates buttons), punctuation. A burst only starts with a letter or digit (or
 * the configured prefix), so using the kiosk with the keyboard is untouched apart from that small
 * delay on letters and digits. Modifier key presses (the Shift a scanner holds for capitals) are
 * passed and ignored.
 *
 * ## Layouts
 * Scanners are configured for the US layout by default. The characters of a scan are therefore
 * taken from the physical key (`KeyboardEvent.code`) through the US table, so a scan reads the same
 * on Dutch, Belgian AZERTY (where the US "Q" key types "a") and German QWERTZ (Y and Z swapped).
 * Set `keyMap: 'os'` for a scanner configured for the PC's own layout. Released (human) keys
 * always use `KeyboardEvent.key`, what the person's own layout typed.
 *
 * Pure: no DOM, timers injected, so the timing rules are unit-tested with recorded key sequences.
 */

/** The fields of a `KeyboardEvent` the detector reads; a real `KeyboardEvent` fits. */
export interface WedgeKeyEvent {
  code: string;
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  /** Milliseconds, monotonic (`performance.now()` base in a browser). */
  timeStamp: number;
  getModifierState(key: string): boolean;
}

export interface WedgeOptions {
  /** Longest pause between two keys of one scan; also how long a person's key may be held back. */
  maxGapMs: number;
  /** Largest average pause per key for a burst to count as a scan. */
  maxAvgGapMs: number;
  /** Fewest characters in a scan (after the prefix). */
  minLength: number;
  /** Most characters in a scan; a longer burst is released as typing. */
  maxLength: number;
  /** `KeyboardEvent.key` values that end a scan. */
  suffixes: readonly string[];
  /** If false, a fast burst that just stops (scanner without suffix) is a scan when the timer runs out. */
  requireSuffix: boolean;
  /** Characters the scanner is set to send first; when set, only bursts starting with it are withheld. */
  prefix: string;
  /** 'us': characters from the physical key via the US layout (default). 'os': `KeyboardEvent.key`. */
  keyMap: 'us' | 'os';
  /**
   * 'keyboard': a letter's case is Shift xor Caps Lock, as the PC would type it (default).
   * 'shift-only': Caps Lock is ignored, for scanners that do not compensate for it.
   */
  caseMode: 'keyboard' | 'shift-only';
}

export const defaultWedgeOptions: WedgeOptions = {
  maxGapMs: 50,
  maxAvgGapMs: 25,
  minLength: 4,
  maxLength: 256,
  suffixes: ['Enter', 'Tab'],
  requireSuffix: true,
  prefix: '',
  keyMap: 'us',
  caseMode: 'keyboard',
};

export interface WedgeScan {
  /** The code as the scanner meant it (prefix and suffix removed). */
  raw: string;
  keyCount: number;
  durationMs: number;
}

/** A key that was withheld and must now be typed into the field after all. */
export interface ReleasedKey {
  /** What the user's own layout typed (`KeyboardEvent.key`). */
  key: string;
  code: string;
}

export interface WedgeCallbacks {
  onScan(scan: WedgeScan): void;
  /** Types the keys after all; returns whether anything took them (false where no text field has the focus). */
  onRelease(keys: ReleasedKey[]): boolean;
}

export interface WedgeTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type KeyDecision = 'swallow' | 'pass';

export interface WedgeDetector {
  /** Call for every keydown, before anything else sees it; on 'swallow' prevent its default action. */
  handleKeyDown(event: WedgeKeyEvent): KeyDecision;
  /** Releases anything withheld now (focus left the window, the screen changes). */
  flush(): void;
  /** Drops anything withheld and stops the timer. */
  dispose(): void;
}

interface HeldKey {
  key: string;
  code: string;
  char: string;
  timeStamp: number;
}

const MODIFIER_KEYS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta', 'NumLock', 'Fn']);
const ALPHANUMERIC = /^[0-9A-Za-z]$/;

const realTimers: WedgeTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createWedgeDetector(
  options: Partial<WedgeOptions>,
  callbacks: WedgeCallbacks,
  timers: WedgeTimers = realTimers,
): WedgeDetector {
  const o: WedgeOptions = { ...defaultWedgeOptions, ...options };
  let held: HeldKey[] = [];
  let timer: unknown = null;
  /**
   * After a burst was given back part-way (Backspace, a wrong prefix, too long), the rest of that
   * burst is let through as well, until a pause or a suffix: otherwise its tail would be taken for
   * a scan of its own. Holds the time of the last key let through, or null.
   */
  let passingSince: number | null = null;
  /**
   * What the timer gave back while nothing took it (no text field had the focus, as at the door).
   * The timer runs on the page's clock, but a key carries the time the PC received it: on a busy
   * PC a scan's keys can reach the page in two parts, with a pause the scanner never made. A key
   * received within `maxGapMs` of the last one given back belongs to the same burst, which is
   * collected again instead of being lost in two halves.
   */
  let untaken: HeldKey[] | null = null;

  function clearTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  function armTimer(): void {
    clearTimer();
    timer = timers.setTimeout(() => {
      timer = null;
      // No key for maxGapMs: the burst is over without a suffix.
      if (!o.requireSuffix && isScan(held, held.at(-1)!.timeStamp)) emit();
      else {
        const keys = held;
        if (!release()) untaken = keys;
      }
    }, o.maxGapMs);
  }

  /** Gives the withheld keys back: it was a person typing. Returns whether anything took them. */
  function release(): boolean {
    clearTimer();
    untaken = null;
    if (held.length === 0) return false;
    const keys = held.map(({ key, code }) => ({ key, code }));
    held = [];
    return callbacks.onRelease(keys);
  }

  /** Takes back what the timer gave back for nothing, if this key shows the burst had not ended. */
  function resume(e: WedgeKeyEvent): void {
    const last = untaken?.at(-1);
    if (untaken && last && held.length === 0 && e.timeStamp >= last.timeStamp && e.timeStamp - last.timeStamp <= o.maxGapMs) {
      held = untaken;
    }
    untaken = null;
  }

  /** Releases a burst part-way through and lets the rest of it pass (see `passingSince`). */
  function giveBack(e: WedgeKeyEvent): void {
    if (held.length > 0) passingSince = e.timeStamp;
    release();
  }

  function emit(): void {
    clearTimer();
    const keys = held;
    held = [];
    callbacks.onScan({
      raw: keys.map((k) => k.char).join('').slice(o.prefix.length),
      keyCount: keys.length,
      durationMs: keys.at(-1)!.timeStamp - keys[0]!.timeStamp,
    });
  }

  function isScan(keys: HeldKey[], endTimeStamp: number): boolean {
    const length = keys.length - o.prefix.length;
    if (length < o.minLength || length > o.maxLength) return false;
    if (!keys.map((k) => k.char).join('').startsWith(o.prefix)) return false;
    // Average over every gap, the one before the suffix included (n keys + suffix = n gaps).
    const gaps = o.requireSuffix ? keys.length : keys.length - 1;
    return (endTimeStamp - keys[0]!.timeStamp) / Math.max(gaps, 1) <= o.maxAvgGapMs;
  }

  /** The character the scanner meant, or null if the key types nothing. */
  function charOf(e: WedgeKeyEvent): string | null {
    if (o.keyMap === 'os') return e.key.length === 1 ? e.key : null;
    const capsLock = o.caseMode === 'keyboard' && e.getModifierState('CapsLock');
    const us = usLayoutChar(e.code, { shift: e.shiftKey, capsLock });
    // When the PC's layout agrees on which letter this key is, its case is the better witness:
    // it is the same as Shift xor Caps Lock on a real keyboard, and right where Shift is not
    // reported (devices that send capitals as such, or synthetic input).
    if (o.caseMode === 'keyboard' && us !== null && e.key.length === 1 && e.key.toLowerCase() === us.toLowerCase()) {
      return e.key;
    }
    return us ?? (e.key.length === 1 ? e.key : null);
  }

  /** Whether a key may open a burst: only keys we can faithfully type back later. */
  function canStart(e: WedgeKeyEvent, char: string): boolean {
    if (e.key.length !== 1) return false; // dead keys, NumLock-off keypad keys
    if (o.prefix) return char === o.prefix[0];
    return ALPHANUMERIC.test(char);
  }

  function handleKeyDown(e: WedgeKeyEvent): KeyDecision {
    if (MODIFIER_KEYS.has(e.key)) return 'pass';
    resume(e);
    const isSuffix = o.suffixes.includes(e.key);
    if (passingSince !== null) {
      if (!isSuffix && e.timeStamp - passingSince <= o.maxGapMs) {
        passingSince = e.timeStamp;
        return 'pass';
      }
      passingSince = null;
      if (isSuffix) return 'pass';
    }
    if (e.isComposing || e.key === 'Process' || e.repeat || e.ctrlKey || e.altKey || e.metaKey) {
      giveBack(e);
      return 'pass';
    }

    if (held.length > 0 && e.timeStamp - held.at(-1)!.timeStamp > o.maxGapMs) {
      // Too slow to belong to the burst: what was held was typed by a person. The timer normally
      // got there first; this covers a busy main thread delaying it.
      release();
    }

    if (held.length === 0) {
      if (isSuffix) return 'pass';
      const char = charOf(e);
      if (char === null || !canStart(e, char)) return 'pass';
      held.push({ key: e.key, code: e.code, char, timeStamp: e.timeStamp });
      armTimer();
      return 'swallow';
    }

    if (isSuffix) {
      if (isScan(held, e.timeStamp)) {
        emit();
        return 'swallow';
      }
      release();
      return 'pass';
    }

    const char = charOf(e);
    const soFar = held.map((k) => k.char).join('') + (char ?? '');
    const prefixBroken = o.prefix !== '' && !(soFar.startsWith(o.prefix) || o.prefix.startsWith(soFar));
    if (char === null || prefixBroken || held.length >= o.maxLength + o.prefix.length) {
      // Backspace, an arrow, a wrong prefix, or an endless burst: a person (or not our scanner).
      giveBack(e);
      return 'pass';
    }
    held.push({ key: e.key, code: e.code, char, timeStamp: e.timeStamp });
    armTimer();
    return 'swallow';
  }

  return {
    handleKeyDown,
    flush: release,
    dispose() {
      clearTimer();
      held = [];
      untaken = null;
      passingSince = null;
    },
  };
}
