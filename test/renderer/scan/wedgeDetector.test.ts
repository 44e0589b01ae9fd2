import { describe, expect, it } from 'vitest';
import {
  createWedgeDetector,
  type KeyDecision,
  type WedgeKeyEvent,
  type WedgeOptions,
  type WedgeTimers,
} from '../../../src/renderer/scan/wedgeDetector';
import { keyEvent, typing } from './keyboards';

/**
 * Plays recorded key events through the detector against a fake clock, and models the focused
 * text field: a passed printable key lands in it at once, released keys land when released, a
 * passed Enter is written as "⏎" (it would submit the form). With `fieldFocused: false` nothing
 * has the focus (the door): released keys go nowhere.
 */
function kiosk(options: Partial<WedgeOptions> = {}, { fieldFocused = true } = {}) {
  let now = 0;
  let pending: Array<{ at: number; callback: () => void; id: number }> = [];
  let nextId = 1;
  const timers: WedgeTimers = {
    setTimeout: (callback, ms) => {
      const id = nextId++;
      pending.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout: (id) => {
      pending = pending.filter((p) => p.id !== id);
    },
  };
  const scans: string[] = [];
  let field = '';
  const releases: number[] = [];
  const detector = createWedgeDetector(
    options,
    {
      onScan: (scan) => scans.push(scan.raw),
      onRelease: (keys) => {
        releases.push(now);
        if (fieldFocused) field += keys.map((k) => k.key).join('');
        return fieldFocused;
      },
    },
    timers,
  );

  function advanceTo(t: number) {
    for (;;) {
      const due = pending.filter((p) => p.at <= t).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      pending = pending.filter((p) => p !== due);
      now = due.at;
      due.callback();
    }
    now = Math.max(now, t);
  }

  /** Each key reaches the page when the PC received it, or later where `arrival` says so (a busy PC). */
  function play(events: WedgeKeyEvent[], arrival: (e: WedgeKeyEvent, i: number) => number = (e) => e.timeStamp): KeyDecision[] {
    return events.map((e, i) => {
      advanceTo(arrival(e, i));
      const decision = detector.handleKeyDown(e);
      if (decision === 'pass') {
        if (e.key.length === 1) field += e.key;
        else if (e.key === 'Enter') field += '⏎';
        else if (e.key === 'Tab') field += '⇥';
        else if (e.key === 'Backspace') field = field.slice(0, -1);
      }
      return decision;
    });
  }

  return {
    play,
    /** Let time pass with no keys. */
    wait: (ms: number) => advanceTo(now + ms),
    scans,
    releases,
    get field() {
      return field;
    },
    get timersPending() {
      return pending.length;
    },
    detector,
  };
}

const CODE = 'IP7K2M9QXA7';

/** At 4 ms per key, everything after the fifth character reaches the page 300 ms late. */
const afterFifthLate = (e: WedgeKeyEvent) => (e.timeStamp > 16 ? e.timeStamp + 300 : e.timeStamp);

describe('telling a scanner from a person by speed', () => {
  it('a code typed at 5 ms per key is a scan; nothing reaches the text field', () => {
    const k = kiosk();
    const decisions = k.play(typing(CODE, { gap: 5 }));
    expect(k.scans).toEqual([CODE]);
    expect(k.field).toBe('');
    // every character and the Enter withheld; only the Shift presses went through
    expect(decisions.filter((d) => d === 'swallow')).toHaveLength(CODE.length + 1);
  });

  it('the same code typed at 120 ms per key is a person: every character reaches the field, then Enter', () => {
    const k = kiosk();
    k.play(typing(CODE, { gap: 120 }));
    k.wait(1000);
    expect(k.scans).toEqual([]);
    expect(k.field).toBe(`${CODE}⏎`);
  });

  it.each([80, 100, 150])('a person at %i ms per key is never taken for a scanner', (gap) => {
    const k = kiosk();
    k.play(typing('juf Annemiek 42', { gap }));
    k.wait(1000);
    expect(k.scans).toEqual([]);
    expect(k.field).toBe('juf Annemiek 42⏎');
  });

  it('a person\'s key is held back at most 50 ms', () => {
    const k = kiosk();
    k.play(typing('ab', { gap: 120, start: 1000, suffix: null }));
    k.wait(500);
    expect(k.releases).toEqual([1050, 1170]);
  });

  it('a slower scanner at 20 ms per key, or one with a 45 ms hiccup, is still a scan', () => {
    const slow = kiosk();
    slow.play(typing(CODE, { gap: 20 }));
    expect(slow.scans).toEqual([CODE]);
    const hiccup = kiosk();
    hiccup.play(typing(CODE, { gap: (i) => (i === 5 ? 45 : 4) }));
    expect(hiccup.scans).toEqual([CODE]);
  });

  it('a pause longer than 50 ms splits a burst: what came before it is typing', () => {
    const k = kiosk();
    k.play(typing(CODE, { gap: (i) => (i === 5 ? 70 : 4) }));
    expect(k.field).toBe('IP7K2');
    // The tail is a fast burst with Enter of its own; it is not one of our codes, so the ledger
    // will report an unknown tag rather than match anything.
    expect(k.scans).toEqual(['M9QXA7']);
  });

  it('a scan that reaches the door in two parts on a busy PC is still one scan: its keys were received close together', () => {
    const k = kiosk({}, { fieldFocused: false });
    const keys = typing(CODE, { gap: 4 });
    // The page is held up after the fifth character (at 16 ms), long enough for the timer to give the keys back.
    k.play(keys, afterFifthLate);
    expect(k.releases).toHaveLength(1);
    expect(k.scans).toEqual([CODE]);
  });

  it('also when only the Enter comes late', () => {
    const k = kiosk({}, { fieldFocused: false });
    const keys = typing(CODE, { gap: 4 });
    k.play(keys, (e, i) => (i === keys.length - 1 ? e.timeStamp + 300 : e.timeStamp));
    expect(k.scans).toEqual([CODE]);
  });

  it('a key received after a real pause does not join what was given back', () => {
    const k = kiosk({}, { fieldFocused: false });
    k.play(typing(CODE, { gap: (i) => (i === 5 ? 70 : 4) }));
    expect(k.scans).toEqual(['M9QXA7']);
  });

  it('keys a text field already took are not taken back, even if the rest comes late', () => {
    const k = kiosk();
    k.play(typing(CODE, { gap: 4 }), afterFifthLate);
    expect(k.field).toBe('IP7K2');
    expect(k.scans).toEqual(['M9QXA7']);
  });

  it('a short fast burst (two keys rolled over by a fast typist) goes to the field in order, before the Enter', () => {
    const k = kiosk();
    k.play(typing('ok', { gap: 12 }));
    expect(k.scans).toEqual([]);
    expect(k.field).toBe('ok⏎');
  });

  it('a person typing, then a scan, then the person again: each goes where it belongs', () => {
    const k = kiosk();
    k.play(typing('groep', { gap: 110, start: 0, suffix: null }));
    k.play(typing(CODE, { gap: 5, start: 1000 }));
    k.play(typing('7b', { gap: 130, start: 2000, suffix: null }));
    k.wait(1000);
    expect(k.scans).toEqual([CODE]);
    expect(k.field).toBe('groep7b');
  });

  it('two scans back to back are two scans', () => {
    const k = kiosk();
    k.play([...typing(CODE, { gap: 5 }), ...typing('8712345678906', { gap: 5, start: 300 })]);
    expect(k.scans).toEqual([CODE, '8712345678906']);
  });

  it('a fast burst broken by Backspace is a person editing: released, then the Backspace acts', () => {
    const k = kiosk();
    k.play([...typing('abcd', { gap: 8, suffix: null }), keyEvent({ code: 'Backspace', key: 'Backspace' }, 40)]);
    expect(k.field).toBe('abc');
    expect(k.scans).toEqual([]);
  });

  it('after such a break the rest of the burst goes to the field too, not into a scan', () => {
    const k = kiosk();
    k.play([
      ...typing('ab', { gap: 8, suffix: null }),
      keyEvent({ code: 'Backspace', key: 'Backspace' }, 16),
      ...typing('cdefgh', { gap: 8, start: 24 }),
    ]);
    expect(k.scans).toEqual([]);
    expect(k.field).toBe('acdefgh⏎');
  });

  it('shortcuts (Ctrl+V) are never withheld and end a burst', () => {
    const k = kiosk();
    const decisions = k.play([
      ...typing('ab', { gap: 8, suffix: null }),
      keyEvent({ code: 'KeyV', key: 'v', ctrlKey: true }, 20),
    ]);
    expect(decisions.at(-1)).toBe('pass');
    expect(k.field).toBe('abv'); // the model field types the passed key; a browser would paste
  });

  it('Space, punctuation, Enter and arrows are never held back when nothing is being collected', () => {
    const k = kiosk();
    const decisions = k.play([
      keyEvent({ code: 'Space', key: ' ' }, 0),
      keyEvent({ code: 'Period', key: '.' }, 200),
      keyEvent({ code: 'Enter', key: 'Enter' }, 400),
      keyEvent({ code: 'ArrowDown', key: 'ArrowDown' }, 600),
      keyEvent({ code: 'KeyA', key: 'a', repeat: true }, 800),
      keyEvent({ code: 'KeyA', key: 'Process', isComposing: true }, 900),
      keyEvent({ code: 'BracketLeft', key: 'Dead' }, 1000),
    ]);
    expect(decisions.every((d) => d === 'pass')).toBe(true);
  });

  it('focus leaving the window gives back what is held; dispose drops it', () => {
    const k = kiosk();
    k.play(typing('ab', { gap: 8, suffix: null }));
    k.detector.flush();
    expect(k.field).toBe('ab');
    k.play(typing('cd', { gap: 8, suffix: null, start: 100 }));
    k.detector.dispose();
    k.wait(1000);
    expect(k.field).toBe('ab');
    expect(k.timersPending).toBe(0);
  });
});

describe('keyboard layouts: a US-configured scanner reads the same everywhere', () => {
  it('Belgian AZERTY: the US "Q" key types "a" and the digits need Shift, yet the scan reads right', () => {
    const events = typing(CODE, { layout: 'be-azerty', gap: 5 });
    // what Windows would have typed into a text field:
    expect(events.filter((e) => e.key.length === 1).map((e) => e.key).join('')).toBe('IPèKé?çAXQè');
    const k = kiosk();
    k.play(events);
    expect(k.scans).toEqual([CODE]);
  });

  it('Belgian AZERTY: digits, lower-case letters and the A/Q, Z/W swaps', () => {
    const k = kiosk();
    k.play(typing('qazw1234567890', { layout: 'be-azerty', gap: 5 }));
    expect(k.scans).toEqual(['qazw1234567890']);
  });

  it('German QWERTZ: Y and Z swapped on the keyboard, not in the scan', () => {
    const k = kiosk();
    k.play(typing('XYZ-yz.90', { layout: 'de-qwertz', gap: 5 }));
    expect(k.scans).toEqual(['XYZ-yz.90']);
  });

  it('a person on AZERTY gets their own characters back, not the US ones', () => {
    const k = kiosk();
    k.play(typing('q1', { layout: 'be-azerty', gap: 120 })); // keys KeyQ, Digit1
    k.wait(500);
    expect(k.field).toBe('a&⏎');
  });

  it('capitals sent without Shift (some devices, and synthetic input) keep their case', () => {
    const k = kiosk();
    k.play([
      ...['I', 'P', 'x', '4'].map((c, i) =>
        keyEvent({ code: /\d/.test(c) ? `Digit${c}` : `Key${c.toUpperCase()}`, key: c }, i * 5),
      ),
      keyEvent({ code: 'Enter', key: 'Enter' }, 20),
    ]);
    expect(k.scans).toEqual(['IPx4']);
  });

  it('numeric keypad digits are digits', () => {
    const k = kiosk();
    k.play([
      ...['1', '2', '3', '4', '5'].map((d, i) => keyEvent({ code: `Numpad${d}`, key: d }, i * 5)),
      keyEvent({ code: 'NumpadEnter', key: 'Enter' }, 25),
    ]);
    expect(k.scans).toEqual(['12345']);
  });

  it('with Caps Lock on, letters come out inverted as the PC types them (our codes are upper-cased later)', () => {
    const k = kiosk();
    k.play(typing('IP7k', { gap: 5, capsLock: true }));
    expect(k.scans).toEqual(['ip7K']);
  });

  it("'shift-only' ignores Caps Lock, for scanners that do not compensate for it", () => {
    const k = kiosk({ caseMode: 'shift-only' });
    k.play(typing('IP7k', { gap: 5, capsLock: true }));
    expect(k.scans).toEqual(['IP7k']);
  });

  it("keyMap 'os' takes the PC's own characters, for a scanner set to the local layout", () => {
    const k = kiosk({ keyMap: 'os' });
    k.play(typing('qa', { layout: 'be-azerty', gap: 5, suffix: null }).concat(typing('12', { gap: 5, start: 10 })));
    expect(k.scans).toEqual(['aq12']);
  });
});

describe('scanner settings', () => {
  it('a Tab suffix ends a scan as well as Enter', () => {
    const k = kiosk();
    k.play(typing(CODE, { gap: 5, suffix: 'Tab' }));
    expect(k.scans).toEqual([CODE]);
    expect(k.field).toBe('');
  });

  it('a scanner without suffix: the burst ends when the keys stop', () => {
    const k = kiosk({ requireSuffix: false });
    k.play(typing(CODE, { gap: 5, suffix: null }));
    expect(k.scans).toEqual([]);
    k.wait(60);
    expect(k.scans).toEqual([CODE]);
    expect(k.field).toBe('');
  });

  it('with a suffix required, a fast burst that just stops is released (a paste-like burst, not a scan)', () => {
    const k = kiosk();
    k.play(typing(CODE, { gap: 5, suffix: null }));
    k.wait(60);
    expect(k.scans).toEqual([]);
    expect(k.field).toBe(CODE);
  });

  it('fewer than minLength characters is not a scan', () => {
    const k = kiosk({ minLength: 6 });
    k.play(typing('12345', { gap: 5 }));
    expect(k.scans).toEqual([]);
    expect(k.field).toBe('12345⏎');
  });

  it('with a prefix, only bursts that start with it are held; a person typing letters is not delayed at all', () => {
    const k = kiosk({ prefix: '99' });
    const decisions = k.play(typing('hello', { gap: 5 }));
    expect(decisions.every((d) => d === 'pass')).toBe(true);
    expect(k.field).toBe('hello⏎');
    k.play(typing(`99${CODE}`, { gap: 5, start: 500 }));
    expect(k.scans).toEqual([CODE]);
  });

  it('with a prefix, a burst that starts like it but is not it is released at once', () => {
    const k = kiosk({ prefix: '99' });
    k.play(typing('9a', { gap: 5, suffix: null }));
    expect(k.field).toBe('9a');
  });

  it('a stuck key or endless burst beyond maxLength is released', () => {
    const k = kiosk({ maxLength: 10 });
    k.play(typing('ABCDEFGHIJKLMNOP', { gap: 5 }));
    expect(k.scans).toEqual([]);
    expect(k.field).toBe('ABCDEFGHIJKLMNOP⏎');
  });
});
