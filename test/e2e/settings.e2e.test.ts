import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PINS } from '../../src/core/demo/seed';
import { readSettings } from '../../src/core/settings/store';
import { startDemoBridge, type TestBridge } from './support/demo';
import { lockKiosk, tapPin } from './support/pin';
import { launchChromium, openKiosk, screenshot } from './support/browser';

const typePin = (page: Page, pin: string) => tapPin(page.locator('form.pinpad'), pin);

describe('settings and kiosk behaviour', () => {
  let bridge: TestBridge;
  let browser: Browser;

  beforeAll(async () => {
    ({ bridge } = await startDemoBridge());
    browser = await launchChromium();
  });
  // The session lives in the core, like in the real kiosk: each test starts locked.
  beforeEach(() => lockKiosk(bridge.url));
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  it('a teacher who is not an administrator cannot change the settings', async () => {
    const { page, context } = await openKiosk(browser, bridge);
    await page.goto(`${bridge.url}/index.html#/settings`);
    await typePin(page, DEMO_PINS.teacher7A);
    await page.getByText('Alleen een beheerder kan de instellingen wijzigen.').waitFor();
    await context.close();
  });

  it('an administrator changes the kiosk name, privacy and return time; the change is in the ledger', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge);
    await page.goto(`${bridge.url}/index.html#/settings`);
    await typePin(page, DEMO_PINS.admin);
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    await screenshot(page, 'settings-nl-1366x768');
    await page.getByLabel('Naam van de kiosk').fill('Groep 7A — lokaal 3');
    await page.getByLabel('Groepen bij deze kiosk').fill('7A, 8B');
    await page.getByLabel('Teruggeven vanaf').fill('14:30');
    await page.getByLabel('Alleen het vaknummer (geen naam op het scherm)').check();
    await page.getByRole('form', { name: 'Instellingen', exact: true }).getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen. De wijziging staat in het logboek.').waitFor();

    expect(bridge.core.kiosk().name).toBe('Groep 7A — lokaal 3');
    expect(readSettings(bridge.core.db)).toMatchObject({ groups: ['7A', '8B'], returnModeAt: '14:30', privacyDisplay: 'pouch-only' });
    const changes = bridge.core.services.listEvents({ limit: 5 }).events.filter((e) => e.type === 'settings_changed');
    expect(changes.map((e) => e.details.keys).flat()).toEqual(expect.arrayContaining(['kioskName', 'groups', 'returnModeAt', 'privacyDisplay']));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a return time after the end of the day, or a time that is no time, is refused with what to do; times are 24-hour in English too', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge, { locale: 'en-US' });
    await page.goto(`${bridge.url}/index.html#/settings`);
    await typePin(page, DEMO_PINS.admin);
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    const before = readSettings(bridge.core.db);
    await page.getByLabel('Teruggeven vanaf').fill('16:00');
    await page.getByRole('form', { name: 'Instellingen', exact: true }).getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').getByText('Teruggeven moet beginnen vóór het einde van de schooldag', { exact: false }).waitFor();
    await page.getByLabel('Teruggeven vanaf').fill('2.00');
    await page.getByRole('form', { name: 'Instellingen', exact: true }).getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').getByText('“2.00” is geen tijd', { exact: false }).waitFor();
    expect(readSettings(bridge.core.db)).toMatchObject({ returnModeAt: before.returnModeAt, endOfDayAt: before.endOfDayAt });
    // An en-US browser still shows the school day on the 24-hour clock.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('End of the school day').waitFor();
    expect(await page.getByLabel('End of the school day').inputValue()).toBe(before.endOfDayAt);
    await page.getByRole('heading', { name: 'What a pupil sees' }).waitFor();
    await page.getByRole('heading', { name: 'Kiosk language' }).waitFor();
    expect(await page.getByTestId('settings-version').textContent()).toMatch(/^Inleverpunt version \S+ · /);
    await screenshot(page, 'settings-en-1366x768');
    await page.getByRole('button', { name: 'Manage staff (Office → Staff)' }).click();
    await page.getByRole('heading', { name: 'Staff' }).first().waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('leaving the kiosk needs an administrator’s PIN', async () => {
    const { page, context } = await openKiosk(browser, bridge);
    await page.goto(`${bridge.url}/index.html#/settings`);
    await typePin(page, DEMO_PINS.admin);
    await page.getByRole('button', { name: 'Kiosk afsluiten' }).click();
    await typePin(page, DEMO_PINS.teacher8B);
    await page.getByText('Dat mag je met jouw rol niet doen.').waitFor();
    expect(bridge.exitRequests).toBe(0);
    await typePin(page, DEMO_PINS.admin);
    await page.getByText('Inleverpunt wordt afgesloten…').waitFor();
    expect(bridge.exitRequests).toBe(1);
    await context.close();
  });

  it('after 120 s without a touch every screen returns to the door and the staff screens lock', async () => {
    const { page, context } = await openKiosk(browser, bridge);
    await page.goto(`${bridge.url}/index.html#/teacher`);
    await typePin(page, DEMO_PINS.teacher7A);
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).waitFor();
    await page.clock.runFor(119_000);
    expect(page.url()).toContain('#/teacher');
    await page.clock.runFor(2_000);
    await expect.poll(() => page.url()).toContain('#/door');
    await page.getByRole('heading', { name: /Scan je telefoon/ }).waitFor();
    expect(await bridge.core.db.prepare('SELECT 1').get()).toBeTruthy();
    const session = await page.evaluate(() =>
      (window as unknown as { inleverpunt: { api: { getSession(a: object): Promise<unknown> } } }).inleverpunt.api.getSession({}),
    );
    expect(session).toMatchObject({ ok: true, value: { unlocked: null } });
    await context.close();
  });

  it('warns 20 s before throwing away a half-filled form', async () => {
    const { page, context } = await openKiosk(browser, bridge);
    await page.goto(`${bridge.url}/index.html#/settings`);
    await typePin(page, DEMO_PINS.admin);
    await page.getByLabel('Naam van de kiosk').fill('Half ingevuld');
    await page.clock.runFor(101_000);
    const warning = page.getByRole('alertdialog');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Ben je er nog\?/);
    await screenshot(page, 'idle-warning-nl');
    await warning.getByRole('button', { name: 'Ik ben er nog' }).click();
    await warning.waitFor({ state: 'detached' });
    await page.clock.runFor(60_000);
    expect(page.url()).toContain('#/settings');
    await context.close();
  });
});
