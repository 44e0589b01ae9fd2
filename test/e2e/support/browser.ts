import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bridgeClientSource } from '../../bridge/client';

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

/** A page with the bridge object installed before any app script runs. */
export async function openKiosk(
  browser: Browser,
  url: string,
  viewport = { width: 1366, height: 768 },
): Promise<KioskPage> {
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  await context.addInitScript({ content: bridgeClientSource() });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${url}/index.html`);
  return { context, page, problems };
}

const screenshotDir = join(process.cwd(), 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
