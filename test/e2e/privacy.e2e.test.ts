import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import { readSettings } from '../../src/core/settings/store';
import type { TestBridge } from './support/demo';
import { openKiosk, screenshot } from './support/browser';
import { doorKioskSuite, eventsOfType, openDoor } from './support/door';
import { lockKiosk, tapPin } from './support/pin';
import { openArea } from './support/navigation';


async function openPrivacy(browser: Browser, bridge: TestBridge, demo: DemoSchool, viewport: { width: number; height: number }) {
  const opened = await openDoor(browser, bridge, { viewport });
  await openArea(opened.page, 'Administratie');
  await tapPin(opened.page.getByRole('form', { name: 'Toets je pincode in' }), demo.staff.office.pin);
  await opened.page.locator('nav.office-menu').getByRole('button', { name: 'Privacy (AVG)' }).click();
  await opened.page.getByRole('heading', { name: 'Privacy (AVG)' }).first().waitFor();
  return opened;
}

async function openSettingsAs(browser: Browser, bridge: TestBridge, demo: DemoSchool, viewport: { width: number; height: number }, screen = '') {
  const opened = await openKiosk(browser, bridge, { viewport });
  await opened.page.goto(`${bridge.url}/index.html#/settings${screen ? `/${screen}` : ''}`);
  await tapPin(opened.page.locator('form.pinpad'), demo.staff.admin.pin);
  return opened;
}

describe('privacy: subject access, erasure on request, retention and backups', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));
  beforeEach(() => lockKiosk(bridge.url));

  it('the office makes a pupil’s PDF for the parent and erases another pupil on request (1366×768)', async () => {
    const { page, context, problems } = await openPrivacy(browser, bridge, demo, { width: 1366, height: 768 });
    const [first, second] = demo.pupils;
    await page.getByLabel('Leerling', { exact: true }).selectOption(first!.pupilId);
    await screenshot(page, 'office-privacy-1366');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF maken' }).click()]);
    const pdf = join(mkdtempSync(join(tmpdir(), 'inleverpunt-inzage-')), 'inzage.pdf');
    await file.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(first!.achternaam);
    expect(text).not.toContain(second!.achternaam);
    expect(eventsOfType(bridge, 'export_made')[0]).toMatchObject({ pupilId: first!.pupilId, details: { kind: 'subject_access' } });

    await page.getByLabel('Leerling', { exact: true }).selectOption(second!.pupilId);
    await page.getByLabel('Reden (geen namen: dit blijft in het logboek)').fill('verzoek ouders, brief 2 december');
    await page.getByRole('button', { name: 'Gegevens wissen' }).click();
    await screenshot(page, 'office-privacy-erase-confirm-1366');
    await page.getByRole('button', { name: 'Ja, wissen' }).click();
    await page.getByText('De leerling staat niet meer in de lijst.', { exact: false }).waitFor();
    await expect.poll(() => page.locator(`option[value="${second!.pupilId}"]`).count()).toBe(0);
    expect(eventsOfType(bridge, 'payload_redacted')[0]).toMatchObject({ details: { reason: 'request', pupilId: second!.pupilId } });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('erasure is refused with the reason while a confiscation is open (English, 1920×1080)', async () => {
    const pupil = demo.pupils.find((p) => p.deviceIds.length > 0 && p.pupilId !== demo.pupils[1]!.pupilId)!;
    const s = bridge.core.services;
    s.handIn({ deviceId: pupil.deviceIds[0]!, actor: 'pupil' });
    s.confiscate({
      deviceId: pupil.deviceIds[0]!,
      actor: demo.staff.teacher7A.staffId,
      reason: 'filmen in de klas',
      article: 'B.3',
      witnessStaffId: demo.staff.teacher8B.staffId,
      witnessPin: demo.staff.teacher8B.pin,
    });
    const { page, context, problems } = await openPrivacy(browser, bridge, demo, { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Pupil', { exact: true }).selectOption(pupil.pupilId);
    await page.getByLabel('Reason (no names: this stays in the ledger)').fill('parents asked');
    await page.getByRole('button', { name: 'Erase data' }).click();
    await page.getByRole('button', { name: 'Yes, erase' }).click();
    await page.getByText('a confiscation or incident about this pupil is still open', { exact: false }).waitFor();
    await screenshot(page, 'office-privacy-refused-1920');
    expect(bridge.core.services.listPupils({}).some((p) => p.pupilId === pupil.pupilId)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the admin sets the retention periods and sees what a purge would erase (1366×768 and 1024×768)', async () => {
    const { page, context, problems } = await openSettingsAs(browser, bridge, demo, { width: 1366, height: 768 });
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    await page.getByLabel('Gewone inlevermomenten en notities (weken)').fill('6');
    await page.getByRole('form', { name: 'Instellingen', exact: true }).getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen. De wijziging staat in het logboek.').waitFor();
    expect(readSettings(bridge.core.db).retention).toEqual({ routineWeeks: 6, closedCaseMonths: 12, leftPupilMonths: 24 });
    await page.getByRole('button', { name: 'Wat zou er nu gewist worden?' }).click();
    await page.getByTestId('retention-result').getByText('Nu te wissen: 0 gebeurtenis(sen)', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Wat zou er nu gewist worden?' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-retention-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'settings-retention-1024');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the admin makes a backup, copies it to a typed folder (checked there) and restores it after a yes', async () => {
    const usb = mkdtempSync(join(tmpdir(), 'inleverpunt-usb-'));
    try {
      const { page, context, problems } = await openSettingsAs(browser, bridge, demo, { width: 1366, height: 768 }, 'backups');
      await page.getByRole('heading', { name: 'Back-ups' }).waitFor();
      await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
      await page.getByText('Back-up gemaakt en gecontroleerd.').waitFor();
      const row = page.locator('tr[data-backup]').first();
      await row.getByText('In orde').waitFor();
      await row.getByLabel('Kopiëren naar map (USB-stick of netwerkmap)').fill(usb);
      await row.getByRole('button', { name: 'Kopiëren', exact: true }).click();
      await page.getByText('Gekopieerd en gecontroleerd', { exact: false }).waitFor();
      const copied = readdirSync(usb);
      expect(copied.some((n) => n.endsWith('.db'))).toBe(true);
      expect(copied.some((n) => n.endsWith('.db.sha256'))).toBe(true);
      await screenshot(page, 'settings-backups-1366');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, 'settings-backups-1920');

      await row.getByRole('button', { name: 'Terugzetten' }).click();
      await row.getByRole('alertdialog').waitFor();
      await screenshot(page, 'settings-backups-restore-confirm-1920');
      const before = bridge.core;
      await row.getByRole('button', { name: 'Ja, terugzetten' }).click();
      await page.getByText('Teruggezet. De kiosk start opnieuw.').waitFor();
      expect(bridge.core).not.toBe(before);
      expect(bridge.core.problem).toBeNull();
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      rmSync(usb, { recursive: true, force: true });
    }
  });
});
