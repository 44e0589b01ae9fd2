import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PINS, type DemoSchool } from '../../src/core/demo/seed';
import { pdfPageCount, pdfText, requireTools } from '../support/pdfRaster';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { confirmationOf, doorKioskSuite, eventsOfType, openDoor, schoolTime, stickerTags, wedgeScan } from './support/door';
import { lockKiosk, openTeacherScreen, tapPin } from './support/pin';
import { openArea } from './support/navigation';

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/**
 * PRODUCT.md's story: "A phone is reported cracked a week later; the office prints its
 * chain-of-custody report (PDF) showing every event, its condition notes and a verified chain."
 */
describe('a phone reported cracked a week later', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));

  it('handed in with a cracked screen noted, returned, reported by a parent; the office prints the report', async () => {
    requireTools();
    const tag = stickerTags(demo).find((t) => demo.pupils.find((p) => p.pupilId === t.pupilId)?.groep === '7A')!;
    const pupil = demo.pupils.find((p) => p.pupilId === tag.pupilId)!;
    const device = demo.devices.find((d) => d.deviceId === tag.deviceId)!;

    // Tuesday 08:15: handed in at the door, the pupil marks the crack that is already there.
    const morning = await openDoor(browser, bridge, { time: schoolTime(8, 15) });
    await wedgeScan(morning.page, tag.code);
    const card = confirmationOf(morning.page, tag.deviceId);
    await card.waitFor();
    await card.getByRole('button', { name: 'Schade melden' }).click();
    await morning.page.getByRole('dialog', { name: 'Wat is er kapot?' }).getByRole('button', { name: 'Scherm gebarsten' }).click();
    await expect.poll(() => card.getByTestId('door-damage-noted').textContent()).toBe('✓ Genoteerd: Scherm gebarsten');
    await morning.context.close();

    // 14:30: the door is in return mode; the phone goes back.
    const afternoon = await openDoor(browser, bridge, { time: schoolTime(14, 30) });
    await wedgeScan(afternoon.page, tag.code);
    await confirmationOf(afternoon.page, tag.deviceId).waitFor();
    expect(eventsOfType(bridge, 'returned').map((e) => e.deviceId)).toContain(tag.deviceId);
    await afternoon.context.close();

    // A week later the mother phones; the teacher records it, with what the insurer will ask.
    await lockKiosk(bridge.url);
    const teacher = await openDoor(browser, bridge, { time: schoolTime(9, 5, 7) });
    await openTeacherScreen(teacher.page, bridge.url, `incident?device=${tag.deviceId}`, DEMO_PINS.teacher7A);
    await teacher.page.getByRole('heading', { name: 'Incident melden' }).waitFor();
    await teacher.page.getByLabel('Beschrijving').fill('Moeder belt: het scherm is helemaal gebarsten sinds vorige week.');
    await teacher.page.getByText('Voor de verzekering').click();
    await teacher.page.getByLabel('Ontdekt op').fill('2026-11-17T19:30');
    await teacher.page.getByLabel('Getuigen').fill('Moeder, oudere broer');
    await teacher.page.getByLabel('Aankoopdatum').fill('2025-08-30');
    await teacher.page.getByLabel('Aankoopprijs (€)').fill('349,00');
    await screenshot(teacher.page, 'cracked-phone-incident-1366');
    await teacher.page.getByRole('button', { name: 'Melden' }).click();
    await teacher.page.getByRole('heading', { name: 'Incident gemeld' }).waitFor();
    const incident = eventsOfType(bridge, 'incident_reported').find((e) => e.deviceId === tag.deviceId)!;
    expect(incident.details).toMatchObject({ kind: 'damage', purchaseDate: '2025-08-30', purchasePriceCents: 34900 });

    // The teacher can print that incident's report from the corrections list.
    await teacher.page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByRole('button', { name: 'Correcties' }).click();
    const incidentPdf = await download(teacher.page, () => teacher.page.getByRole('button', { name: `Rapport maken: bewaarrapport van incident #${incident.seq}` }).click());
    expect(incidentPdf.name).toBe(`bewaarrapport-incident-${incident.seq}-${schoolTime(9, 5, 7).toISOString().slice(0, 10)}.pdf`);
    const incidentText = flat(pdfText(incidentPdf.bytes));
    expect(incidentText).toContain(`Incident #${incident.seq}`);
    expect(incidentText).toContain('Ingeleverd');
    expect(incidentText).toContain('Teruggegeven');
    expect(incidentText).toContain('€ 349,00');
    expect(teacher.problems).toEqual([]);
    await teacher.context.close();

    // The office finds the phone by group and pupil and prints its whole history (1366×768).
    await lockKiosk(bridge.url);
    const office = await openDoor(browser, bridge, { time: schoolTime(10, 0, 7) });
    await openArea(office.page, 'Administratie');
    await tapPin(office.page.getByRole('form', { name: 'Toets je pincode in' }), demo.staff.office.pin);
    await office.page.locator('nav.office-menu').getByRole('button', { name: 'Bewaarrapport' }).click();
    await office.page.getByRole('heading', { name: 'Bewaarrapport' }).first().waitFor();
    await office.page.getByLabel('Groep').selectOption('7A');
    const option = office.page.getByLabel('Apparaat').locator('option', { hasText: pupil.name });
    await option.first().waitFor({ state: 'attached' });
    await office.page.getByLabel('Apparaat').selectOption(device.deviceId);
    await office.page.getByRole('button', { name: `Rapport van incident #${incident.seq}` }).waitFor();
    await screenshot(office.page, 'office-report-1366');
    const report = await download(office.page, () => office.page.getByRole('button', { name: 'Rapport maken' }).click());
    expect(report.name).toMatch(/^bewaarrapport-toestel-\d{4}-\d{2}-\d{2}\.pdf$/);
    await office.page.getByText('Het logboek is gecontroleerd en in orde.').waitFor();

    const pages = pdfPageCount(report.bytes);
    const text = flat(pdfText(report.bytes));
    // Every event of the phone, in order: registered, sticker, handed in, crack noted, returned, the parent's report.
    const inOrder = ['Apparaat geregistreerd', 'Sticker of tag gekoppeld', 'Ingeleverd', 'Staat genoteerd', 'scherm gebarsten', 'Teruggegeven', 'Incident gemeld', 'Moeder belt'];
    let at = 0;
    for (const words of inOrder) {
      const found = text.indexOf(words, at);
      expect(found, words).toBeGreaterThan(-1);
      at = found;
    }
    expect(text).toContain(pupil.name);
    expect(text).toContain('17-11-2026 08:15');
    expect(text).toContain('In orde: alle');
    expect(text).toContain('Ondertekend controlepunt');
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(eventsOfType(bridge, 'export_made')[0]).toMatchObject({ details: { what: 'custody_report', scope: 'device', deviceId: device.deviceId } });
    expect(office.problems).toEqual([]);
    await office.context.close();
  });

  it('the report section at 1920×1080 and 1024×768', async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1024, height: 768 },
    ]) {
      await lockKiosk(bridge.url);
      const { page, context, problems } = await openDoor(browser, bridge, { viewport });
      await openArea(page, 'Administratie');
      await tapPin(page.getByRole('form', { name: 'Toets je pincode in' }), demo.staff.office.pin);
      await page.locator('nav.office-menu').getByRole('button', { name: 'Bewaarrapport' }).click();
      await page.getByLabel('Groep').selectOption('7A');
      await page.getByLabel('Apparaat').locator('option').nth(1).waitFor({ state: 'attached' });
      await page.getByLabel('Apparaat').selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Rapport maken' }).waitFor();
      await screenshot(page, `office-report-${viewport.width}`);
      const box = await page.getByRole('button', { name: 'Rapport maken' }).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
