import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { updateSettings } from '../../src/core/settings/store';
import { newOwnCode } from '../../src/shared/scan/codes';
import { startBridge, type Bridge } from '../bridge/server';
import { createTestClock, type TestClock } from '../bridge/testClock';
import { TEST_PIN_COST } from '../core/support/custodyFixture';
import { generatePupils, toEdexml } from '../support/edexml';
import { pdfText, requireTools } from '../support/pdfRaster';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { lockKiosk, tapPin } from './support/pin';
import { schoolTime } from './support/schoolTime';
import { testWedge, wedgeScan } from './support/wedge';

const OFFICE_PIN = '432100';

/**
 * Issue 11's "done when": a school goes from its EDEXML export to a printed, scannable sticker
 * sheet for a whole group through the office screens alone.
 */
describe('the office: from an EDEXML export to a group sticker sheet', () => {
  let bridge: Bridge<TestClock>;
  let browser: Browser;
  beforeAll(async () => {
    bridge = await startBridge({
      clock: createTestClock(schoolTime(15, 30)),
      pinCost: TEST_PIN_COST,
      seed: (core) => {
        const admin = core.services.createStaff({ displayName: 'Beheerder ICT', role: 'admin', pin: '987654', actor: 'system' });
        core.services.createStaff({ displayName: 'Administratie', role: 'office', pin: OFFICE_PIN, actor: admin.staffId });
        updateSettings(core.services.context, admin.staffId, { wedge: testWedge });
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });
  beforeEach(async () => {
    requireTools();
    await lockKiosk(bridge.url);
  });

  const menu = (page: Page, name: string) => page.getByRole('navigation', { name: 'Administratiemenu' }).getByRole('button', { name, exact: true });
  const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const pupilCard = (page: Page, name: string) => page.getByRole('article', { name, exact: true });
  const overflowing = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.devices-screen, .devices-screen *')]
        .map((el) => el.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.right > width + 0.5).length;
    });

  it('imports a group, registers a device for every pupil with a scanned or a new code, and prints their sheet', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge, { viewport: { width: 1366, height: 768 }, time: schoolTime(15, 30) });
    await page.goto(`${bridge.url}/index.html#/office`);
    await tapPin(page.getByRole('form', { name: 'Toets je pincode in' }), OFFICE_PIN, 'Administratie');
    await page.getByRole('heading', { level: 1, name: 'Leerlingen importeren' }).waitFor();

    // 1. The administration's export, for the school (several groups).
    const pupils = generatePupils(40);
    await page.locator('input[type="file"]').setInputFiles({ name: 'leerlingen.xml', mimeType: 'application/xml', buffer: Buffer.from(toEdexml(pupils)) });
    await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    await page.getByRole('button', { name: 'Ja, inlezen' }).click();
    await status(page, '40 nieuw');
    const counts = new Map<string, number>();
    for (const p of pupils) counts.set(p.expected.groep, (counts.get(p.expected.groep) ?? 0) + 1);
    const groep = [...counts].filter(([g]) => /^\d[AB]$/.test(g)).sort((a, b) => b[1] - a[1])[0]![0];
    const names = bridge.core.services.listPupils({ groep }).map((p) => [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' '));
    expect(names.length).toBeGreaterThanOrEqual(3);

    // 2. Devices and stickers for each of the group's pupils, in class-list order.
    await menu(page, 'Apparaten en stickers').click();
    await page.getByRole('heading', { name: 'Apparaten en stickers' }).waitFor();
    await page.getByLabel('Groep').selectOption(groep);
    await expect.poll(() => page.locator('.devices-pupil h3').allTextContents()).toEqual(names);

    const scanned = newOwnCode();
    for (const [i, name] of names.entries()) {
      const card = pupilCard(page, name);
      await card.getByRole('button', { name: `Apparaat registreren voor ${name}` }).click();
      const form = card.getByRole('form', { name: `Apparaat registreren voor ${name}` });
      await form.getByLabel('Omschrijving').fill(`telefoon ${i + 1}`);
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await status(page, 'Apparaat geregistreerd.');
      if (i === 0) {
        // A sticker from a sheet of fresh codes, read by the kiosk's scanner wherever the focus is.
        await card.getByRole('button', { name: 'Sticker scannen' }).click();
        await card.getByText('Scan nu de sticker').waitFor();
        await wedgeScan(page, scanned);
        await status(page, `Code ${scanned} gekoppeld.`);
      } else {
        await card.getByRole('button', { name: 'Nieuwe code uitgeven' }).click();
        await status(page, 'gekoppeld.');
      }
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'office-devices-1366x768');

    // A lost sticker is withdrawn with a reason, and the device gets a new one.
    const second = pupilCard(page, names[1]!);
    const lost = (await second.locator('.devices-tag-code').first().textContent())!;
    await second.getByRole('button', { name: 'Intrekken' }).click();
    const revokeForm = second.getByRole('form', { name: `Code ${lost} intrekken` });
    await revokeForm.getByLabel('Reden').fill('kwijtgeraakt');
    await revokeForm.getByRole('button', { name: 'Intrekken' }).click();
    await status(page, `Code ${lost} ingetrokken`);
    await second.getByRole('button', { name: 'Nieuwe code uitgeven' }).click();
    await status(page, 'gekoppeld.');

    // The first pupil also has a watch; the scanned sticker was meant for it and moves there.
    const first = pupilCard(page, names[0]!);
    await first.getByRole('button', { name: `Apparaat registreren voor ${names[0]}` }).click();
    const watchForm = first.getByRole('form', { name: `Apparaat registreren voor ${names[0]}` });
    await watchForm.getByLabel('Soort').selectOption('smartwatch');
    await watchForm.getByLabel('Omschrijving').fill('horloge');
    await watchForm.getByRole('button', { name: 'Opslaan' }).click();
    await status(page, 'Apparaat geregistreerd.');
    await first.locator(`[data-code="${scanned}"]`).getByRole('button', { name: 'Verplaatsen' }).click();
    const moveForm = first.getByRole('form', { name: `Code ${scanned} naar een ander apparaat` });
    await moveForm.getByLabel('Naar apparaat').selectOption({ label: `${names[0]} — Smartwatch: horloge` });
    await moveForm.getByLabel('Reden').fill('hoort op het horloge');
    await moveForm.getByRole('button', { name: 'Verplaatsen' }).click();
    await status(page, `Code ${scanned} verplaatst.`);
    await first.getByRole('group', { name: `${names[0]} — Telefoon: telefoon 1` }).getByRole('button', { name: 'Nieuwe code uitgeven' }).click();
    await status(page, 'gekoppeld.');

    // The last pupil's phone also gets an NFC sticker: its UID is read, not printed.
    const last = pupilCard(page, names.at(-1)!);
    await last.getByRole('button', { name: 'Sticker scannen' }).click();
    await last.getByLabel('Het is een NFC-tag').check();
    await wedgeScan(page, '04A22B1A6C5E80');
    await status(page, 'Code 04A22B1A6C5E80 gekoppeld.');
    await last.locator('[data-code="04A22B1A6C5E80"]').getByText('NFC-tag · actief').waitFor();

    const watch = bridge.core.services.devicesOfGroup({ groep }).flatMap((p) => p.devices).find((d) => d.kind === 'smartwatch')!;
    expect(watch.tags.map((t) => t.canonical)).toEqual([scanned]);
    const types = bridge.core.services.listEvents({ limit: 500 }).events.map((e) => e.type);
    expect(types.filter((t) => t === 'device_registered')).toHaveLength(names.length + 1);
    expect(types.filter((t) => t === 'tag_revoked')).toHaveLength(1);
    // Each code given out, the second one for the lost sticker, the phone's new one, the move and the NFC tag.
    expect(types.filter((t) => t === 'tag_assigned')).toHaveLength(names.length + 4);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'office-devices-1920x1080');
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await overflowing(page)).toBe(0);
    await screenshot(page, 'office-devices-1024x768');
    await page.setViewportSize({ width: 1366, height: 768 });

    // 3. The group's sticker sheet: every active code of the group, not the withdrawn one.
    const active = bridge.core.services
      .devicesOfGroup({ groep })
      .flatMap((p) => p.devices.flatMap((d) => d.tags))
      .filter((t) => t.status === 'active' && t.kind === 'device_sticker')
      .map((t) => t.canonical);
    expect(active).toHaveLength(names.length + 1);
    await menu(page, 'Stickers afdrukken').click();
    await page.getByRole('button', { name: 'Stickers van een groep' }).click();
    await page.getByLabel('Groep').selectOption(groep);
    await page.getByRole('button', { name: /^L7160/ }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF maken' }).click()]);
    const pdf = await readFile(await file.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const code of active) expect(text).toContain(code);
    expect(text).not.toContain(lost);
    expect(text).not.toContain('04A22B1A6C5E80');
    await status(page, `${active.length} etiketten op 1 pagina`);
    await screenshot(page, 'office-devices-sheet-1366x768');
    expect(problems).toEqual([]);
    await context.close();
  });
});
