import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { doorKioskSuite, openDoor } from './support/door';
import { lockKiosk, tapPin } from './support/pin';
import { openArea } from './support/navigation';

const unlockPad = (page: Page) => page.getByRole('form', { name: 'Toets je pincode in' });
const staffTable = (page: Page) => page.locator('.staff-table');
const rowOf = (page: Page, name: string) => staffTable(page).getByRole('row').filter({ hasText: name });
/** Whether any part of this screen's own content sticks out of the window or scrolls sideways. */
const overflows = (page: Page, selector = 'main') =>
  page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return true;
    return [root, ...root.querySelectorAll('*')].some((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5);
  }, selector);

/** The office area opens on its first section; Personeel is one tap in its menu. */
async function openStaffSection(page: Page) {
  await page.locator('nav.office-menu').getByRole('button', { name: /^(Personeel|Staff)$/ }).click();
  await page.getByRole('heading', { name: /^(Personeel|Staff)$/ }).waitFor();
}

async function openOfficeAsOffice(page: Page, demo: DemoSchool) {
  await openArea(page, 'Administratie');
  await tapPin(unlockPad(page), demo.staff.office.pin);
  await openStaffSection(page);
}

describe('staff management and the PIN lock-out in the browser', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: import('playwright-core').Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));
  beforeEach(() => lockKiosk(bridge.url));

  it('the unlock screen asks "Wie ben je?" first; the pad waits for a name', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
      { width: 1024, height: 768 },
    ]) {
      const { page, context, problems } = await openDoor(browser, bridge, { viewport });
      await openArea(page, 'Leerkracht');
      await page.getByRole('group', { name: 'Wie ben je?' }).getByRole('button', { name: 'Juf Anna' }).waitFor();
      expect(await unlockPad(page).getByRole('button', { name: '1', exact: true }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Juf Anna' }).click();
      expect(await unlockPad(page).getByRole('button', { name: '1', exact: true }).isDisabled()).toBe(false);
      await screenshot(page, `unlock-choose-name-nl-${viewport.width}x${viewport.height}`);
      expect(await overflows(page)).toBe(false);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('a pupil guessing at Juf Anna on the door’s switch locks only her; Meester Bram still switches; the office lifts her lock', async () => {
    const { page, context, problems } = await openDoor(browser, bridge);
    await page.getByRole('button', { name: /Naar teruggeven/ }).click();
    const dialog = page.getByTestId('door-switch-dialog');
    await dialog.getByRole('button', { name: 'Juf Anna' }).click();
    const pad = dialog.locator('form.pinpad');
    for (let i = 0; i < 5; i++) await tapPin(pad, '0000', 'Juf Anna');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^Te vaak een verkeerde pincode\. Probeer het over (60|59) s opnieuw\.$/);
    await screenshot(page, 'door-switch-locked-name-nl-1366x768');
    // Another teacher is not kept out by the prank.
    await tapPin(pad, demo.staff.teacher8B.pin, 'Meester Bram');
    await page.getByTestId('door-switch-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('topbar-mode').textContent()).toBe('Teruggeven');

    // Juf Anna is still locked; the office lifts it and she unlocks at once.
    await openOfficeAsOffice(page, demo);
    await rowOf(page, 'Juf Anna').getByText(/Vergrendeld, nog 1 min/).waitFor();
    await screenshot(page, 'office-staff-locked-nl-1366x768');
    await rowOf(page, 'Juf Anna').getByRole('button', { name: 'Vergrendeling opheffen' }).click();
    await rowOf(page, 'Juf Anna').getByText('Actief', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await openArea(page, 'Leerkracht');
    await tapPin(unlockPad(page), demo.staff.teacher7A.pin, 'Juf Anna');
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the office registers a teacher (PIN twice), who then unlocks; deactivating her takes her name off the pad', async () => {
    const { page, context, problems } = await openDoor(browser, bridge);
    await openOfficeAsOffice(page, demo);
    const form = page.getByRole('form', { name: 'Medewerker aanmelden' });
    await form.getByLabel('Naam (zoals op het pincodescherm)').fill('Juf Sanne');
    await form.getByLabel(/^Pincode \(leerkracht/).fill('5071');
    await form.getByLabel('Pincode nog een keer').fill('5072');
    await form.getByRole('button', { name: 'Aanmelden' }).click();
    await form.getByRole('alert').filter({ hasText: 'De twee pincodes zijn niet gelijk.' }).waitFor();
    await form.getByLabel('Pincode nog een keer').fill('5071');
    await form.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('status').filter({ hasText: 'Juf Sanne is aangemeld.' }).waitFor();
    await rowOf(page, 'Juf Sanne').waitFor();
    await screenshot(page, 'office-staff-nl-1366x768');
    expect(await overflows(page)).toBe(false);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'office-staff-nl-1920x1080');
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await overflows(page)).toBe(false);
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await openArea(page, 'Leerkracht');
    await tapPin(unlockPad(page), '5071', 'Juf Sanne');
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByText('Juf Sanne').waitFor();
    await page.getByRole('button', { name: 'Vergrendelen' }).click();

    await openOfficeAsOffice(page, demo);
    await rowOf(page, 'Juf Sanne').getByRole('button', { name: 'Deactiveren' }).click();
    await rowOf(page, 'Juf Sanne').getByText('Niet actief').waitFor();
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await openArea(page, 'Leerkracht');
    await page.getByRole('group', { name: 'Wie ben je?' }).getByRole('button', { name: 'Juf Anna' }).waitFor();
    expect(await page.getByRole('group', { name: 'Wie ben je?' }).getByRole('button', { name: 'Juf Sanne' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the office cannot touch an administrator; a reset PIN works at once; in English too', async () => {
    const { page, context } = await openDoor(browser, bridge);
    await openOfficeAsOffice(page, demo);
    await rowOf(page, 'Beheerder ICT').getByRole('button', { name: 'Pincode opnieuw instellen' }).click();
    const reset = page.getByRole('form', { name: 'Nieuwe pincode voor Beheerder ICT' });
    await reset.getByLabel(/^Nieuwe pincode \(minstens 6 cijfers\)/).fill('123123');
    await reset.getByLabel('Nieuwe pincode nog een keer').fill('123123');
    await reset.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dat mag je met jouw rol niet doen.' }).waitFor();

    await rowOf(page, 'Meester Bram').getByRole('button', { name: 'Pincode opnieuw instellen' }).click();
    const forBram = page.getByRole('form', { name: 'Nieuwe pincode voor Meester Bram' });
    await forBram.getByLabel(/^Nieuwe pincode/).first().fill('7777');
    await forBram.getByLabel('Nieuwe pincode nog een keer').fill('7777');
    await forBram.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De pincode van Meester Bram is opnieuw ingesteld.' }).waitFor();
    expect(bridge.core.services.verifyPin(demo.staff.teacher8B.staffId, '7777').staffId).toBe(demo.staff.teacher8B.staffId);
    bridge.core.services.resetStaffPin(demo.staff.teacher8B.staffId, demo.staff.teacher8B.pin, demo.staff.admin.staffId);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Staff', exact: true }).waitFor();
    await screenshot(page, 'office-staff-en-1366x768');
    await context.close();
  });

  it('a teacher changes her own PIN from the teacher menu with the current one', async () => {
    const { page, context, problems } = await openDoor(browser, bridge);
    await openArea(page, 'Leerkracht');
    await tapPin(unlockPad(page), demo.staff.witness.pin, 'Juf Carla');
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByRole('button', { name: 'Mijn pincode' }).click();
    const form = page.getByRole('form', { name: 'Mijn pincode' });
    await form.getByLabel('Huidige pincode').fill('0000');
    await form.getByLabel('Nieuwe pincode', { exact: true }).fill('3434');
    await form.getByLabel('Nieuwe pincode nog een keer').fill('3434');
    await form.getByRole('button', { name: 'Pincode wijzigen' }).click();
    await form.getByRole('alert').filter({ hasText: 'De pincode klopt niet.' }).waitFor();
    await form.getByLabel('Huidige pincode').fill(demo.staff.witness.pin);
    await form.getByRole('button', { name: 'Pincode wijzigen' }).click();
    await form.getByRole('status').filter({ hasText: 'Je pincode is gewijzigd.' }).waitFor();
    await screenshot(page, 'teacher-my-pin-nl-1366x768');
    expect(bridge.core.services.verifyPin(demo.staff.witness.staffId, '3434').staffId).toBe(demo.staff.witness.staffId);
    bridge.core.services.resetStaffPin(demo.staff.witness.staffId, demo.staff.witness.pin, demo.staff.admin.staffId);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an office account with a 4-digit PIN from before is asked for a longer one right after unlocking', async () => {
    const old = bridge.core.services.createStaff({ displayName: 'Meester Oud', role: 'teacher', pin: '4545', actor: demo.staff.admin.staffId });
    bridge.core.services.changeStaff(old.staffId, { role: 'office' }, demo.staff.admin.staffId);
    const { page, context } = await openDoor(browser, bridge);
    await openArea(page, 'Administratie');
    await tapPin(unlockPad(page), '4545', 'Meester Oud');
    await page.getByText('Je pincode is korter dan nu nodig is voor jouw rol.', { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: 'Personeel' }).count()).toBe(0);
    const form = page.getByRole('form', { name: 'Mijn pincode' });
    await form.getByLabel('Huidige pincode').fill('4545');
    await form.getByLabel('Nieuwe pincode', { exact: true }).fill('454545');
    await form.getByLabel('Nieuwe pincode nog een keer').fill('454545');
    await screenshot(page, 'office-forced-pin-change-nl-1366x768');
    await form.getByRole('button', { name: 'Pincode wijzigen' }).click();
    await openStaffSection(page);
    await context.close();
  });
});
