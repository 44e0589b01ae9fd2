import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachWedgeScanner } from '../../../src/renderer/scan/useWedgeScanner';
import type { ScanEvent } from '../../../src/shared/contract/events';
import { typing } from './keyboards';

/**
 * The DOM binding against a stand-in window: a capture-phase keydown listener, a focused text
 * field that receives `execCommand('insertText')`. Real Chromium is exercised by the e2e tests.
 */
function fakeWindow() {
  const listeners = new Map<string, { listener: (e: unknown) => void; options: unknown }>();
  const field = { tagName: 'INPUT', type: 'text', readOnly: false, disabled: false, value: '' };
  const document = {
    activeElement: field as unknown,
    execCommand: (command: string, _ui: boolean, text: string) => {
      if (command !== 'insertText') return false;
      field.value += text;
      return true;
    },
  };
  const win = {
    document,
    addEventListener: (type: string, listener: (e: unknown) => void, options: unknown) => listeners.set(type, { listener, options }),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  return { win: win as unknown as Window, listeners, field, document };
}

/** Dispatches like the browser: the field gets a key unless the listener prevented it. */
function press(w: ReturnType<typeof fakeWindow>, events: ReturnType<typeof typing>) {
  for (const e of events) {
    vi.advanceTimersByTime(Math.max(0, e.timeStamp - performance.now()));
    let prevented = false;
    let stopped = false;
    w.listeners.get('keydown')?.listener({
      ...e,
      preventDefault: () => (prevented = true),
      stopImmediatePropagation: () => (stopped = true),
    });
    expect(prevented).toBe(stopped);
    if (!prevented && e.key.length === 1) w.field.value += e.key;
  }
}

describe('the wedge scanner in the window', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('listens in the capture phase and turns a fast burst into a wedge ScanEvent, leaving the field empty', () => {
    const w = fakeWindow();
    const scans: ScanEvent[] = [];
    attachWedgeScanner(w.win, (e) => scans.push(e));
    expect(w.listeners.get('keydown')?.options).toEqual({ capture: true });
    press(w, typing('ip7k2m9qxa7', { gap: 5, start: performance.now() + 1000 }));
    expect(scans).toEqual([{ source: 'wedge', raw: 'ip7k2m9qxa7', code: 'IP7K2M9QXA7', at: Date.now() }]);
    expect(w.field.value).toBe('');
  });

  it('types a person\'s held-back keys into the focused field', () => {
    const w = fakeWindow();
    attachWedgeScanner(w.win, () => {});
    press(w, typing('Sem', { gap: 120, start: performance.now() + 1000, suffix: null }));
    vi.advanceTimersByTime(100);
    expect(w.field.value).toBe('Sem');
  });

  it('gives keys back when the window loses focus, and detaches cleanly', () => {
    const w = fakeWindow();
    const detach = attachWedgeScanner(w.win, () => {});
    press(w, typing('ab', { gap: 5, start: performance.now() + 1000, suffix: null }));
    w.listeners.get('blur')?.listener({});
    expect(w.field.value).toBe('ab');
    detach();
    expect(w.listeners.size).toBe(0);
  });

  it('drops held-back keys when nothing editable has the focus (they had nothing to do)', () => {
    const w = fakeWindow();
    w.document.activeElement = { tagName: 'BUTTON' };
    attachWedgeScanner(w.win, () => {});
    press(w, typing('ab', { gap: 120, start: performance.now() + 1000, suffix: null }));
    vi.advanceTimersByTime(100);
    expect(w.field.value).toBe('');
  });
});
