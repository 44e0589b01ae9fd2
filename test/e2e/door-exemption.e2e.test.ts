import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { confirmationOf, doorKioskSuite, eventsOfType, openDoor, doorNameOf, schoolTime, soundsPlayed, stickerTags, wedgeScan } from './support/door';
import { unlockAs } from './support/teacher';

/** The exemption's own tune (sounds.ts: 1047, 784, 1047 Hz): how often it was played. */
const keptTunes = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __tones: number[] }).__tones)).filter((t) => Math.round(t) === 784).length;

const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('the door: a pupil with an exemption keeps the device', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));

  const grant = (tag: { pupilId: string; deviceId: string }, from: Date, until: Date) =>
    bridge.core.services.grantExemption(
      {
        pupilId: tag.pupilId,
        deviceId: tag.deviceId,
        reason: 'medisch',
        validFrom: isoDate(from),
        validUntil: isoDate(until),
        agreedBy: demo.staff.admin.staffId,
        note: 'glucosemeter',
      },
      demo.staff.office.staffId,
    );

  it('says kindly "Jij mag hem houden" with the first name, in its own colour and tune, and records it once', async () => {
    const [tag, next] = stickerTags(demo).slice(0, 2);
    grant(tag!, schoolTime(8, 0), schoolTime(8, 0, 4));
    const { page, context, problems } = await openDoor(browser, bridge, { time: schoolTime(8, 20) });
    await wedgeScan(page, tag!.code);
    const card = confirmationOf(page, tag!.deviceId);
    await card.waitFor();
    expect(await card.getByTestId('door-headline').textContent()).toBe(doorNameOf(demo, tag!.pupilId));
    expect(await card.getByTestId('door-status').textContent()).toBe('Jij mag hem houden');
    expect(await card.getAttribute('class')).toContain('is-exempt');
    expect(await card.getByTestId('door-pouch').count()).toBe(0);
    expect(await card.textContent()).not.toMatch(/medisch|glucose/i);
    await screenshot(page, 'door-exemption-1366x768');

    // The same pupil scans again at once: acknowledged, not recorded twice.
    await wedgeScan(page, tag!.code);
    await expect.poll(() => keptTunes(page)).toBe(2);
    expect(eventsOfType(bridge, 'exemption_used').filter((e) => e.deviceId === tag!.deviceId)).toHaveLength(1);
    expect(eventsOfType(bridge, 'handed_in').filter((e) => e.deviceId === tag!.deviceId)).toHaveLength(0);
    const sounds = await soundsPlayed(page);
    expect(sounds.error).toBe(0);

    // The next pupil, without an exemption, hands in as always.
    await wedgeScan(page, next!.code);
    await confirmationOf(page, next!.deviceId).getByText(/^Ingeleverd om/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the teacher's overview counts the exempted device apart, and the end of day asks nothing about it", async () => {
    const [tag] = stickerTags(demo).slice(3, 4);
    grant(tag!, schoolTime(8, 0), schoolTime(8, 0));
    const { page, context, problems } = await openDoor(browser, bridge, { time: schoolTime(13, 0) });
    await wedgeScan(page, tag!.code);
    await confirmationOf(page, tag!.deviceId).getByText('Jij mag hem houden').waitFor();
    await unlockAs(page, bridge.url, demo.staff.teacher7A.pin);
    const exempted = bridge.core.services.dayOverview().exempted;
    expect(exempted).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('exempted-today').textContent()).toBe(String(exempted));
    await page.getByRole('button', { name: 'Dag afsluiten' }).first().click();
    await page.getByTestId('eod-exempted').getByText(new RegExp(`^${exempted} vrijgesteld`)).waitFor();
    // Scanned at the end of day by mistake: nothing is returned, and the screen says why.
    await wedgeScan(page, tag!.code);
    await page.getByText(/is vrijgesteld: de leerling mocht hem houden\. Er is niets teruggegeven\.$/).waitFor();
    expect(eventsOfType(bridge, 'returned').filter((e) => e.deviceId === tag!.deviceId)).toHaveLength(0);
    await screenshot(page, 'teacher-end-of-day-exempted-1366x768');
    expect(bridge.core.services.dayOverview().outstanding.some((o) => o.deviceId === tag!.deviceId)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('in English: "You may keep it"; the day after the last day the device is handed in again', async () => {
    const [tag] = stickerTags(demo).slice(2, 3);
    grant(tag!, schoolTime(8, 0, -3), schoolTime(8, 0));
    const { page, context, problems } = await openDoor(browser, bridge, { time: schoolTime(8, 25) });
    await page.getByRole('button', { name: 'English' }).click();
    await wedgeScan(page, tag!.code);
    await confirmationOf(page, tag!.deviceId).getByText('You may keep it').waitFor();
    await context.close();

    const tomorrow = await openDoor(browser, bridge, { time: schoolTime(8, 10, 1) });
    await wedgeScan(tomorrow.page, tag!.code);
    await confirmationOf(tomorrow.page, tag!.deviceId).getByText(/^Ingeleverd om/).waitFor();
    expect([...problems, ...tomorrow.problems]).toEqual([]);
    await tomorrow.context.close();
  });

});
