import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bridgeClientSource } from '../../bridge/client';
import type { Bridge } from '../../bridge/server';
import type { TestClock } from '../../bridge/testClock';
import { localTimeZone, schoolMorning } from './schoolTime';

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (see README, "Tests"). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const quietFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  // Playwright gives every launch a fresh, empty profile of its own.
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...quietFlags, ...extraArgs] });
}

export interface KioskPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen on the page: a clean kiosk has none. */
  problems: string[];
}

export interface OpenKioskOptions {
  viewport?: { width: number; height: number };
  /**
   * The moment the story starts: the page's clock and the core's clock are both set to it and
   * run on from there. Default: the school morning (08:15), so each story starts before the
   * return time whatever the story before it did with the clock.
   */
  time?: Date;
  /** Scripts that run in the page before the app (after the bridge client). */
  initScripts?: string[];
  /** The browser's own locale (nl-NL unless a test needs, say, an en-US browser's 12-hour clock). */
  locale?: string;
}

/**
 * Keys keep the time the PC received them, as in the product. Playwright's clock replaces
 * `Event.prototype.timeStamp` with the fake clock's time at the moment a script first reads it,
 * so a burst the page happens to handle late would look to the wedge detector as if the scanner
 * had paused. Shadowing it on `KeyboardEvent.prototype` with the native getter leaves the clock
 * in charge of everything else. Runs before the clock's own script.
 */
const nativeKeyTimeStamps = `(() => {
  const native = Object.getOwnPropertyDescriptor(Event.prototype, 'timeStamp').get;
  Object.defineProperty(KeyboardEvent.prototype, 'timeStamp', { get() { return native.call(this); }, configurable: true });
})();`;

/**
 * A page with the bridge object installed before any app script runs, on the same clock as the
 * core behind the bridge: whatever the hour on the machine that runs the test, the page and the
 * core live at the story's time, in the same time zone.
 */
export async function openKiosk(
  browser: Browser,
  bridge: Bridge<TestClock>,
  { viewport = { width: 1366, height: 768 }, time, initScripts = [], locale = 'nl-NL' }: OpenKioskOptions = {},
): Promise<KioskPage> {
  const start = time ?? schoolMorning();
  bridge.clock.set(start);
  const context = await browser.newContext({ viewport, locale, timezoneId: localTimeZone() });
  for (const content of [nativeKeyTimeStamps, bridgeClientSource(), ...initScripts]) await context.addInitScript({ content });
  const page = await context.newPage();
  await page.clock.install({ time: start });
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${bridge.url}/index.html`);
  return { context, page, problems };
}

/** Time passes for the page and the core alike (the page's timers fire as they would). */
export async function advanceClocks(page: Page, bridge: Bridge<TestClock>, ms: number): Promise<void> {
  bridge.clock.advance(ms);
  await page.clock.fastForward(ms);
}

const screenshotDir = join(process.cwd(), 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
