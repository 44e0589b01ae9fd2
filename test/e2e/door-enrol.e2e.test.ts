import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import { DEMO_PINS } from '../../src/core/demo/seed';
import { readCustody } from '../../src/core/ledger/projection';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { doorKioskSuite, doorNameOf, eventsOfType, openDoor, schoolTime, soundsPlayed, wedgeScan } from './support/door';
import { tapPin } from './support/pin';
import { testWedge } from './support/wedge';
import { updateSettings } from '../../src/core/settings/store';

/**
 * A pupil scans a sticker the kiosk has never seen (a new phone, a sticker from the box). The
 * child is told kindly to ask the teacher; the teacher enrols it there and then, and the door
 * shows the normal confirmation. This kiosk is group 8B's: only its pupils are offered.
 */
describe('the door: enrolling an unknown sticker', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k), { groups: ['8B'] });

  it('unknown code → "Inschrijven" → teacher PIN → the pupil → the device: registered, tagged and handed in at once', async () => {
    const { page, problems, context } = await openDoor(browser, bridge, { time: schoolTime(8, 20) });
    const pupil = demo.pupils.find((p) => p.groep === '8B' && p.deviceIds.length === 1)!;
    const other = demo.pupils.find((p) => p.groep === '7A')!;
    const code = 'NIEUW2026X1';
    const devicesBefore = bridge.core.services.listDevices({}).length;

    await wedgeScan(page, code);
    const problem = page.getByTestId('door-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('UNKNOWN_TAG');
    await problem.getByText('Vraag je juf of meester').first().waitFor();
    await screenshot(page, 'door-enrol-offer-1366x768');

    await problem.getByRole('button', { name: 'Inschrijven' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe sticker inschrijven' });
    await dialog.getByText(`Code: ${code}`).waitFor();
    await tapPin(dialog, DEMO_PINS.teacher8B, 'Meester Bram');

    await dialog.getByText('Van wie is dit apparaat?').waitFor();
    // The kiosk's own group only: a 7A pupil is not offered, whatever is typed.
    await dialog.getByRole('searchbox', { name: 'Zoek op naam' }).fill(other.roepnaam);
    expect(await dialog.getByRole('button', { name: new RegExp(`^${other.name}`) }).count()).toBe(0);
    await dialog.getByRole('searchbox', { name: 'Zoek op naam' }).fill(pupil.achternaam);
    await screenshot(page, 'door-enrol-pupil-1366x768');
    await dialog.getByRole('button', { name: new RegExp(`^${pupil.name} 8B`) }).click();

    await dialog.getByText(pupil.name).first().waitFor();
    await dialog.getByRole('button', { name: 'Smartwatch' }).click();
    await dialog.getByLabel('Omschrijving').fill('zwart horloge');
    await dialog.getByRole('button', { name: 'Inschrijven en innemen' }).click();

    // The normal confirmation, with the pupil's first name.
    const confirmation = page.getByTestId('door-confirmation').first();
    await confirmation.waitFor();
    expect(await confirmation.getByTestId('door-headline').textContent()).toBe(doorNameOf(demo, pupil.pupilId));
    await dialog.waitFor({ state: 'detached' });
    await screenshot(page, 'door-enrol-done-1366x768');

    const deviceId = await confirmation.getAttribute('data-device');
    const [handedIn] = eventsOfType(bridge, 'handed_in');
    expect(handedIn).toMatchObject({ deviceId, pupilId: pupil.pupilId, actor: demo.staff.teacher8B.staffId });
    expect(eventsOfType(bridge, 'tag_assigned')[0]).toMatchObject({ deviceId, details: expect.objectContaining({ canonical: code }) });
    expect(eventsOfType(bridge, 'device_registered')[0]).toMatchObject({ deviceId, pupilId: pupil.pupilId });
    expect(bridge.core.services.listDevices({}).length).toBe(devicesBefore + 1);
    expect(readCustody(bridge.core.db, deviceId!)).toMatchObject({ held: true });
    // The staff screens are locked again: the next child finds the door as it was.
    expect((await bridge.core.services.listEvents({ limit: 1 })).events[0]?.type).toBe('handed_in');
    expect(await page.evaluate(async () => {
      const bridgeApi = (window as unknown as { inleverpunt: { api: { getSession(a: object): Promise<{ ok: boolean; value: { unlocked: unknown } }> } } }).inleverpunt;
      return (await bridgeApi.api.getSession({})).value.unlocked;
    })).toBeNull();

    // The new sticker now works like any other: a second scan within the minute is acknowledged.
    await wedgeScan(page, code);
    await page.getByTestId('door-confirmation').filter({ hasText: pupil.roepnaam }).first().waitFor();
    expect(eventsOfType(bridge, 'handed_in').filter((e) => e.deviceId === deviceId)).toHaveLength(1);
    expect((await soundsPlayed(page)).error).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a revoked sticker is not offered for enrolment, and cancelling leaves nothing behind', async () => {
    const { page, context, problems } = await openDoor(browser, bridge, { time: schoolTime(8, 30) });
    const revoked = demo.tags.find((t) => t.revoked)!;
    await wedgeScan(page, revoked.code);
    const problem = page.getByTestId('door-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('TAG_REVOKED');
    expect(await problem.getByRole('button', { name: 'Inschrijven' }).count()).toBe(0);

    const events = bridge.core.services.listEvents({ limit: 1 }).events[0]!.seq;
    await wedgeScan(page, 'ONBEKEND77');
    await page.locator('[data-testid="door-problem"][data-code="UNKNOWN_TAG"]').waitFor();
    await page.getByRole('button', { name: 'Inschrijven' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe sticker inschrijven' });
    await tapPin(dialog, DEMO_PINS.teacher8B, 'Meester Bram');
    await dialog.getByText('Van wie is dit apparaat?').waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Only the teacher's unlock is recorded; no device, no tag.
    expect(bridge.core.services.listEvents({ limit: 10 }).events.filter((e) => e.seq > events).map((e) => e.type)).toEqual(['staff_login']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a new phone read by the NFC reader is enrolled as an NFC tag, not as a sticker', async () => {
    updateSettings(bridge.core.services.context, demo.staff.admin.staffId, { wedge: { ...testWedge, nfcProfile: 'hex' } });
    try {
      const { page, context, problems } = await openDoor(browser, bridge, { time: schoolTime(8, 40) });
      const pupil = demo.pupils.filter((p) => p.groep === '8B').at(-1)!;
      // Lower case, as many readers type it: the profile reads it as the same UID.
      await wedgeScan(page, '04a1b2c3d4e5f6');
      await page.locator('[data-testid="door-problem"][data-code="UNKNOWN_TAG"]').waitFor();
      await page.getByRole('button', { name: 'Inschrijven' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nieuwe sticker inschrijven' });
      await dialog.getByText('Code: 04A1B2C3D4E5F6').waitFor();
      await tapPin(dialog, DEMO_PINS.teacher8B, 'Meester Bram');
      await dialog.getByRole('searchbox', { name: 'Zoek op naam' }).fill(pupil.achternaam);
      await dialog.getByRole('button', { name: new RegExp(`^${pupil.name} 8B`) }).click();
      await dialog.getByRole('button', { name: 'Inschrijven en innemen' }).click();
      await page.getByTestId('door-confirmation').first().waitFor();
      expect(eventsOfType(bridge, 'tag_assigned')[0]).toMatchObject({
        pupilId: pupil.pupilId,
        details: expect.objectContaining({ kind: 'nfc', canonical: '04A1B2C3D4E5F6' }),
      });
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      updateSettings(bridge.core.services.context, demo.staff.admin.staffId, { wedge: testWedge });
    }
  });
});
