import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { doorKioskSuite, openDoor } from './support/door';
import { lockKiosk, tapPin } from './support/pin';
import { openArea } from './support/navigation';


describe('a colleague promoted to the office with her 4-digit teacher PIN', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));
  beforeEach(() => lockKiosk(bridge.url));

  it('is asked for a longer PIN before the office opens, and the office opens once she has one (1366×768)', async () => {
    bridge.core.services.changeStaff(demo.staff.witness.staffId, { role: 'office' }, demo.staff.admin.staffId);
    const { page, context, problems } = await openDoor(browser, bridge, { viewport: { width: 1366, height: 768 } });
    await openArea(page, 'Administratie');
    await tapPin(page.getByRole('form', { name: 'Toets je pincode in' }), demo.staff.witness.pin, demo.staff.witness.displayName);
    await page.getByText('Je pincode is korter dan nu nodig is voor jouw rol', { exact: false }).waitFor();
    expect(await page.locator('nav.office-menu').count()).toBe(0);
    await screenshot(page, 'office-pin-change-forced-1366');
    await page.getByLabel('Huidige pincode').fill(demo.staff.witness.pin);
    await page.getByLabel('Nieuwe pincode', { exact: true }).fill('4815162');
    await page.getByLabel('Nieuwe pincode nog een keer').fill('4815162');
    await page.getByRole('button', { name: 'Pincode wijzigen' }).click();
    await page.locator('nav.office-menu').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
