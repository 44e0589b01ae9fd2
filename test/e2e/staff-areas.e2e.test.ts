import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { confirmationOf, doorKioskSuite, eventsOfType, openDoor, stickerTags, wedgeScan } from './support/door';
import { lockKiosk, tapPin } from './support/pin';
import { openArea } from './support/navigation';

const typePin = (page: Page, pin: string) => tapPin(page.getByRole('form', { name: 'Toets je pincode in' }), pin);
const sessionOf = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { inleverpunt: { api: { getSession(a: object): Promise<unknown> } } }).inleverpunt.api.getSession({}),
  );

/** Each PIN opens its own area, and only a teacher's unlock decides who holds the door's hand-ins. */
describe('the staff areas and who is on duty', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));
  beforeEach(() => lockKiosk(bridge.url));

  it('the office PIN at "Leerkracht" opens the office area, not the teacher menu', async () => {
    const { page, context, problems } = await openDoor(browser, bridge);
    await openArea(page, 'Leerkracht');
    await typePin(page, demo.staff.office.pin);
    await page.getByRole('navigation', { name: 'Administratiemenu' }).waitFor();
    expect(page.url()).toContain('#/office');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Leerlingen importeren');
    expect(await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).count()).toBe(0);
    expect(await page.getByText(/hebt dienst|heeft dienst/).count()).toBe(0);
    expect(await sessionOf(page)).toMatchObject({ ok: true, value: { onDuty: null, unlocked: { role: 'office' } } });
    await screenshot(page, 'office-area-nl');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the office area asks for a PIN, and says so when a teacher’s PIN is typed there', async () => {
    const { page, context } = await openDoor(browser, bridge);
    await openArea(page, 'Administratie');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Administratie: ontgrendelen');
    await typePin(page, demo.staff.teacher8B.pin);
    await page.getByText('Dit deel is voor de administratie en de beheerder.').waitFor();
    await context.close();
  });

  it('an administrator opening Settings leaves Juf Anna on duty: she holds what is handed in after that', async () => {
    const { page, context, problems } = await openDoor(browser, bridge);
    await openArea(page, 'Leerkracht');
    await typePin(page, demo.staff.teacher7A.pin);
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).waitFor();
    await page.getByText('Jij hebt dienst, Juf Anna').waitFor();
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scan je telefoon of horloge' }).waitFor();

    await openArea(page, 'Instellingen');
    await typePin(page, demo.staff.admin.pin);
    await page.getByLabel('Naam van de kiosk').waitFor();
    expect(await sessionOf(page)).toMatchObject({
      ok: true,
      value: { onDuty: { staffId: demo.staff.teacher7A.staffId }, unlocked: { staffId: demo.staff.admin.staffId } },
    });
    await openArea(page, 'Inleveren');
    await page.getByRole('button', { name: 'Vergrendelen' }).click();

    const [tag] = stickerTags(demo);
    await wedgeScan(page, tag!.code);
    await confirmationOf(page, tag!.deviceId).waitFor();
    const [handIn] = eventsOfType(bridge, 'handed_in');
    expect(handIn).toMatchObject({ deviceId: tag!.deviceId, actor: 'pupil', custodian: `staff:${demo.staff.teacher7A.staffId}` });
    expect(problems).toEqual([]);
    await context.close();
  });
});
