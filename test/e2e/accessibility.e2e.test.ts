import { closeSync, openSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openCore } from '../../src/core';
import { DEMO_PINS, seedDemoSchool, type DemoSchool } from '../../src/core/demo/seed';
import { withCheckCharacter } from '../../src/shared/scan/codes';
import { tempDir } from '../support/tempDb';
import { startBridge } from '../bridge/server';
import { createTestClock } from '../bridge/testClock';
import { TEST_PIN_COST } from '../core/support/custodyFixture';
import { accessibilityStop as stop } from './support/accessibilityStop';
import { launchChromium, openKiosk } from './support/browser';
import { startDemoBridge, type TestBridge } from './support/demo';
import { confirmationOf, openDoor, stickerTags, wedgeScan } from './support/door';
import { openArea } from './support/navigation';
import { chooseNameFor, lockKiosk, tapPin } from './support/pin';
import { schoolMorning, schoolTime } from './support/schoolTime';
import { openRowMenu, overviewRow, teacherMenu } from './support/teacher';


/** A misread of one of our own stickers: right shape, wrong check character. */
function misread(code: string): string {
  const body = code.slice(0, -1);
  return body + (withCheckCharacter(body).at(-1) === 'A' ? 'B' : 'A');
}

const pinPad = (page: Page) => page.getByRole('form', { name: /^(Toets je pincode in|Enter your PIN)$/ });

describe('every screen passes an automated accessibility check (axe-core) at 1024×768, 1366×768 and 1920×1080', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;

  beforeAll(async () => {
    ({ bridge, demo } = await startDemoBridge({ history: true, time: schoolMorning() }));
    browser = await launchChromium();
  });
  beforeEach(() => lockKiosk(bridge.url));
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  it('the door: idle, a confirmation, damage, choosing a device, problem cards, enrolling, the staff menu, English, return mode', async () => {
    const { page, context, problems } = await openDoor(browser, bridge, { time: schoolTime(8, 20) });
    await stop(page, 'door-idle');

    const tags = stickerTags(demo).filter((t) => !bridge.core.services.listCustody({ heldOnly: true }).some((c) => c.deviceId === t.deviceId));
    const [tag, spare] = tags;
    await wedgeScan(page, tag!.code);
    const card = confirmationOf(page, tag!.deviceId);
    await card.waitFor();
    await stop(page, 'door-confirmation');

    await card.getByRole('button', { name: 'Schade melden' }).click();
    await page.getByRole('dialog', { name: 'Wat is er kapot?' }).waitFor();
    await stop(page, 'door-damage-picker');
    await page.getByRole('button', { name: 'Toch niet' }).click();

    const pupil = demo.pupils.find(
      (p) =>
        p.deviceIds.length === 2 &&
        demo.tags.some((t) => t.kind === 'pupil_card' && t.pupilId === p.pupilId) &&
        !bridge.core.services.listCustody({ heldOnly: true }).some((c) => p.deviceIds.includes(c.deviceId)),
    )!;
    await wedgeScan(page, demo.tags.find((t) => t.kind === 'pupil_card' && t.pupilId === pupil.pupilId)!.code);
    await page.getByRole('dialog', { name: 'Welk apparaat lever je in?' }).waitFor();
    await stop(page, 'door-choose-device');
    await page.getByRole('button', { name: 'Annuleren' }).click();

    await wedgeScan(page, '4006381333931');
    await page.locator('[data-testid="door-problem"][data-code="UNKNOWN_TAG"]').waitFor();
    await stop(page, 'door-problem-unknown');
    await wedgeScan(page, misread(spare!.code));
    await page.locator('[data-testid="door-problem"][data-code="MISREAD_CODE"]').waitFor();
    await stop(page, 'door-problem-misread');

    await wedgeScan(page, 'ONBEKEND77');
    await page.getByTestId('door-problem').getByRole('button', { name: 'Inschrijven' }).click();
    const enrol = page.getByRole('dialog', { name: 'Nieuwe sticker inschrijven' });
    await enrol.waitFor();
    await stop(page, 'door-enrol-dialog');
    await enrol.getByRole('button', { name: 'Annuleren' }).click();

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Personeel' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Leerkracht', exact: true }).waitFor();
    await stop(page, 'door-staff-menu');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Personeel' }).click();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scan your phone or watch' }).waitFor();
    await stop(page, 'door-idle-en');
    expect(problems).toEqual([]);
    await context.close();

    const afternoon = await openDoor(browser, bridge, { time: schoolTime(14, 30) });
    await afternoon.page.getByTestId('door-counter').waitFor();
    await stop(afternoon.page, 'door-return-idle');
    await afternoon.page.getByRole('button', { name: 'English' }).click();
    await afternoon.page.getByRole('heading', { level: 1, name: /^Scan your/ }).waitFor();
    await stop(afternoon.page, 'door-return-idle-en');
    await wedgeScan(afternoon.page, tag!.code);
    await confirmationOf(afternoon.page, tag!.deviceId).waitFor();
    await stop(afternoon.page, 'door-return-confirmation-en');
    // A teacher unlocked at the door: the band holds who, "Lock" and the switch, still on one line.
    await afternoon.page.getByRole('button', { name: 'Nederlands' }).click();
    await openArea(afternoon.page, 'Leerkracht');
    await tapPin(pinPad(afternoon.page), DEMO_PINS.teacher7A);
    await afternoon.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Inleveren', exact: true }).click();
    await afternoon.page.getByRole('button', { name: 'English' }).click();
    await afternoon.page.getByText('Unlocked: Juf Anna').waitFor();
    await stop(afternoon.page, 'door-return-unlocked-en');
    // The language is the kiosk's: the next visitor reads Dutch again.
    await afternoon.page.getByRole('button', { name: 'Nederlands' }).click();
    expect(afternoon.problems).toEqual([]);
    await afternoon.context.close();
  });

  it('the teacher area: unlocking, the overview, a row menu, the workflows and their receipts, corrections, end of day', async () => {
    const s = bridge.core.services;
    // The morning's hand-ins happen in the morning, whatever time the door's tour ended at.
    bridge.clock.set(schoolTime(8, 30));
    const held = new Set(s.listCustody({ heldOnly: true }).map((c) => c.deviceId));
    const group7A = demo.devices.filter((d) => demo.pupils.find((p) => p.pupilId === d.pupilId)?.groep === '7A' && !held.has(d.deviceId));
    for (const device of group7A.slice(0, 12)) s.handIn({ deviceId: device.deviceId, actor: 'pupil', dutyStaffId: demo.staff.teacher7A.staffId });
    const [first, second, third, fourth] = group7A;
    // Confiscated this morning and still at school at the end of the day: its row says "Aan ouder meegeven".
    s.confiscate({
      deviceId: fourth!.deviceId,
      actor: demo.staff.teacher7A.staffId,
      reason: 'telefoon gebruikt tijdens de toets',
      article: 'B.3',
      witnessStaffId: demo.staff.witness.staffId,
      witnessPin: DEMO_PINS.witness,
    });

    const { page, context, problems } = await openDoor(browser, bridge, { time: schoolTime(8, 40) });
    await openArea(page, 'Leerkracht');
    await pinPad(page).waitFor();
    await stop(page, 'unlock-choose-name');
    await chooseNameFor(page, DEMO_PINS.teacher7A);
    await stop(page, 'unlock-pin-pad');
    await tapPin(pinPad(page), DEMO_PINS.teacher7A);
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
    await overviewRow(page, first!.deviceId).waitFor();
    await stop(page, 'teacher-dashboard');
    await openRowMenu(page, first!.deviceId);
    await stop(page, 'teacher-row-menu');
    // A new window size closes an open menu, as it should: open it again to use it.
    if (!(await page.getByRole('menu').isVisible())) await openRowMenu(page, first!.deviceId);
    await page.getByRole('menu').getByRole('menuitem', { name: 'Staat noteren', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Staat van het apparaat' }).waitFor();
    await page.getByRole('button', { name: 'Hoesje kapot' }).click();
    await stop(page, 'teacher-condition');
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByRole('heading', { name: 'Staat vastgelegd' }).waitFor();
    await stop(page, 'teacher-condition-done');

    for (const [route, heading, name] of [
      [`incident?device=${second!.deviceId}`, 'Incident melden', 'teacher-incident'],
      ['manual', /./, 'teacher-manual'],
      ['transfer', /./, 'teacher-transfer'],
      ['my-pin', /./, 'teacher-my-pin'],
    ] as const) {
      await page.goto(`${bridge.url}/index.html#/teacher/${route}`);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      await stop(page, name);
    }

    await teacherMenu(page).getByRole('button', { name: 'Correcties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Correcties' }).waitFor();
    await page.getByRole('button', { name: /^Corrigeren: #/ }).first().waitFor();
    await stop(page, 'teacher-corrections');
    await page.getByRole('button', { name: /^Corrigeren: #/ }).first().click();
    await page.getByLabel('Reden van de correctie').waitFor();
    await stop(page, 'teacher-correction-form');

    await page.goto(`${bridge.url}/index.html#/teacher/confiscate?device=${third!.deviceId}`);
    await page.getByRole('heading', { name: 'In beslag nemen', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'B · gebruikt op school' }).click();
    await page.getByLabel('Nummer verzegelde zak').fill('Z-0042');
    await page.getByRole('button', { name: 'Kluis administratie' }).click();
    await stop(page, 'confiscate-form');
    await page.getByRole('button', { name: 'Verder: getuige' }).click();
    await page.getByRole('heading', { name: 'De getuige bevestigt' }).waitFor();
    await page.getByRole('button', { name: demo.staff.witness.displayName }).click();
    const witnessPad = page.getByRole('form', { name: `Pincode van ${demo.staff.witness.displayName}` });
    await witnessPad.waitFor();
    await stop(page, 'confiscate-witness');
    await tapPin(witnessPad, DEMO_PINS.witness);
    await page.getByRole('heading', { name: 'In beslag genomen' }).waitFor();
    await stop(page, 'confiscate-done');
    // A confiscated device's row offers "Aan ouder meegeven", the longest action in the table.
    await teacherMenu(page).getByRole('button', { name: 'Overzicht' }).click();
    await overviewRow(page, third!.deviceId).waitFor();
    await stop(page, 'teacher-dashboard-confiscated');

    await page.goto(`${bridge.url}/index.html#/teacher/release?device=${third!.deviceId}`);
    await page.getByRole('button', { name: 'Meegeven' }).waitFor();
    await page.getByLabel('Volledige naam van de ouder of verzorger').fill('Fatima el Amrani');
    await sign(page);
    await page.getByText('Getekend.').waitFor();
    await stop(page, 'release-form');
    await page.getByRole('button', { name: 'Meegeven' }).click();
    await page.getByTestId('receipt').waitFor();
    await stop(page, 'release-receipt');
    expect(problems).toEqual([]);
    await context.close();

    await lockKiosk(bridge.url);
    const afternoon = await openKiosk(browser, bridge, { time: schoolTime(15, 30) });
    await openArea(afternoon.page, 'Leerkracht');
    await tapPin(pinPad(afternoon.page), DEMO_PINS.teacher7A);
    await teacherMenu(afternoon.page).getByRole('button', { name: 'Dag afsluiten' }).click();
    await afternoon.page.getByRole('heading', { name: 'Dag afsluiten', level: 1 }).waitFor();
    await afternoon.page.getByTestId('eod-left').waitFor();
    // The confiscated device's row, with "Aan ouder meegeven", in view.
    const confiscatedRow = afternoon.page.locator('.eod-item.row-confiscated');
    if ((await confiscatedRow.count()) > 0) await confiscatedRow.first().scrollIntoViewIfNeeded();
    await stop(afternoon.page, 'end-of-day');
    await afternoon.page.getByRole('button', { name: 'English' }).click();
    await afternoon.page.getByRole('heading', { name: 'Close the day', level: 1 }).waitFor();
    await stop(afternoon.page, 'end-of-day-en');
    await afternoon.page.getByRole('button', { name: 'Nederlands' }).click();
    expect(afternoon.problems).toEqual([]);
    await afternoon.context.close();
  });

  it('the office area: every section, an import with its preview', async () => {
    const { page, context, problems } = await openDoor(browser, bridge, { time: schoolTime(15, 45) });
    // Someone just guessed at Meester Bram's PIN: the staff list shows his lock-out and the way to lift it.
    for (let i = 0; i < 5; i++) {
      await fetch(`${bridge.url}/__bridge/call/unlockStaff`, { method: 'POST', body: JSON.stringify({ staffId: demo.staff.teacher8B.staffId, pin: '0000' }) });
    }
    await openArea(page, 'Administratie');
    await tapPin(pinPad(page), DEMO_PINS.office);
    await page.getByRole('heading', { level: 1, name: 'Leerlingen importeren' }).waitFor();
    await stop(page, 'office-import-start');
    const csv = ['Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Groep', '901;Daan;de;Vries;7B', '902;Zoë;van;Dijk;7B'].join('\n');
    await page.getByLabel('Kies een bestand').setInputFiles({ name: 'klas7b.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Inlezen', exact: true }).waitFor();
    await page.getByRole('radio', { name: 'alleen in de groepen van dit bestand (een klassenlijst)' }).check();
    await stop(page, 'office-import');

    const menu = page.getByRole('navigation', { name: 'Administratiemenu' });
    for (const item of await menu.getByRole('button').allTextContents()) {
      // Locking is no section; the import was the first stop.
      if (item === 'Leerlingen importeren' || item === 'Vergrendelen') continue;
      const entry = menu.getByRole('button', { name: item, exact: true });
      await entry.click();
      await expect.poll(() => entry.getAttribute('aria-current')).toBe('page');
      // Some sections head their page with an h2 (they are also used inside other pages).
      await page.getByRole('heading').first().waitFor();
      await page.waitForLoadState('networkidle');
      await stop(page, `office-${slug(item)}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the settings area: the form, backups, the recovery screen; in English too', async () => {
    const { page, context, problems } = await openDoor(browser, bridge, { time: schoolTime(16, 0) });
    await openArea(page, 'Instellingen');
    await tapPin(pinPad(page), DEMO_PINS.admin);
    await page.getByRole('heading', { name: 'Instellingen', level: 1 }).waitFor();
    await stop(page, 'settings');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await stop(page, 'settings-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.goto(`${bridge.url}/index.html#/settings/backups`);
    await page.getByRole('heading', { name: 'Back-ups', level: 1 }).waitFor();
    await stop(page, 'settings-backups');
    await page.goto(`${bridge.url}/index.html#/settings/recover`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await stop(page, 'settings-recovery');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the start-failure screen passes the same check', () => {
  const tmp = tempDir();
  let bridge: TestBridge | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    tmp.cleanup();
  });

  it('a kiosk whose database is destroyed says so in both languages, accessibly', async () => {
    const clock = createTestClock(schoolMorning());
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test', pinCost: TEST_PIN_COST, now: clock.now });
    seedDemoSchool(core, { history: false });
    core.close();
    const fd = openSync(tmp.dbPath, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    closeSync(fd);
    bridge = await startBridge({ clock, dbPath: tmp.dbPath, pinCost: TEST_PIN_COST });
    browser = await launchChromium();
    const { page, context } = await openKiosk(browser, bridge);
    await page.getByRole('heading', { name: 'Inleverpunt kan niet starten / Inleverpunt cannot start' }).waitFor();
    await stop(page, 'start-failure');
    await context.close();
  });
});

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Draws a scribble on the signature pad with the mouse, as a finger would. */
async function sign(page: Page): Promise<void> {
  const box = await page.getByTestId('signature-pad').boundingBox();
  if (!box) throw new Error('signature pad not visible');
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await page.mouse.move(...at(0.1, 0.6));
  await page.mouse.down();
  for (const [fx, fy] of [[0.3, 0.3], [0.5, 0.7], [0.7, 0.35], [0.9, 0.5]] as const) await page.mouse.move(...at(fx, fy), { steps: 6 });
  await page.mouse.up();
}
