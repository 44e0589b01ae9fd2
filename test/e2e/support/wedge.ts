import type { CDPSession, Page } from 'playwright-core';
import type { SettingsPatch } from '../../../src/shared/contract/settings';

/**
 * The wedge thresholds of every test kiosk. `wedgeScan` stamps each key with the time a scanner
 * would have sent it, as the PC stamps a real scanner's keys on arrival; on a two-core machine
 * with both cores busy, Chromium may still deliver a burst in parts, and the detector's own timer
 * runs on the page's clock. A longer allowed pause keeps such a burst a scan; the average (30 ms
 * per key) still tells a person (80–150 ms per key) from a scanner. The product's defaults are
 * unit-tested against recorded key timings in test/renderer/scan.
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

/** How far apart a scanner's keys are (a typical USB scanner: 2–8 ms). */
const SCANNER_KEY_GAP_S = 0.004;

/**
 * A keyboard-wedge scanner: the whole code, then Enter, as one burst of real (trusted) key events.
 *
 * A scanner's keys reach the PC a few milliseconds apart whatever the PC is doing, and the PC
 * stamps each with the time it arrived (`KeyboardEvent.timeStamp`). Playwright's `keyboard.type`
 * waits for each key's round trip before sending the next, so on a loaded machine its keys arrive
 * 100 ms and more apart and stop looking like a scanner. Here every key is sent to Chromium at
 * once, each stamped as the scanner would have sent it, and Chromium delivers them in order, as
 * USB would.
 */
export async function wedgeScan(page: Page, code: string, { deliveryPause }: WedgeScanOptions = {}): Promise<void> {
  const cdp = await cdpOf(page);
  let sent: Promise<unknown>[] = [];
  const start = Date.now() / 1000;
  for (const [i, char] of [...`${code}\n`].entries()) {
    if (deliveryPause && i === deliveryPause.afterKeys) {
      await Promise.all(sent);
      sent = [];
      await new Promise((resume) => setTimeout(resume, deliveryPause.ms));
    }
    const { text, ...stroke } = strokeOf(char);
    const timestamp = start + i * SCANNER_KEY_GAP_S;
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...stroke, text, unmodifiedText: text, timestamp }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...stroke, timestamp: timestamp + SCANNER_KEY_GAP_S / 2 }));
  }
  await Promise.all(sent);
}

interface WedgeScanOptions {
  /**
   * A busy PC: the page gets the first `afterKeys` keys, then the rest `ms` (real time) later,
   * though the scanner sent them without a break.
   */
  deliveryPause?: { afterKeys: number; ms: number };
}

/** A person at the keyboard: 80–150 ms per key, as ENGINEERING.md describes. */
export async function typeLikeAPerson(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 120 });
}
