import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { renameKiosk } from '../../src/core/kiosk/identity';
import { startBridge } from '../bridge/server';
import { createTestClock } from '../bridge/testClock';
import type { TestBridge } from './support/demo';
import { schoolMorning } from './support/schoolTime';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { openArea } from './support/navigation';

describe('the kiosk shell in Chromium, through the test bridge', () => {
  let bridge: TestBridge;
  let browser: Browser;

  beforeAll(async () => {
    bridge = await startBridge({ clock: createTestClock(schoolMorning()) });
    renameKiosk(bridge.core.db, 'Groep 7 — lokaal 12');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  it('opens on the scan screen in Dutch and shows the kiosk name read from the database', async () => {
    const { page, problems, context } = await openKiosk(browser, bridge);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Scan je telefoon of horloge');
    await expect.poll(() => page.getByTestId('kiosk-name').textContent()).toBe('Kiosk: Groep 7 — lokaal 12');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await screenshot(page, 'door-nl-1366x768');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the pupils’ top bar names the mode and has one quiet staff button instead of three areas', async () => {
    const { page, problems, context } = await openKiosk(browser, bridge);
    const top = page.locator('header.topbar');
    await top.getByTestId('topbar-mode').waitFor();
    expect(await top.getByTestId('topbar-mode').textContent()).toBe('Inleveren');
    const buttons = top.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button');
    expect(await buttons.evaluateAll((all) => all.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => b.textContent))).toEqual([
      'Personeel',
    ]);
    // Smaller than a door button, so it does not invite a child.
    const staff = top.getByRole('button', { name: 'Personeel' });
    const size = await staff.evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
    const languageSize = await top.getByRole('button', { name: 'English' }).evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
    expect(size).toBeLessThan(languageSize);

    await staff.click();
    expect(await staff.getAttribute('aria-expanded')).toBe('true');
    for (const area of ['Leerkracht', 'Administratie', 'Instellingen']) await top.getByRole('button', { name: area, exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await top.getByRole('button', { name: 'Leerkracht', exact: true }).waitFor({ state: 'hidden' });
    // Left open, it closes by itself before the next pupil comes.
    await staff.click();
    await page.clock.fastForward(16_000);
    await top.getByRole('button', { name: 'Leerkracht', exact: true }).waitFor({ state: 'hidden' });

    await openArea(page, 'Leerkracht');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Scan je telefoon of horloge');
    expect(await top.getByTestId('topbar-mode').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches to English and back without reloading', async () => {
    const { page, context } = await openKiosk(browser, bridge);
    await page.getByTestId('kiosk-name').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Scan your phone or watch');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'door-en-1366x768');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Scan je telefoon of horloge');
    await context.close();
  });

  it('a pupil who chose English is helped in English; after 30 s without a touch or scan the door speaks Dutch again', async () => {
    const { page, context } = await openKiosk(browser, bridge);
    await page.getByTestId('kiosk-name').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Scan your phone or watch');
    await page.clock.fastForward(20_000);
    // A key (a scanner types) counts as the pupil still being there.
    await page.keyboard.press('Shift');
    await page.clock.fastForward(20_000);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Scan your phone or watch');
    // Time moves in steps: the idle timer checks four times a second.
    await expect
      .poll(async () => {
        await page.clock.fastForward(2_000);
        return page.getByRole('heading', { level: 1 }).textContent();
      })
      .toBe('Scan je telefoon of horloge');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await context.close();
  });

  it('fits a full-HD screen; a new kiosk first asks for its administrator, after that for a PIN', async () => {
    const { page, context } = await openKiosk(browser, bridge, { viewport: { width: 1920, height: 1080 } });
    await page.getByRole('heading', { name: 'Scan je telefoon of horloge' }).waitFor();
    await screenshot(page, 'door-nl-1920x1080');
    await openArea(page, 'Leerkracht');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze kiosk inrichten');
    await page.getByLabel('Naam van de beheerder').fill('Meester Kees');
    await page.getByLabel('Pincode (6 tot 8 cijfers)').fill('4827');
    await page.getByLabel('Pincode nog een keer').fill('4827');
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click();
    await page.getByText('De pincode van een beheerder heeft 6 tot 8 cijfers.').waitFor();
    await page.getByLabel('Pincode (6 tot 8 cijfers)').fill('482731');
    await page.getByLabel('Pincode nog een keer').fill('482732');
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click();
    await page.getByText('De twee pincodes zijn niet gelijk.').waitFor();
    await page.getByLabel('Pincode nog een keer').fill('482731');
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click();
    // The first-admin screen's promise: the next step is registering the teachers.
    await page.getByRole('button', { name: 'Leerkrachten aanmelden' }).click();
    await page.getByRole('heading', { name: 'Personeel' }).waitFor();
    await openArea(page, 'Leerkracht');
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByText('Meester Kees').waitFor();
    expect(bridge.core.services.listEvents({ limit: 5 }).events.map((e) => e.type)).toContain('staff_login');

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await openArea(page, 'Leerkracht');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Leerkracht: ontgrendelen');
    await page.getByRole('form', { name: 'Toets je pincode in' }).waitFor();
    await screenshot(page, 'teacher-unlock-nl-1920x1080');
    await openArea(page, 'Administratie');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Administratie: ontgrendelen');
    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflows).toBe(false);
    await context.close();
  });

  it('returns a typed error, not a stack trace, when the page sends an invalid call', async () => {
    const { page, context } = await openKiosk(browser, bridge);
    const result = await page.evaluate(() =>
      (window as unknown as { inleverpunt: { api: { exitKiosk(a: unknown): Promise<unknown> } } }).inleverpunt.api.exitKiosk({
        pin: 'not a pin',
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts/);
    await context.close();
  });

  it('refuses a call from another origin', async () => {
    const response = await fetch(`${bridge.url}/__bridge/call/getKioskInfo`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });
});
