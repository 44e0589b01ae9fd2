import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import { createHash } from 'node:crypto';
import { openNote, parseVerifierKey } from '../../src/core/evidence/signedNote';
import { verifyBundle } from '../../src/core/evidence/verifyBundle';
import { kioskVerifierKey } from '../../src/core/kiosk/signer';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { doorKioskSuite, eventsOfType, openDoor } from './support/door';
import { lockKiosk, tapPin } from './support/pin';
import { openArea } from './support/navigation';
import { pdfText } from '../support/pdfRaster';


async function openExport(browser: Browser, bridge: TestBridge, demo: DemoSchool, viewport: { width: number; height: number }) {
  const opened = await openDoor(browser, bridge, { viewport });
  await openArea(opened.page, 'Administratie');
  await tapPin(opened.page.getByRole('form', { name: 'Toets je pincode in' }), demo.staff.office.pin);
  await opened.page.locator('nav.office-menu').getByRole('button', { name: 'Logboek exporteren' }).click();
  await opened.page.getByRole('heading', { name: 'Logboek exporteren' }).first().waitFor();
  return opened;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe('the office exports the log', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));
  beforeEach(() => lockKiosk(bridge.url));

  it('a CSV for Dutch Excel of one group, with the signed checkpoint it was made against (1366×768)', async () => {
    const { page, context, problems } = await openExport(browser, bridge, demo, { width: 1366, height: 768 });
    await page.getByLabel('Groep').selectOption('7A');
    // A school without history yet: its pupils' registrations are what the log holds of 7A.
    await page.getByRole('button', { name: 'Alles, ook registratie en beheer' }).click();
    await screenshot(page, 'office-export-1366');
    const csv = await download(page, 'Exporteren');
    expect(csv.name).toMatch(/^logboek-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(csv.bytes.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(rows[0]?.slice(0, 3)).toEqual(['Volgnummer', 'Tijd', 'Gebeurtenis']);
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.slice(1).map((r) => r[6]))).toEqual(new Set(['7A']));
    await page.getByText(`${rows.length - 1} gebeurtenissen geëxporteerd`, { exact: false }).waitFor();
    const note = await download(page, 'Controlepunt bewaren');
    expect(openNote(note.bytes.toString('utf8'), [parseVerifierKey(kioskVerifierKey(bridge.core.db))]).signedBy).toHaveLength(1);
    expect(eventsOfType(bridge, 'export_made').at(-1)).toMatchObject({ details: { format: 'csv', filter: { groep: '7A' } } });
    // The export is listed under the form, with the SHA-256 of exactly the file downloaded.
    const listed = page.getByRole('region', { name: 'Eerdere exports' }).getByRole('row').nth(1);
    await listed.getByText(createHash('sha256').update(csv.bytes).digest('hex')).waitFor();
    expect(await listed.textContent()).toContain('groep 7A');
    expect(await listed.textContent()).toContain(`${rows.length - 1}`);
    await listed.scrollIntoViewIfNeeded();
    await screenshot(page, 'office-exports-list-1366');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an Excel file of everything, in English, at 1920×1080', async () => {
    const { page, context, problems } = await openExport(browser, bridge, demo, { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Excel (.xlsx)' }).click();
    await page.getByRole('button', { name: 'Everything, registration and administration too' }).click();
    await screenshot(page, 'office-export-1920');
    const xlsx = await download(page, 'Export');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(1).getCell(3).value).toBe('Event');
    expect(book.worksheets[0]!.rowCount).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Evidence bundle (.jsonl)' }).click();
    const bundle = await download(page, 'Export');
    expect(bundle.name).toMatch(/\.jsonl$/);
    expect(verifyBundle(bundle.bytes, { key: kioskVerifierKey(bridge.core.db) })).toMatchObject({ ok: true });
    await page.getByRole('button', { name: 'Printable log (PDF)' }).click();
    const pdf = await download(page, 'Export');
    expect(pdf.name).toMatch(/^logboek-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf.bytes)).toContain('Custody log');
    const history = page.getByRole('region', { name: 'Earlier exports' });
    await history.getByText(createHash('sha256').update(pdf.bytes).digest('hex')).waitFor();
    await history.getByText(createHash('sha256').update(bundle.bytes).digest('hex')).waitFor();
    await history.getByText(createHash('sha256').update(xlsx.bytes).digest('hex')).waitFor();
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'office-exports-list-1920');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the list of earlier exports fits a 1024×768 screen without sideways scrolling', async () => {
    const { page, context, problems } = await openExport(browser, bridge, demo, { width: 1024, height: 768 });
    const csv = await download(page, 'Exporteren');
    const history = page.getByRole('region', { name: 'Eerdere exports' });
    await history.getByText(createHash('sha256').update(csv.bytes).digest('hex')).waitFor();
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'office-exports-list-1024');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const box = await history.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1024);
    expect(problems).toEqual([]);
    await context.close();
  });
});
