import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBridge, type Bridge } from '../bridge/server';
import { createTestClock, type TestClock } from '../bridge/testClock';
import { TEST_PIN_COST } from '../core/support/custodyFixture';
import { generatePupils, toEdexml } from '../support/edexml';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { lockKiosk, tapPin } from './support/pin';
import { schoolTime } from './support/schoolTime';

const OFFICE_PIN = '432100';

/** The office imports a school's EDEXML, looks at the preview, applies it, and a year later again. */
describe('the office imports pupils', () => {
  let bridge: Bridge<TestClock>;
  let browser: Browser;
  beforeAll(async () => {
    bridge = await startBridge({
      clock: createTestClock(schoolTime(15, 30)),
      pinCost: TEST_PIN_COST,
      seed: (core) => {
        const admin = core.services.createStaff({ displayName: 'Beheerder ICT', role: 'admin', pin: '987654', actor: 'system' });
        core.services.createStaff({ displayName: 'Administratie', role: 'office', pin: OFFICE_PIN, actor: admin.staffId });
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });
  beforeEach(() => lockKiosk(bridge.url));

  async function openOffice(viewport = { width: 1366, height: 768 }) {
    const kiosk = await openKiosk(browser, bridge, { viewport, time: schoolTime(15, 30) });
    await kiosk.page.goto(`${bridge.url}/index.html#/office`);
    await tapPin(kiosk.page.getByRole('form', { name: 'Toets je pincode in' }), OFFICE_PIN, 'Administratie');
    await kiosk.page.getByRole('heading', { level: 1, name: 'Leerlingen importeren' }).waitFor();
    return kiosk;
  }
  const chooseFile = (page: Page, name: string, content: string) =>
    page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(content) });
  const count = (page: Page, which: string) => page.locator(`dd[data-count="${which}"]`).textContent();
  const noHorizontalOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const keyed = () =>
    bridge.core.db.prepare('SELECT external_key AS key, roepnaam, achternaam, groep, active FROM pupils ORDER BY external_key').all() as {
      key: string;
      roepnaam: string;
      achternaam: string;
      groep: string;
      active: number;
    }[];

  it('previews a generated EDEXML, imports it on confirmation, and a year later sees and applies the changes', async () => {
    const { page, context, problems } = await openOffice();
    expect(await page.getByRole('navigation', { name: 'Administratiemenu' }).getByRole('button', { name: 'Leerlingen importeren' }).getAttribute('aria-current')).toBe('page');

    const thisYear = generatePupils(60);
    await chooseFile(page, 'leerlingen-2026.xml', toEdexml(thisYear));
    await expect.poll(() => count(page, 'added')).toBe('60');
    await page.getByText('leerlingen-2026.xml: EDEXML 2.0').waitFor();
    // What is left out is said, and nothing is written yet.
    await page.getByText('bsn (60)').waitFor();
    expect(keyed()).toEqual([]);
    await screenshot(page, 'office-import-preview-1366x768');

    await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Leerlingen inlezen?' }).getByText('60 nieuw, 0 gewijzigd, 0 gedeactiveerd').waitFor();
    await page.getByRole('button', { name: 'Ja, inlezen' }).click();
    await page.getByRole('status').filter({ hasText: '60 nieuw, 0 gewijzigd, 0 gedeactiveerd, 0 ongewijzigd' }).waitFor();
    expect(keyed()).toHaveLength(60);
    expect(keyed().find((p) => p.key === '00006')).toMatchObject({ roepnaam: thisYear[5]!.expected.roepnaam, active: 1 });
    await screenshot(page, 'office-import-report-1366x768');

    // A year later: ten left, five came, a third moved groups, some names corrected.
    const nextYear = [...generatePupils(50, { round: 1, firstIndex: 10 }), ...generatePupils(5, { firstIndex: 60 })];
    await page.getByRole('button', { name: 'Nog een bestand inlezen' }).click();
    await chooseFile(page, 'leerlingen-2027.xml', toEdexml(nextYear, { version: '2.1' }));
    await expect.poll(() => count(page, 'deactivated')).toBe('10');
    expect(await count(page, 'added')).toBe('5');
    const changed = page.getByRole('table', { name: 'Gewijzigd' });
    const moved = nextYear[2]!; // index 12: moved two groups on
    await changed.getByRole('row').filter({ hasText: moved.expected.roepnaam }).filter({ hasText: `was ${thisYear[12]!.expected.groep}` }).first().waitFor();
    await page.getByRole('table', { name: 'Niet meer in het bestand' }).getByRole('row').nth(10).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'office-import-reimport-1920x1080');
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await noHorizontalOverflow(page)).toBe(true);
    await screenshot(page, 'office-import-reimport-1024x768');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'office-import-reimport-1366x768');

    await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    await page.getByRole('button', { name: 'Ja, inlezen' }).click();
    await page.getByRole('status').filter({ hasText: 'Ingelezen' }).or(page.getByRole('heading', { name: '✓ Ingelezen' })).first().waitFor();
    const rows = new Map(keyed().map((p) => [p.key, p]));
    expect(rows.size).toBe(65);
    expect(rows.get(moved.key)).toMatchObject({ groep: moved.expected.groep, active: 1 });
    expect(rows.get(thisYear[0]!.key)).toMatchObject({ active: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a class list: the columns are guessed, one is chosen by hand and saved, a broken row blocks the import', async () => {
    const { page, context, problems } = await openOffice({ width: 1920, height: 1080 });
    const csv = ['Nr;Roepnaam;Tussenvoegsel;Achternaam;Klas', '501;Daan;de;Vries;7B', '502;Zoë;van;Dijk;7B', '503;Noor;Jansen;7B'].join('\n');
    await page.getByLabel('Kies een bestand').setInputFiles({ name: 'klas7b.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // "Nr" is not a header Inleverpunt knows: the pupil number is not mapped yet.
    await page.getByRole('alert').filter({ hasText: 'geen kolom gekozen, of de kolom ontbreekt' }).waitFor();
    expect(await page.getByLabel('Roepnaam', { exact: true }).inputValue()).toBe('Roepnaam');
    expect(await page.getByLabel('Groep', { exact: true }).inputValue()).toBe('Klas');
    await page.getByLabel('Leerlingnummer').selectOption('Nr');
    await page.getByRole('button', { name: 'Voorbeeld bijwerken' }).click();
    await page.getByRole('table', { name: '1 fout in het bestand' }).getByRole('row').filter({ hasText: 'een ander aantal kolommen' }).filter({ hasText: '4' }).waitFor();
    expect(await page.getByRole('button', { name: 'Inlezen', exact: true }).isDisabled()).toBe(true);
    // A class list after the whole school: by default everyone else would be deactivated.
    const activeElsewhere = keyed().filter((p) => p.active === 1).length;
    await expect.poll(() => count(page, 'deactivated')).toBe(String(activeElsewhere));
    await page.getByRole('radio', { name: 'alleen in de groepen van dit bestand (een klassenlijst)' }).check();
    const in7B = keyed().filter((p) => p.active === 1 && p.groep === '7B').length;
    await expect.poll(() => count(page, 'deactivated')).toBe(String(in7B));
    await page.getByLabel('Bewaar deze indeling als').fill('Lijst groep 7');
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByRole('status').filter({ hasText: 'Indeling "Lijst groep 7" bewaard.' }).waitFor();
    await screenshot(page, 'office-import-csv-mapping-1920x1080');
    expect(keyed().filter((p) => p.key.startsWith('50'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a damaged file says what is wrong and on which line, in English too', async () => {
    const { page, context } = await openOffice();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    const broken = toEdexml(generatePupils(3)).replace('</achternaam>', '</achternam>');
    await chooseFile(page, 'kapot.xml', broken);
    const line = broken.slice(0, broken.indexOf('</achternam>')).split('\n').length;
    await page.getByRole('alert').filter({ hasText: 'This file cannot be read' }).filter({ hasText: `Line ${line}: the XML is damaged or incomplete` }).waitFor();
    await context.close();
  });
});
