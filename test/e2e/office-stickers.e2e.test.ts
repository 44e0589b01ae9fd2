import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import { labelContents } from '../../src/core/labels/content';
import { pdfPageCount, pdfText, requireTools } from '../support/pdfRaster';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { doorKioskSuite, eventsOfType, openDoor } from './support/door';
import { lockKiosk, tapPin } from './support/pin';
import { openArea } from './support/navigation';


async function openStickers(browser: Browser, bridge: TestBridge, demo: DemoSchool, viewport: { width: number; height: number }) {
  const opened = await openDoor(browser, bridge, { viewport });
  await openArea(opened.page, 'Administratie');
  await tapPin(opened.page.getByRole('form', { name: 'Toets je pincode in' }), demo.staff.office.pin);
  // The office area opens on its first section; the stickers are one tap in its menu.
  await opened.page.locator('nav.office-menu').getByRole('button', { name: 'Stickers afdrukken' }).click();
  await opened.page.getByRole('heading', { name: 'Stickers afdrukken' }).first().waitFor();
  return opened;
}

/** The screen from its top, as the office first sees it. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Clicks "PDF maken" (or another button that downloads) and returns the PDF's bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/**
 * Nothing of the stickers screen sticks out to the right: no element past the window's edge and
 * nothing clipped inside it. (The app's top bar is the shell's, not this screen's.)
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const section = document.querySelector('.stickers')!;
    if (section.scrollWidth > section.clientWidth) out.push(`stickers scroll sideways: ${section.scrollWidth} > ${section.clientWidth}`);
    for (const el of document.querySelectorAll('.stickers *')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) out.push(`${el.tagName}.${el.className} ends at ${Math.round(box.right)}`);
    }
    return out;
  });
}

describe('the office prints sticker sheets', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));
  beforeEach(async () => {
    requireTools();
    await lockKiosk(bridge.url);
  });

  it("a group's stickers on a partly used L7651 sheet (1366×768): a valid one-page PDF, recorded as an export", async () => {
    const { page, context, problems } = await openStickers(browser, bridge, demo, { width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Stickers van een groep' }).click();
    await page.getByLabel('Groep').selectOption('7A');
    await page.getByRole('button', { name: /^L7651/ }).click();
    await page.getByRole('button', { name: 'Begin bij etiket 3', exact: true }).click();
    await page.getByText('Begint bij etiket 3 van 65.').waitFor();
    const expected = labelContents(bridge.core.services.context, { kind: 'group', groep: '7A' });
    expect(expected.length).toBeGreaterThan(10);
    await shoot(page, 'office-stickers-1366');

    const pdf = await download(page, 'PDF maken');
    expect(pdf.name).toMatch(/^stickers-7A-L7651-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf.bytes)).toBe(Math.ceil((2 + expected.length) / 65));
    const text = pdfText(pdf.bytes);
    for (const label of expected) expect(text).toContain(label.code);
    await page.getByRole('status').filter({ hasText: `${expected.length} etiketten op 1 pagina` }).waitFor();
    expect(eventsOfType(bridge, 'export_made')[0]).toMatchObject({
      details: { what: 'label_sheet', format: 'pdf', layout: 'L7651', groep: '7A', labelCount: expected.length, sha256: createHash('sha256').update(pdf.bytes).digest('hex') },
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pouch labels on L7163 at 1920×1080: one label per pouch, 14 to a page', async () => {
    const { page, context, problems } = await openStickers(browser, bridge, demo, { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Vaklabels van een groep' }).click();
    await page.getByLabel('Groep').selectOption('8B');
    await page.getByRole('button', { name: /^L7163/ }).click();
    await shoot(page, 'office-stickers-1920');
    const expected = labelContents(bridge.core.services.context, { kind: 'pouches', groep: '8B' });
    const pdf = await download(page, 'PDF maken');
    expect(pdfPageCount(pdf.bytes)).toBe(Math.ceil(expected.length / 14));
    expect(pdfText(pdf.bytes)).toContain('Vak 1');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at 1024×768 nothing overflows; the printer is adjusted and its calibration page made', async () => {
    const { page, context, problems } = await openStickers(browser, bridge, demo, { width: 1024, height: 768 });
    expect(await overflowing(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nieuwe codes' }).click();
    await page.getByLabel('Aantal codes').fill('30');
    await page.getByRole('button', { name: /^3x8/ }).click();
    expect(await overflowing(page)).toEqual([]);
    await shoot(page, 'office-stickers-1024');
    const fresh = await download(page, 'PDF maken');
    expect(pdfPageCount(fresh.bytes)).toBe(2);

    await page.getByLabel('Naar rechts (mm)').fill('1,5');
    await page.getByLabel('Naar beneden (mm)').fill('-0.8');
    await page.getByRole('button', { name: 'Afstelling opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Afstelling voor 3x8 opgeslagen.' }).waitFor();
    const stored = await bridge.core.services.context.db.prepare("SELECT value FROM settings WHERE key = 'labelCalibration'").get() as { value: string };
    expect(JSON.parse(stored.value)).toEqual({ '3x8': { offsetX: 1.5, offsetY: -0.8, pitchX: 0, pitchY: 0 } });
    const calibration = await download(page, 'Kalibratiepagina maken');
    expect(calibration.name).toBe('kalibratie-3x8.pdf');
    expect(pdfPageCount(calibration.bytes)).toBe(1);
    expect(pdfText(calibration.bytes)).toContain('x +1,5 mm, y -0,8 mm');
    expect(problems).toEqual([]);
    await context.close();
  });
});
