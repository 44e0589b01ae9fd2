import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import type { TestBridge } from './support/demo';
import { advanceClocks, screenshot } from './support/browser';
import { tapPin } from './support/pin';
import { confirmationOf, eventsOfType, openDoor, schoolTime, doorKioskSuite, stickerTags, wedgeScan } from './support/door';
import { openArea } from './support/navigation';

const typePin = (page: Page, pin: string) => tapPin(page.getByTestId('door-switch-dialog'), pin);

const mode = (page: Page) => page.getByTestId('door-mode').getAttribute('data-mode');

describe('the door in return mode', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));

  it('only a teacher switches to return mode; scanning then gives devices back and the counter counts down', async () => {
    const { page, problems, context } = await openDoor(browser, bridge);
    const [a, b, c, notHeld] = stickerTags(demo);
    for (const tag of [a!, b!, c!]) {
      await wedgeScan(page, tag.code);
      await confirmationOf(page, tag.deviceId).waitFor();
    }
    expect(await mode(page)).toBe('hand-in');

    // A pupil tapping the switch meets a PIN pad; a wrong PIN changes nothing.
    await page.getByRole('button', { name: /Naar teruggeven/ }).click();
    await page.getByRole('dialog', { name: 'Wisselen naar Teruggeven' }).waitFor();
    await typePin(page, '0000');
    await expect.poll(() => page.getByTestId('door-switch-dialog').getByRole('alert').textContent()).toBe('De pincode klopt niet.');
    expect(await mode(page)).toBe('hand-in');

    await typePin(page, demo.staff.teacher7A.pin);
    await expect.poll(() => mode(page)).toBe('return');
    expect(await page.getByTestId('door-switch-dialog').count()).toBe(0);
    expect(await page.getByTestId('topbar-mode').textContent()).toBe('Teruggeven');
    await expect.poll(() => page.getByTestId('door-counter').textContent()).toBe('Nog 3 van de 3 liggen hier');
    // The door locked again straight away; the teacher stays on duty.
    expect(bridge.core.services.listEvents({ limit: 5 }).events.some((e) => e.type === 'staff_login')).toBe(true);
    const session = await page.evaluate(() =>
      (window as unknown as { inleverpunt: { api: { getSession(a: object): Promise<unknown> } } }).inleverpunt.api.getSession({}),
    );
    expect(session).toMatchObject({ ok: true, value: { unlocked: null, onDuty: { staffId: demo.staff.teacher7A.staffId } } });
    await page.clock.fastForward(7000); // the hand-in cards fade
    await screenshot(page, 'door-return-mode-1366x768');

    for (const tag of [a!, b!]) {
      await wedgeScan(page, tag.code);
      const card = confirmationOf(page, tag.deviceId);
      await card.waitFor();
      expect(await card.getByTestId('door-status').textContent()).toMatch(/^Teruggegeven om \d\d:\d\d$/);
      // The teacher sees which pouch to take it from.
      expect(await card.getByTestId('door-pouch').textContent()).toBe(`Haal hem uitVak ${demo.pupils.find((p) => p.pupilId === tag.pupilId)!.pouchNumber}`);
    }
    await expect.poll(() => page.getByTestId('door-counter').textContent()).toBe('Nog 1 van de 3 liggen hier');
    await screenshot(page, 'door-return-confirmation-1366x768');
    const returned = eventsOfType(bridge, 'returned');
    expect(returned.map((e) => e.deviceId).sort()).toEqual([a!.deviceId, b!.deviceId].sort());

    // A device that is not held cannot be given back: the door says so, and writes nothing.
    await wedgeScan(page, notHeld!.code);
    await page.locator('[data-testid="door-problem"][data-code="NOT_IN_CUSTODY"]').waitFor();
    expect(eventsOfType(bridge, 'returned')).toHaveLength(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches to return mode by itself at the school’s return time (14:00), and a teacher can switch back', async () => {
    const { page, problems, context } = await openDoor(browser, bridge, { time: schoolTime(13, 59) });
    expect(await mode(page)).toBe('hand-in');
    await advanceClocks(page, bridge, 90_000);
    await expect.poll(() => mode(page)).toBe('return');
    await expect.poll(() => page.getByTestId('door-counter').textContent()).toBe('Nog 1 van de 3 liggen hier');

    await page.getByRole('button', { name: /Naar inleveren/ }).click();
    await typePin(page, demo.staff.teacher8B.pin);
    await expect.poll(() => mode(page)).toBe('hand-in');
    // The teacher's choice holds when the clock is checked again.
    await advanceClocks(page, bridge, 120_000);
    expect(await mode(page)).toBe('hand-in');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opened after the return time, the door starts in return mode; in English too', async () => {
    const { page, context } = await openDoor(browser, bridge, { time: schoolTime(14, 30), viewport: { width: 1920, height: 1080 } });
    expect(await mode(page)).toBe('return');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('door-counter').textContent()).toBe('1 of the 3 are still here');
    await screenshot(page, 'door-return-mode-en-1920x1080');
    await context.close();
  });
  it('a teacher who unlocked in the teacher area switches at the door at once, scans as themselves, and can lock the door', async () => {
    const { page, problems, context } = await openDoor(browser, bridge);
    await openArea(page, 'Leerkracht');
    const pad = page.getByRole('form', { name: 'Toets je pincode in' });
    await tapPin(pad, demo.staff.teacher8B.pin);
    await page.getByRole('button', { name: 'Inleveren', exact: true }).click();

    await page.getByText('Ontgrendeld: Meester Bram').waitFor();
    await page.getByRole('button', { name: 'Naar teruggeven' }).click();
    expect(await page.getByTestId('door-switch-dialog').count()).toBe(0);
    await expect.poll(() => mode(page)).toBe('return');

    const held = bridge.core.services.listCustody({ heldOnly: true })[0]!;
    const tag = stickerTags(demo).find((t) => t.deviceId === held.deviceId)!;
    await wedgeScan(page, tag.code);
    await confirmationOf(page, tag.deviceId).waitFor();
    expect(eventsOfType(bridge, 'returned')[0]).toMatchObject({ deviceId: tag.deviceId, actor: demo.staff.teacher8B.staffId });

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('button', { name: /Naar inleveren \(met pincode\)/ }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
