import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PINS, type DemoPupil, type DemoSchool } from '../../src/core/demo/seed';
import { startDemoBridge, type TestBridge } from './support/demo';
import { overviewRow, screenOf, teacherMenu, unlockAs } from './support/teacher';
import { lockKiosk } from './support/pin';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { schoolTime } from './support/schoolTime';
import { controlAt, recordsCustody, tapMiddle } from './support/movedTarget';

/**
 * Group 7A of the demo school (with its two weeks of history) on a morning when all but three of
 * its pupils handed in: the teacher's overview of a whole class.
 */
describe('the teacher overview for a full class', () => {
  let bridge: TestBridge;
  let browser: Browser;
  let demo: DemoSchool;
  let absent: DemoPupil[];
  let heldIds: string[];

  beforeAll(async () => {
    ({ bridge, demo } = await startDemoBridge({ history: true, time: schoolTime(8, 15) }));
    const s = bridge.core.services;
    // Before anyone hands in, everyone who usually does is "not yet today".
    const usual = new Set(s.missingToday({ groep: '7A' }).pupils.map((p) => p.pupilId));
    const group = demo.pupils.filter((p) => p.groep === '7A');
    absent = group.filter((p) => usual.has(p.pupilId) && p.deviceIds.length === 1).slice(0, 3);
    expect(absent).toHaveLength(3);
    heldIds = [];
    for (const pupil of group) {
      if (absent.includes(pupil)) continue;
      for (const deviceId of pupil.deviceIds) {
        s.handIn({ deviceId, actor: 'pupil', dutyStaffId: demo.staff.teacher7A.staffId });
        heldIds.push(deviceId);
      }
    }
    browser = await launchChromium();
  });
  beforeEach(() => lockKiosk(bridge.url));
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  const heldNow = () => bridge.core.services.listCustody({ heldOnly: true }).length;
  const rows = (page: Page) => page.locator('tr[data-device]');

  // At 1024 px the teacher menu takes two lines: fewer rows in view, the same one-screen page.
  for (const { viewport, rowsInView } of [
    { viewport: { width: 1366, height: 768 }, rowsInView: 8 },
    { viewport: { width: 1024, height: 768 }, rowsInView: 6 },
  ]) {
    it(`at ${viewport.width}×${viewport.height} every device is one line with one action menu, and the page fits the screen`, async () => {
      const { page, context, problems } = await openKiosk(browser, bridge, { viewport, time: schoolTime(8, 40) });
      await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
      await expect.poll(() => rows(page).count()).toBe(heldNow());
      expect(heldNow()).toBeGreaterThanOrEqual(25);
      await screenshot(page, `teacher-overview-full-class-nl-${viewport.width}x${viewport.height}`);

      const layout = await page.evaluate(() => {
        const list = document.querySelector('.custody-scroll')!.getBoundingClientRect();
        const heights = [...document.querySelectorAll('tr[data-device]')].map((r) => r.getBoundingClientRect().height);
        const visible = [...document.querySelectorAll('tr[data-device]')].filter((r) => {
          const b = r.getBoundingClientRect();
          return b.top >= list.top && b.bottom <= list.bottom;
        }).length;
        return {
          pageHeight: document.documentElement.scrollHeight,
          pageWidth: document.documentElement.scrollWidth,
          tallestRow: Math.max(...heights),
          visible,
        };
      });
      // The whole class scrolls inside the list; the page itself stays one screen.
      expect(layout.pageHeight).toBeLessThanOrEqual(viewport.height);
      expect(layout.pageWidth).toBeLessThanOrEqual(viewport.width);
      expect(layout.tallestRow).toBeLessThanOrEqual(48);
      expect(layout.visible).toBeGreaterThanOrEqual(rowsInView);
      console.info(`overview ${viewport.width}x${viewport.height}: page ${layout.pageHeight}px, row ≤ ${layout.tallestRow}px, ${layout.visible} rows in view`);

      // One button per row: its action menu.
      for (const deviceId of heldIds.slice(0, 5)) {
        expect(await overviewRow(page, deviceId).getByRole('button').count()).toBe(1);
      }
      // One place to close the day, in the menu; nothing green about it in the morning.
      expect(await page.getByRole('button', { name: 'Dag afsluiten' }).count()).toBe(1);
      expect(await teacherMenu(page).getByRole('button', { name: 'Dag afsluiten' }).count()).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('one set of counts: in custody is the list, handed in today; the three who usually hand in are named', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge, { time: schoolTime(8, 40) });
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    await expect.poll(() => page.getByTestId('held-now').textContent()).toBe(String(heldNow()));
    expect(await rows(page).count()).toBe(heldNow());
    expect(await page.getByTestId('handed-in-today').textContent()).toBe(String(bridge.core.services.dayOverview().handedIn));
    // Before the return time there is nothing to decide yet, so no "zonder besluit".
    expect(await page.getByTestId('undecided').count()).toBe(0);
    expect(await page.getByRole('heading', { name: `${heldNow()} apparaten in bewaring` }).count()).toBe(1);

    const missing = page.getByTestId('missing-today');
    await missing.getByRole('heading', { name: 'Levert meestal in, vandaag nog niet' }).waitFor();
    await page.getByLabel('Groep').selectOption('7A');
    await expect.poll(() => missing.getByRole('listitem').allTextContents()).toEqual(
      bridge.core.services.missingToday({ groep: '7A' }).pupils.map((p) => `${[p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ')} · 7A`),
    );
    const listed = await missing.getByRole('listitem').allTextContents();
    for (const pupil of absent) expect(listed).toContain(`${pupil.name} · 7A`);
    await missing.getByText(/^Ingeleverd op ten minste \d+ van de laatste 10 schooldagen\.$/).waitFor();
    await screenshot(page, 'teacher-overview-missing-nl-1366x768');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('search by name or device, and a group filter; the heading says how many of how many are shown', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge, { time: schoolTime(8, 40) });
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    await expect.poll(() => rows(page).count()).toBe(heldNow());
    const someone = demo.pupils.find((p) => p.groep === '7A' && !absent.includes(p) && p.deviceIds.length === 1)!;
    const search = page.getByRole('searchbox', { name: 'Zoeken' });

    await search.fill(someone.achternaam.toLowerCase());
    await expect.poll(() => rows(page).count()).toBeLessThan(heldNow());
    expect(await overviewRow(page, someone.deviceIds[0]!).count()).toBe(1);
    for (const name of await rows(page).locator('th').allTextContents()) expect(name.toLowerCase()).toContain(someone.achternaam.toLowerCase());
    const shown = await rows(page).count();
    await expect.poll(() => page.getByTestId('shown').textContent()).toBe(` (${shown} van de ${heldNow()} getoond)`);

    // A device: every watch of the class, and nothing else.
    await search.fill('smartwatch');
    const watches = demo.devices.filter((d) => d.kind === 'smartwatch' && heldIds.includes(d.deviceId));
    await expect.poll(() => rows(page).count()).toBe(watches.length);

    await search.fill('');
    await page.getByLabel('Groep').selectOption('8B');
    await page.getByText('Geen apparaat in bewaring past bij deze zoekopdracht.').waitFor();
    // The list of who usually hands in follows the group: 8B handed in nothing yet this morning.
    const missing8B = bridge.core.services.missingToday({ groep: '8B' }).pupils;
    expect(missing8B.length).toBeGreaterThan(6);
    const missing = page.getByTestId('missing-today');
    await expect.poll(() => missing.getByRole('listitem').count()).toBe(6);
    await missing.getByRole('button', { name: `Nog ${missing8B.length - 6} tonen` }).click();
    await expect.poll(() => missing.getByRole('listitem').count()).toBe(missing8B.length);
    for (const item of await missing.getByRole('listitem').allTextContents()) expect(item).toMatch(/ · 8B$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a row’s action menu works by keyboard and by touch, and opens beside its button, not under the finger', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge, { time: schoolTime(8, 40) });
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    const deviceId = heldIds[2]!;
    const button = overviewRow(page, deviceId).getByRole('button', { name: /^Acties voor / });
    await button.waitFor();

    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Teruggeven',
      'Verplaatsen',
      'In beslag nemen',
      'Staat noteren',
      'Incident',
    ]);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await expect.poll(focused).toBe('Teruggeven');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Verplaatsen');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Incident');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focused()).toMatch(/^Acties/);

    // By touch: what lies under the finger after the tap is the menu's own button, no action.
    const tap = await tapMiddle(page, button);
    await menu.waitFor();
    const under = await controlAt(page, tap);
    expect(under).toMatch(/^Acties/);
    expect(recordsCustody(under)).toBe(false);
    await screenshot(page, 'teacher-overview-row-menu-nl-1366x768');
    await menu.getByRole('menuitem', { name: 'Staat noteren' }).click();
    await page.getByRole('heading', { level: 1, name: /Staat/ }).waitFor();
    expect(page.url()).toContain(`device=${deviceId}`);
    expect(await screenOf(page).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('from the end of the school day the overview says how many still need a decision, and where to close the day', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge, { time: schoolTime(15, 30) });
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    const undecided = bridge.core.services.dayOverview().outstanding.length;
    await page.getByTestId('undecided').getByText(`waarvan ${undecided} nog zonder besluit`).waitFor();
    await page.getByText(`Het is na 15:15: sluit de dag af met "Dag afsluiten" in het menu. Nog ${undecided} zonder besluit.`).waitFor();
    expect(await page.getByRole('button', { name: 'Dag afsluiten' }).count()).toBe(1);
    await screenshot(page, 'teacher-overview-afternoon-nl-1366x768');
    expect(problems).toEqual([]);
    await context.close();
  });
});
