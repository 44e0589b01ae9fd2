import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PINS, type DemoDevice, type DemoSchool } from '../../src/core/demo/seed';
import { readCustody } from '../../src/core/ledger/projection';
import { startDemoBridge, type TestBridge } from './support/demo';
import { handInAtDoor as handInAt, rowAction, screenOf, sparePhones, unlockAs } from './support/teacher';
import { lockKiosk, tapPin } from './support/pin';
import { launchChromium, openKiosk, screenshot } from './support/browser';

describe('the teacher area: unlock, dashboard, by hand, move, correct', () => {
  let bridge: TestBridge;
  let browser: Browser;
  let demo: DemoSchool;
  let take: () => DemoDevice;
  const handInAtDoor = (d: DemoDevice) => handInAt(bridge, demo, d);

  beforeAll(async () => {
    ({ bridge, demo } = await startDemoBridge());
    take = sparePhones(demo);
    browser = await launchChromium();
  });
  // The session lives in the core, like in the real kiosk: each test starts locked.
  beforeEach(() => lockKiosk(bridge.url));
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  it('a wrong PIN says so in Dutch and in English; the right PIN opens the dashboard with the teacher on duty', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge);
    await page.goto(`${bridge.url}/index.html#/teacher`);
    await tapPin(page.locator('form.pinpad'), '0000');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('De pincode klopt niet.');
    await screenshot(page, 'teacher-unlock-wrong-pin-nl-1366x768');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The PIN is not correct.');
    await page.getByRole('button', { name: 'Nederlands' }).click();

    await tapPin(page.locator('form.pinpad'), DEMO_PINS.teacher7A);
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
    await page.getByText('Jij hebt dienst, Juf Anna: wat leerlingen nu inleveren, bewaar jij.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the dashboard lists what is held now, today’s numbers and handovers, and verifies the ledger', async () => {
    const held = [take(), take()];
    held.forEach(handInAtDoor);
    bridge.core.services.noteCondition({ deviceId: held[0]!.deviceId, marks: ['screen_cracked'], actor: 'pupil' });
    const { page, context, problems } = await openKiosk(browser, bridge);
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);

    for (const d of held) {
      const row = page.locator(`tr[data-device="${d.deviceId}"]`);
      await expect.poll(() => row.textContent()).toContain(d.pupilName);
      expect(await row.textContent()).toContain('bij Juf Anna');
    }
    expect(await page.locator(`tr[data-device="${held[0]!.deviceId}"]`).textContent()).toContain('scherm gebarsten');
    await expect.poll(() => page.getByTestId('handed-in-today').textContent()).toBe('2');
    expect(await page.getByTestId('returned-today').textContent()).toBe('0');
    expect(await page.locator('.movements li').count()).toBe(2);

    await page.getByRole('button', { name: 'Logboek controleren' }).click();
    await page.getByText(/Logboek gecontroleerd: in orde/).waitFor();
    await screenshot(page, 'teacher-dashboard-nl-1366x768');
    const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflows).toBe(false);

    // "Teruggeven" in a row's menu opens that device by hand; one press gives it back.
    await rowAction(page, held[1]!.deviceId, 'Teruggeven');
    await page.getByRole('heading', { name: `Kies het apparaat van ${held[1]!.pupilName}` }).waitFor();
    await screenOf(page).getByRole('button', { name: 'Teruggeven' }).click();
    await page.getByText(`is teruggegeven aan ${held[1]!.pupilName}.`).waitFor();
    expect(readCustody(bridge.core.db, held[1]!.deviceId)).toMatchObject({ held: false, custodian: 'pupil' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a scan at the door appears on the open dashboard by itself, without reloading the page', async () => {
    let device = take();
    const stickerOf = (d: DemoDevice) => demo.tags.find((t) => t.deviceId === d.deviceId && t.kind === 'device_sticker' && !t.revoked);
    while (!stickerOf(device)) device = take();
    const { page, context, problems } = await openKiosk(browser, bridge);
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    await expect.poll(() => page.getByTestId('handed-in-today').textContent()).toMatch(/^\d+$/);
    const handedInBefore = Number(await page.getByTestId('handed-in-today').textContent());
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    // The door's call, as the door screen (or its HID reader) makes it, not through this page.
    const answer = await fetch(`${bridge.url}/__bridge/call/scan`, {
      method: 'POST',
      body: JSON.stringify({ code: stickerOf(device)!.code, mode: 'hand-in' }),
    }).then((r) => r.json() as Promise<{ ok: boolean }>);
    expect(answer.ok).toBe(true);

    const row = page.locator(`tr[data-device="${device.deviceId}"]`);
    await expect.poll(() => row.textContent()).toContain(device.pupilName);
    expect(await row.textContent()).toContain('bij Juf Anna');
    await expect.poll(() => page.getByTestId('handed-in-today').textContent()).toBe(String(handedInBefore + 1));
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a missed scan is handed in by hand: group, pupil from the grid, device', async () => {
    const device = take();
    const pupil = demo.pupils.find((p) => p.pupilId === device.pupilId)!;
    const { page, context, problems } = await openKiosk(browser, bridge);
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByRole('button', { name: 'Zonder scan' }).click();
    await page.getByRole('button', { name: `Groep ${pupil.groep}` }).click();
    await page.getByRole('button', { name: pupil.name, exact: true }).waitFor();
    await screenshot(page, 'teacher-manual-pupils-nl-1366x768');
    await page.getByRole('button', { name: pupil.name, exact: true }).click();
    await page.getByRole('heading', { name: `Kies het apparaat van ${pupil.name}` }).waitFor();
    await screenOf(page).getByRole('button', { name: 'Inleveren' }).click();
    await page.getByText(`van ${pupil.name} is ingeleverd: vak ${pupil.pouchNumber}.`).waitFor();
    await screenshot(page, 'teacher-manual-done-nl-1366x768');

    const row = readCustody(bridge.core.db, device.deviceId);
    expect(row).toMatchObject({ held: true, custodian: `staff:${demo.staff.teacher7A.staffId}` });
    const event = bridge.core.services.listEvents({ deviceId: device.deviceId, limit: 1 }).events[0]!;
    expect(event).toMatchObject({ type: 'handed_in', actor: demo.staff.teacher7A.staffId, details: { via: 'manual' } });
    // Straight back in the class grid, so no "Teruggeven" lies under the finger; the pupil is marked as handed in.
    await page.getByRole('button', { name: `${pupil.name}, ingeleverd` }).waitFor();
    expect(await screenOf(page).getByRole('button', { name: 'Teruggeven' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a device is moved to the office safe from its dashboard row', async () => {
    const device = take();
    handInAtDoor(device);
    const { page, context, problems } = await openKiosk(browser, bridge);
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    await rowAction(page, device.deviceId, 'Verplaatsen');
    await page.getByRole('heading', { name: 'Verplaatsen', level: 1 }).waitFor();
    expect(page.url()).toContain(`device=${device.deviceId}`);
    // Colleagues are offered, never the teacher herself.
    // The staff list arrives after the form: wait for a colleague before reading them all.
    const toColleague = page.getByRole('group', { name: 'Naar een collega' });
    await toColleague.getByRole('button', { name: demo.staff.witness.displayName }).waitFor();
    const colleagues = await toColleague.getByRole('button').allTextContents();
    expect(colleagues).toContain(demo.staff.witness.displayName);
    expect(colleagues).not.toContain(demo.staff.teacher7A.displayName);
    await screenOf(page).getByRole('button', { name: /Kluis administratie/ }).click();
    await page.getByLabel('Notitie (niet verplicht)').fill('na schooltijd naar de kluis');
    await screenshot(page, 'teacher-transfer-nl-1366x768');
    await screenOf(page).getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    await page.getByText(`van ${device.pupilName} is verplaatst: in Kluis administratie.`).waitFor();
    // Done means done: the form is gone, only the way back is left.
    expect(await page.getByRole('group', { name: 'Naar een bewaarplek' }).count()).toBe(0);
    expect(await screenOf(page).getByRole('button', { name: 'Verplaatsen', exact: true }).count()).toBe(0);

    expect(readCustody(bridge.core.db, device.deviceId)).toMatchObject({
      held: true,
      custodian: `location:${demo.locations.officeSafe}`,
      locationId: demo.locations.officeSafe,
    });
    const event = bridge.core.services.listEvents({ deviceId: device.deviceId, limit: 1 }).events[0]!;
    expect(event).toMatchObject({ type: 'transferred', actor: demo.staff.teacher7A.staffId, payload: { note: 'na schooltijd naar de kluis' } });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a correction voids a wrong hand-in: the original stays listed as void, with the reason, here and on the dashboard', async () => {
    const device = take();
    const wrong = handInAtDoor(device);
    const { page, context, problems } = await openKiosk(browser, bridge);
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByRole('button', { name: 'Correcties' }).click();
    await page.getByRole('button', { name: `Corrigeren: #${wrong.event.seq} Ingeleverd` }).click();
    await page.getByLabel('Reden van de correctie').fill('verkeerde leerling gekozen');
    await screenshot(page, 'teacher-correction-form-nl-1366x768');
    await page.getByRole('button', { name: 'Vervallen verklaren' }).click();
    await page.getByText(`Gebeurtenis #${wrong.event.seq} is vervallen verklaard.`).waitFor();

    const original = page.locator(`tr[data-seq="${wrong.event.seq}"]`);
    await expect.poll(() => original.textContent()).toContain('vervallen');
    expect(await original.textContent()).toContain('Vervallen: verkeerde leerling gekozen');
    expect(await original.getByRole('button').count()).toBe(0);
    const stored = bridge.core.services.listEvents({ deviceId: device.deviceId, limit: 5 }).events.find((e) => e.type === 'corrected')!;
    expect(stored).toMatchObject({ voidsSeq: wrong.event.seq, actor: demo.staff.teacher7A.staffId, payload: { reason: 'verkeerde leerling gekozen' } });
    const correction = page.locator(`tr[data-seq="${stored.seq}"]`);
    expect(await correction.textContent()).toContain(`Correctie van #${wrong.event.seq}: verkeerde leerling gekozen`);
    await screenshot(page, 'teacher-corrections-nl-1366x768');

    expect(readCustody(bridge.core.db, device.deviceId)).toBeUndefined();
    await page.getByRole('navigation', { name: 'Leerkrachtmenu' }).getByRole('button', { name: 'Overzicht' }).click();
    const voided = page.locator('.movements li.voided').filter({ hasText: device.pupilName });
    await expect.poll(() => voided.textContent()).toContain('vervallen');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the dashboard works with the keyboard alone: Tab reaches every button, Enter opens a row’s menu, the arrows choose', async () => {
    const device = take();
    handInAtDoor(device);
    const { page, context } = await openKiosk(browser, bridge);
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    await page.locator(`tr[data-device="${device.deviceId}"]`).waitFor();
    const actions = await screenOf(page)
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
    expect(actions.length).toBeGreaterThanOrEqual(2);

    const reached = new Set<string>();
    await page.locator('body').focus();
    for (let i = 0; i < actions.length + 40 && reached.size < actions.length; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('.teacher-screen') && el.tagName === 'BUTTON' ? (el.getAttribute('aria-label') ?? el.textContent ?? '') : null;
      });
      if (name !== null) reached.add(name);
    }
    expect([...reached].sort()).toEqual([...actions].sort());

    // Enter on the row's menu opens it on its first item; ArrowDown, Enter: "Verplaatsen" for that device.
    const menuName = actions.find((a) => a.startsWith('Acties voor ') && a.includes(device.pupilName));
    expect(menuName).toBeDefined();
    for (let i = 0; i < 200; i++) {
      const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
      if (name === menuName) break;
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Teruggeven');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Verplaatsen', level: 1 }).waitFor();
    expect(page.url()).toContain(`device=${device.deviceId}`);
    await context.close();
  });
});

describe('the PIN pad after too many wrong PINs', () => {
  let bridge: TestBridge;
  let browser: Browser;
  beforeAll(async () => {
    ({ bridge } = await startDemoBridge());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  it('counts down the lockout and disables the pad until it ends', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge);
    await page.goto(`${bridge.url}/index.html#/teacher`);
    for (let i = 0; i < 4; i++) {
      await tapPin(page.locator('form.pinpad'), '0000');
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('De pincode klopt niet.');
    }
    await tapPin(page.locator('form.pinpad'), '0000');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Te vaak een verkeerde pincode\. Probeer het over (60|59) s opnieuw\.$/);
    expect(await page.getByRole('button', { name: '5', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'teacher-unlock-locked-nl-1366x768');
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 4000 }).toMatch(/over (5[0-8]) s/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
