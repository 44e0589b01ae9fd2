import type { CDPSession, Page } from 'playwright-core';
import type { SettingsPatch } from '../../../src/shared/contract/settings';

/**
 * The wedge thresholds of every test kiosk. `wedgeScan` hands Chromium a whole burst at once, but
 * on a two-core machine with both cores busy Chromium itself may still pause a burst for tens of
 * milliseconds. A longer allowed pause keeps such a burst a scan; the average (30 ms per key)
 * still tells a person (80–150 ms per key) from a scanner. The product's defaults are unit-tested
 * against recorded key timings in test/renderer/scan.
 */
export const testWedge = {
  maxGapMs: 250,
  maxAvgGapMs: 30,
  minLength: 4,
  suffix: 'enter-or-tab',
  prefix: '',
  nfcProfile: null,
} satisfies SettingsPatch['wedge'];

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdpOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

interface KeyStroke {
  key: string;
  code: string;
  windowsVirtualKeyCode: number;
  text: string;
  /** CDP modifier bits: 8 is Shift, held by a US-layout scanner for capitals. */
  modifiers: number;
}

function strokeOf(char: string): KeyStroke {
  if (char === '\n') return { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', modifiers: 0 };
  if (/^[0-9]$/.test(char)) return { key: char, code: `Digit${char}`, windowsVirtualKeyCode: char.charCodeAt(0), text: char, modifiers: 0 };
  if (/^[A-Za-z]$/.test(char)) {
    const upper = char.toUpperCase();
    return { key: char, code: `Key${upper}`, windowsVirtualKeyCode: upper.charCodeAt(0), text: char, modifiers: char === upper ? 8 : 0 };
  }
  throw new Error(`wedgeScan types letters and digits only, not ${JSON.stringify(char)}`);
}

/**
 * A keyboard-wedge scanner: the whole code, then Enter, as one burst of real (trusted) key events.
 *
 * A scanner's keys reach the PC a few milliseconds apart whatever the PC is doing. Playwright's
 * `keyboard.type` waits for each key's round trip before sending the next, so on a loaded
 * machine its keys arrive 100 ms and more apart and stop looking like a scanner. Here every key
 * is sent to Chromium at once and Chromium delivers them in order, as USB would.
 */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  const cdp = await cdpOf(page);
  const sent: Promise<unknown>[] = [];
  for (const char of `${code}\n`) {
    const { text, ...stroke } = strokeOf(char);
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...stroke, text, unmodifiedText: text }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...stroke }));
  }
  await Promise.all(sent);
}

/** A person at the keyboard: 80–150 ms per key, as ENGINEERING.md describes. */
export async function typeLikeAPerson(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 120 });
}
