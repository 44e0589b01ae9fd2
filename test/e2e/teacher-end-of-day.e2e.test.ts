import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PINS, type DemoDevice, type DemoSchool } from '../../src/core/demo/seed';
import { readCustody } from '../../src/core/ledger/projection';
import { startDemoBridge, type TestBridge } from './support/demo';
import { handInAtDoor as handInAt, openRowMenu, screenOf, sparePhones, teacherMenu, unlockAs } from './support/teacher';
import { lockKiosk, openTeacherScreen } from './support/pin';
import { advanceClocks, launchChromium, openKiosk, screenshot } from './support/browser';
import { controlAt, recordsCustody, tapMiddle } from './support/movedTarget';
import { schoolTime } from './support/schoolTime';
import { typeLikeAPerson, wedgeScan } from './support/wedge';

describe('the end of the school day', () => {
  let bridge: TestBridge;
  let browser: Browser;
  let demo: DemoSchool;
  let take: () => DemoDevice;
  const handInAtDoor = (d: DemoDevice) => handInAt(bridge, demo, d);
  const stickerOf = (d: DemoDevice) =>
    demo.tags.find((t) => t.deviceId === d.deviceId && t.kind === 'device_sticker' && !t.revoked)?.code;
  const lastEvent = (type: string) => bridge.core.services.listEvents({ limit: 50 }).events.find((e) => e.type === type);

  beforeAll(async () => {
    ({ bridge, demo } = await startDemoBridge());
    // Phones with a barcode sticker, of pupils with one device: they can be scanned back.
    take = sparePhones(demo, true);
    browser = await launchChromium();
  });
  beforeEach(() => lockKiosk(bridge.url));
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  it('two devices still held: one scanned back, one kept with a reason, then the day closes and it is all in the ledger', async () => {
    const [back, kept] = [take(), take()];
    handInAtDoor(back);
    handInAtDoor(kept);
    const { page, context, problems } = await openKiosk(browser, bridge);
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    await teacherMenu(page).getByRole('button', { name: 'Dag afsluiten' }).click();
    await page.getByRole('heading', { name: 'Dag afsluiten', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('eod-left').textContent()).toBe('Nog 2 apparaten zonder besluit');
    await screenshot(page, 'teacher-end-of-day-two-left-nl-1366x768');

    // Returned by scanning its sticker with the wedge scanner.
    await wedgeScan(page, stickerOf(back)!);
    await page.getByText(`is teruggegeven aan ${back.pupilName}.`).waitFor();
    await expect.poll(() => page.getByTestId('eod-left').textContent()).toBe('Nog 1 apparaat zonder besluit');
    expect(readCustody(bridge.core.db, back.deviceId)).toMatchObject({ held: false, custodian: 'pupil' });

    // Kept overnight, with a reason typed by a person.
    const row = page.locator(`li[data-device="${kept.deviceId}"]`);
    await row.getByRole('button', { name: 'Tot morgen houden' }).click();
    await row.getByRole('textbox').click();
    await typeLikeAPerson(page, 'moeder haalt hem morgen op');
    await screenshot(page, 'teacher-end-of-day-keep-nl-1366x768');
    await row.getByRole('button', { name: 'Bewaren tot morgen' }).click();
    await page.getByText(`van ${kept.pupilName} blijft tot morgen.`).waitFor();
    await page.getByText('Alles heeft een besluit. De dag kan worden afgesloten.').waitFor();

    await screenOf(page).getByRole('button', { name: 'Dag afsluiten' }).click();
    await page.getByText(/^✔ Dag afgesloten om \d\d:\d\d: 2 ingeleverd, 1 teruggegeven, 0 verplaatst, 1 tot morgen\.$/).waitFor();
    await screenshot(page, 'teacher-end-of-day-closed-nl-1366x768');

    expect(lastEvent('kept_overnight')).toMatchObject({
      deviceId: kept.deviceId,
      actor: demo.staff.teacher7A.staffId,
      payload: { reason: 'moeder haalt hem morgen op' },
    });
    expect(lastEvent('day_closed')).toMatchObject({
      actor: demo.staff.teacher7A.staffId,
      details: { handedIn: 2, returned: 1, transferred: 0, keptOvernight: 1, confiscatedHeld: 0, exempted: 0 },
    });
    expect(readCustody(bridge.core.db, kept.deviceId)).toMatchObject({ held: true });

    // Ending duty locks the kiosk and goes back to the door.
    await page.getByRole('button', { name: 'Dienst beëindigen en vergrendelen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scan je telefoon of horloge' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a confiscated device still held at the end of the day is flagged in red and cannot simply be returned', async () => {
    const device = take();
    handInAtDoor(device);
    bridge.core.services.confiscate({
      deviceId: device.deviceId,
      actor: demo.staff.teacher7A.staffId,
      reason: 'telefoon gebruikt tijdens de toets',
      article: 'B.3',
      witnessStaffId: demo.staff.witness.staffId,
      witnessPin: DEMO_PINS.witness,
    });
    const { page, context, problems } = await openKiosk(browser, bridge);
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    const dashboardRow = page.locator(`tr[data-device="${device.deviceId}"]`);
    await expect.poll(() => dashboardRow.textContent()).toContain('In beslag genomen');
    const actions = await openRowMenu(page, device.deviceId);
    expect(actions).not.toContain('Teruggeven');
    expect(actions).toContain('Aan ouder meegeven');
    await page.keyboard.press('Escape');

    await page.goto(`${bridge.url}/index.html#/teacher/end-of-day`);
    const row = page.locator(`li[data-device="${device.deviceId}"]`);
    await expect.poll(() => row.textContent()).toContain('In beslag genomen — vandaag teruggeven aan ouder');
    const flag = row.locator('.flag-danger');
    expect(await flag.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(179, 38, 30)');
    expect(await row.getByRole('button', { name: 'Teruggeven' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Aan ouder meegeven' }).count()).toBe(1);
    await screenshot(page, 'teacher-end-of-day-confiscated-nl-1366x768');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('after return time, locking with devices still held warns first ("Nog 1 apparaat in bewaring")', async () => {
    // 15:30: past the return time (14:00) and the end of the school day (15:15).
    const { page, context, problems } = await openKiosk(browser, bridge, { time: schoolTime(15, 30) });
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    // Past the end of the school day the dashboard says so.
    await page.getByText(/^Het is na 15:15: sluit de dag af met "Dag afsluiten" in het menu\. Nog 1 zonder besluit\./).waitFor();

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    const warning = page.getByRole('alertdialog', { name: /Nog 1 apparaat in bewaring/ });
    await warning.waitFor();
    await screenshot(page, 'teacher-lock-warning-nl-1366x768');
    await warning.getByRole('button', { name: 'Naar dag afsluiten' }).click();
    await page.getByRole('heading', { name: 'Dag afsluiten', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Toch vergrendelen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scan je vak of je telefoon om hem terug te krijgen' }).waitFor();
    const session = await (await fetch(`${bridge.url}/__bridge/call/getSession`, { method: 'POST', body: '{}' })).json();
    expect(session).toMatchObject({ ok: true, value: { unlocked: null } });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a scan while a text field has the focus returns the device and leaves the field empty; a person typing fills it', async () => {
    const [scanned, typedFor] = [take(), take()];
    handInAtDoor(scanned);
    handInAtDoor(typedFor);
    const { page, context, problems } = await openKiosk(browser, bridge);
    await openTeacherScreen(page, bridge.url, 'end-of-day', DEMO_PINS.teacher7A);
    const row = page.locator(`li[data-device="${typedFor.deviceId}"]`);
    await row.getByRole('button', { name: 'Tot morgen houden' }).click();
    const field = row.getByRole('textbox');
    await field.click();

    // A keyboard-wedge scanner types fast while the reason field has the focus.
    await wedgeScan(page, stickerOf(scanned)!);
    await page.getByText(`is teruggegeven aan ${scanned.pupilName}.`).waitFor();
    expect(readCustody(bridge.core.db, scanned.deviceId)).toMatchObject({ held: false });
    expect(await field.inputValue()).toBe('');

    // A teacher types at a person's pace: every character lands in the field, nothing is scanned.
    const eventsBefore = bridge.core.services.listEvents({ limit: 1 }).events[0]!.seq;
    await typeLikeAPerson(page, 'OPA HAALT HEM OP');
    // A person's keys are held back until they are known not to be a scan (the wedge's max gap).
    await expect.poll(() => field.inputValue()).toBe('OPA HAALT HEM OP');
    expect(bridge.core.services.listEvents({ limit: 1 }).events[0]!.seq).toBe(eventsBefore);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('"Teruggeven" leaves the row in place, marked: nothing moves up under the finger, and "Ongedaan maken" writes a correction', async () => {
    const [first, second, third] = [take(), take(), take()];
    [first, second, third].forEach((d) => handInAtDoor(d!));
    const { page, context, problems } = await openKiosk(browser, bridge, { time: schoolTime(15, 0) });
    await openTeacherScreen(page, bridge.url, 'end-of-day', DEMO_PINS.teacher7A);
    const rowOf = (d: DemoDevice) => page.locator(`li[data-device="${d.deviceId}"]`);
    // Where a row lies on the page, not in the window: a tap near the window's edge scrolls it.
    const placeOf = (d: DemoDevice) =>
      rowOf(d).evaluate((el) => {
        const box = el.getBoundingClientRect();
        return { y: box.top + window.scrollY, height: box.height };
      });
    await rowOf(third!).waitFor();
    const firstAt = await placeOf(first!);
    const secondAt = await placeOf(second!);

    const tap = await tapMiddle(page, rowOf(first!).getByRole('button', { name: 'Teruggeven', exact: true }));
    await page.getByText(`is teruggegeven aan ${first!.pupilName}.`).waitFor();
    await expect.poll(() => rowOf(first!).getAttribute('data-settled')).toBe('returned');
    expect(await rowOf(first!).textContent()).toContain('✓ Teruggegeven');
    // A second tap on the same spot would land on no custody action, and the next row has not moved.
    const under = await controlAt(page, tap);
    expect(recordsCustody(under)).toBe(false);
    expect((await placeOf(second!)).y).toBe(secondAt.y);
    expect(await placeOf(first!)).toEqual(firstAt);
    const returned = lastEvent('returned')!;
    expect(returned).toMatchObject({ deviceId: first!.deviceId, actor: demo.staff.teacher7A.staffId });
    await screenshot(page, 'teacher-end-of-day-returned-undo-nl-1366x768');

    // Undone at once: a correction voids the return, the device is held again, in the same place.
    await rowOf(first!).getByRole('button', { name: /^Ongedaan maken/ }).click();
    await page.getByText(`van ${first!.pupilName} is toch niet teruggegeven en staat weer op de lijst.`).waitFor();
    expect(lastEvent('corrected')).toMatchObject({
      voidsSeq: returned.seq,
      actor: demo.staff.teacher7A.staffId,
      payload: { reason: 'Per ongeluk teruggegeven, meteen ongedaan gemaakt' },
    });
    expect(readCustody(bridge.core.db, first!.deviceId)).toMatchObject({ held: true });
    await rowOf(first!).getByRole('button', { name: 'Teruggeven', exact: true }).waitFor();
    expect((await placeOf(first!)).y).toBe(firstAt.y);

    // The undo is offered for a few seconds only; the row stays marked after that.
    await rowOf(second!).getByRole('button', { name: 'Teruggeven', exact: true }).click();
    await rowOf(second!).getByRole('button', { name: /^Ongedaan maken/ }).waitFor();
    await advanceClocks(page, bridge, 8_500);
    await expect.poll(() => rowOf(second!).getByRole('button', { name: /^Ongedaan maken/ }).count()).toBe(0);
    expect(await rowOf(second!).textContent()).toContain('Teruggegeven');
    expect(readCustody(bridge.core.db, second!.deviceId)).toMatchObject({ held: false });
    expect(problems).toEqual([]);
    await context.close();
  });
});
