import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import { compareDutch, displayName } from '../../src/shared/pupilOrder';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { doorKioskSuite, eventsOfType, openDoor, schoolTime } from './support/door';
import { lockKiosk, tapPin } from './support/pin';
import { openArea } from './support/navigation';


async function openSection(browser: Browser, bridge: TestBridge, demo: DemoSchool, section: string, viewport: { width: number; height: number }) {
  const opened = await openDoor(browser, bridge, { viewport, time: schoolTime(10, 30) });
  await openArea(opened.page, 'Administratie');
  await tapPin(opened.page.getByRole('form', { name: 'Toets je pincode in' }), demo.staff.office.pin);
  await opened.page.locator('nav.office-menu').getByRole('button', { name: section }).click();
  await opened.page.getByRole('heading', { level: 1, name: section }).waitFor();
  return opened;
}

const tile = (page: Page, n: number) => page.locator(`.pouch-tile[data-number="${n}"]`);

describe('the office: phone bags and exemptions', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));
  beforeEach(() => lockKiosk(bridge.url));

  it("claims group 7A's bag, gives newcomers the free pouches in name order, moves a pupil by hand and prints the labels (1366×768)", async () => {
    // A pupil who joined 7A after the pouches were given out.
    const newcomer = bridge.core.services.createPupil(
      { roepnaam: 'Aaron', voorvoegsel: '', achternaam: 'Aalders', groep: '7A', jaargroep: 7, externalKey: 'NEW-7A-1' },
      demo.staff.office.staffId,
    );
    const { page, context, problems } = await openSection(browser, bridge, demo, 'Telefoontas en vakken', { width: 1366, height: 768 });
    await page.getByLabel('Groep', { exact: true }).selectOption('7A');
    await page.getByLabel('Aantal vakken').fill('32');
    await page.getByRole('button', { name: 'Telefoontas maken' }).click();
    await page.getByText('De telefoontas van groep 7A is gemaakt met 32 vakken.').waitFor();
    await page.getByTestId('unassigned').getByText('Aaron Aalders').waitFor();
    const taken = demo.pupils.filter((p) => p.groep === '7A').map((p) => p.pouchNumber);
    const firstFree = Array.from({ length: 32 }, (_, i) => i + 1).find((n) => !taken.includes(n))!;

    await page.getByRole('button', { name: 'Leerlingen zonder vak indelen (op naam)' }).click();
    await page.getByText('Ingedeeld op naam. Wie al een vak had, is niet verplaatst.').waitFor();
    await expect.poll(() => tile(page, firstFree).textContent()).toContain('Aaron Aalders');
    // Nobody who had a pouch was moved.
    const first7A = [...demo.pupils.filter((p) => p.groep === '7A')].sort(compareDutch)[0]!;
    expect(await tile(page, first7A.pouchNumber).textContent()).toContain(displayName(first7A));

    // By hand: Aaron to pouch 32.
    await tile(page, firstFree).click();
    await page.getByLabel('Verplaatsen naar vak').selectOption('32');
    await page.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    await page.getByText('Aaron Aalders zit nu in vak 32.').waitFor();
    await screenshot(page, 'office-pouches-1366');
    const moves = eventsOfType(bridge, 'pouch_assigned').filter((e) => e.pupilId === newcomer.pupilId);
    expect(moves).toHaveLength(2);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vaklabels afdrukken (L7160)' }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile(await file.path())).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByText(/vaklabels klaar om af te drukken/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('retires a torn pouch in English, at 1920×1080: its number is never given out again', async () => {
    const { page, context, problems } = await openSection(browser, bridge, demo, 'Telefoontas en vakken', { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'English' }).click();
    await tile(page, 31).click();
    await page.getByRole('button', { name: 'Retire' }).click();
    await page.getByText('Pouch 31 is retired. Its number will not be given out again.').waitFor();
    expect(await tile(page, 31).isDisabled()).toBe(true);
    await page.getByLabel('Pouches to add').fill('2');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('2 pouches were added.').waitFor();
    await tile(page, 34).waitFor();
    await screenshot(page, 'office-pouches-1920');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('records an exemption without a note, lists it as valid now and ends it early (1920×1080)', async () => {
    const pupil = [...demo.pupils.filter((p) => p.groep === '8B')].sort(compareDutch)[2]!;
    const { page, context, problems } = await openSection(browser, bridge, demo, 'Vrijstellingen', { width: 1920, height: 1080 });
    const form = page.getByRole('form', { name: 'Vrijstelling toevoegen' });
    await form.getByLabel('Groep', { exact: true }).selectOption('8B');
    await form.getByLabel('Leerling', { exact: true }).selectOption({ label: displayName(pupil) });
    await form.getByLabel('Reden', { exact: true }).selectOption('medisch');
    await form.getByLabel('Van', { exact: true }).fill('2026-11-16');
    await form.getByLabel('Tot en met', { exact: true }).fill('2026-12-18');
    await form.getByLabel('Afgesproken met', { exact: true }).selectOption({ label: 'Beheerder ICT' });
    expect(await form.getByLabel('Notitie', { exact: true }).count()).toBe(0);
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText(`De vrijstelling voor ${displayName(pupil)} is vastgelegd.`).waitFor();
    const row = page.getByTestId('exemptions-current').getByRole('row', { name: new RegExp(displayName(pupil)) });
    await row.getByText('Geldt nu').waitFor();
    expect(await row.textContent()).toContain('Elk apparaat van deze leerling');
    expect(await row.textContent()).toContain('2026-11-16 t/m 2026-12-18');
    await screenshot(page, 'office-exemptions-1920');
    const [granted] = eventsOfType(bridge, 'exemption_granted');
    expect(granted).toMatchObject({ pupilId: pupil.pupilId, deviceId: null });

    await row.getByRole('button', { name: 'Nu beëindigen' }).click();
    await row.getByRole('button', { name: 'Ja, beëindigen' }).click();
    await page.getByText(`De vrijstelling van ${displayName(pupil)} is beëindigd.`).waitFor();
    await page.getByTestId('exemptions-past').getByText('Beëindigd').waitFor();
    expect(eventsOfType(bridge, 'exemption_ended')).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a note only when asked for, in English, at 1366×768 and 1024×768', async () => {
    const pupil = [...demo.pupils.filter((p) => p.groep === '7A')].sort(compareDutch)[3]!;
    const { page, context, problems } = await openSection(browser, bridge, demo, 'Vrijstellingen', { width: 1366, height: 768 });
    await page.getByRole('button', { name: 'English' }).click();
    const form = page.getByRole('form', { name: 'Add exemption' });
    await form.getByLabel('Pupil', { exact: true }).selectOption({ label: displayName(pupil) });
    await form.getByLabel('Reason', { exact: true }).selectOption('onderwijs');
    await form.getByLabel('Agreed with', { exact: true }).selectOption({ label: 'Juf Anna' });
    await form.getByLabel('Add a note after all').check();
    await form.getByLabel('Note', { exact: true }).fill('tablet voor de rekenles');
    await form.getByRole('button', { name: 'Record' }).click();
    await page.getByText(`The exemption for ${displayName(pupil)} has been recorded.`).waitFor();
    await screenshot(page, 'office-exemptions-1366');
    expect(eventsOfType(bridge, 'exemption_granted')[0]).toMatchObject({ pupilId: pupil.pupilId });
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'office-exemptions-1024');
    expect(problems).toEqual([]);
    await context.close();
  });
});
