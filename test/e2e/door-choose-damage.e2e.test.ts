import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import type { TestBridge } from './support/demo';
import { advanceClocks, screenshot } from './support/browser';
import { controlAt, recordsCustody, tapMiddle } from './support/movedTarget';
import { confirmationOf, eventsOfType, openDoor, doorNameOf, soundsPlayed, doorKioskSuite, stickerTags, wedgeScan } from './support/door';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the door: a pupil card with two devices, and damage noted in two taps', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));

  it('a pupil card with a phone and a watch asks which one, with a big button for each', async () => {
    const { page, problems, context } = await openDoor(browser, bridge);
    const pupil = demo.pupils.find((p) => p.deviceIds.length === 2 && demo.tags.some((t) => t.kind === 'pupil_card' && t.pupilId === p.pupilId))!;
    const card = demo.tags.find((t) => t.kind === 'pupil_card' && t.pupilId === pupil.pupilId)!;
    const watch = demo.devices.find((d) => d.pupilId === pupil.pupilId && d.kind === 'smartwatch')!;

    await wedgeScan(page, card.code);
    const dialog = page.getByRole('dialog', { name: 'Welk apparaat lever je in?' });
    await dialog.waitFor();
    expect(await dialog.getByRole('button').count()).toBe(3); // two devices and "Annuleren"
    await screenshot(page, 'door-choose-device-1366x768');
    expect(eventsOfType(bridge, 'handed_in')).toHaveLength(0);

    await dialog.getByRole('button', { name: new RegExp(escape(watch.description)) }).click();
    const confirmation = confirmationOf(page, watch.deviceId);
    await confirmation.waitFor();
    expect(await confirmation.getByTestId('door-headline').textContent()).toBe(doorNameOf(demo, pupil.pupilId));
    await dialog.waitFor({ state: 'detached' });
    const events = eventsOfType(bridge, 'handed_in');
    expect(events.map((e) => e.deviceId)).toEqual([watch.deviceId]);
    expect(await soundsPlayed(page)).toMatchObject({ attention: 1, success: 1, error: 0 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the next pupil can scan while the choice is open: nobody waits', async () => {
    const { page, context } = await openDoor(browser, bridge);
    const pupil = demo.pupils.filter((p) => p.deviceIds.length === 2 && demo.tags.some((t) => t.kind === 'pupil_card' && t.pupilId === p.pupilId))[1]!;
    const card = demo.tags.find((t) => t.kind === 'pupil_card' && t.pupilId === pupil.pupilId)!;
    const next = stickerTags(demo).find((t) => t.pupilId !== pupil.pupilId && !eventsOfType(bridge, 'handed_in').some((e) => e.deviceId === t.deviceId))!;
    await wedgeScan(page, card.code);
    await page.getByTestId('door-choose').waitFor();
    await wedgeScan(page, next.code);
    await confirmationOf(page, next.deviceId).waitFor();
    expect(await page.getByTestId('door-choose').count()).toBe(1);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    expect(await page.getByTestId('door-choose').count()).toBe(0);
    await context.close();
  });

  it('"Schade melden" then "Scherm gebarsten": noted in the ledger, "Genoteerd" on screen', async () => {
    const { page, problems, context } = await openDoor(browser, bridge);
    const held = new Set(eventsOfType(bridge, 'handed_in').map((e) => e.deviceId));
    const tag = stickerTags(demo).find((t) => !held.has(t.deviceId))!;
    await wedgeScan(page, tag.code);
    const confirmation = confirmationOf(page, tag.deviceId);
    await confirmation.waitFor();

    await confirmation.getByRole('button', { name: 'Schade melden' }).click(); // tap 1
    const picker = page.getByRole('dialog', { name: 'Wat is er kapot?' });
    await picker.waitFor();
    expect(await picker.getByRole('button').allTextContents()).toEqual([
      'Scherm gebarsten',
      'Achterkant gebarsten',
      'Hoesje kapot',
      'Waterschade',
      'Iets anders',
      'Toch niet',
    ]);
    await screenshot(page, 'door-damage-picker-1366x768');
    // The picker keeps its card on screen however long the pupil looks at it.
    await page.clock.fastForward(8000);
    await picker.getByRole('button', { name: 'Scherm gebarsten' }).click(); // tap 2

    await expect.poll(() => confirmation.getByTestId('door-damage-noted').textContent()).toBe('✓ Genoteerd: Scherm gebarsten');
    await screenshot(page, 'door-damage-noted-1366x768');
    const noted = eventsOfType(bridge, 'condition_noted');
    expect(noted).toHaveLength(1);
    expect(noted[0]).toMatchObject({ deviceId: tag.deviceId, actor: 'pupil', details: { marks: ['screen_cracked'] } });
    expect(await confirmation.getByTestId('door-headline').textContent()).toBe(doorNameOf(demo, tag.pupilId));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('"Ongedaan maken" for a few seconds after a damage tap writes a correction; the tap\'s spot holds no button that records', async () => {
    const { page, problems, context } = await openDoor(browser, bridge);
    const held = new Set(eventsOfType(bridge, 'handed_in').map((e) => e.deviceId));
    const [tag, next] = stickerTags(demo).filter((t) => !held.has(t.deviceId));
    await wedgeScan(page, tag!.code);
    const confirmation = confirmationOf(page, tag!.deviceId);
    await confirmation.getByRole('button', { name: 'Schade melden' }).click();
    const picker = page.getByRole('dialog', { name: 'Wat is er kapot?' });
    // The leftmost mark: the nearest to where the card's undo appears.
    const tap = await tapMiddle(page, picker.getByRole('button', { name: 'Scherm gebarsten' }));
    await expect.poll(() => confirmation.getByTestId('door-damage-noted').textContent()).toBe('✓ Genoteerd: Scherm gebarsten');
    // A second tap on the same spot (a double tap) would hit nothing that records or undoes.
    const under = await controlAt(page, tap);
    expect(recordsCustody(under)).toBe(false);
    const noted = eventsOfType(bridge, 'condition_noted')[0]!;
    expect(noted).toMatchObject({ deviceId: tag!.deviceId, actor: 'pupil', details: { marks: ['screen_cracked'] } });
    await screenshot(page, 'door-damage-undo-1366x768');

    await confirmation.getByRole('button', { name: 'Ongedaan maken' }).click();
    await confirmation.getByTestId('door-damage-undone').getByText('Ongedaan gemaakt. Er is geen schade genoteerd.').waitFor();
    expect(eventsOfType(bridge, 'corrected')[0]).toMatchObject({
      voidsSeq: noted.seq,
      actor: 'pupil',
      payload: { reason: 'Ongedaan gemaakt aan de deur' },
    });
    expect(bridge.core.services.dayOverview().conditions.some((c) => c.seq === noted.seq)).toBe(false);

    // The next pupil's damage tap: the undo is there for a few seconds, then gone.
    await wedgeScan(page, next!.code);
    const nextCard = confirmationOf(page, next!.deviceId);
    await nextCard.getByRole('button', { name: 'Schade melden' }).click();
    await picker.getByRole('button', { name: 'Iets anders' }).click();
    await nextCard.getByRole('button', { name: 'Ongedaan maken' }).waitFor();
    await advanceClocks(page, bridge, 8_500);
    await expect.poll(() => nextCard.getByRole('button', { name: 'Ongedaan maken' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('"Toch niet" closes the picker without noting anything', async () => {
    const { page, context } = await openDoor(browser, bridge);
    const held = new Set(eventsOfType(bridge, 'handed_in').map((e) => e.deviceId));
    const tag = stickerTags(demo).find((t) => !held.has(t.deviceId))!;
    await wedgeScan(page, tag.code);
    await confirmationOf(page, tag.deviceId).getByRole('button', { name: 'Schade melden' }).click();
    await page.getByRole('button', { name: 'Toch niet' }).click();
    expect(await page.getByTestId('door-damage').count()).toBe(0);
    expect(eventsOfType(bridge, 'condition_noted')).toHaveLength(3); // only those from before
    await context.close();
  });
});

describe('the door with privacy setting "pouch-only"', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k), { privacyDisplay: 'pouch-only' });

  it('shows the pouch number and the device, never the pupil’s name', async () => {
    const { page, problems, context } = await openDoor(browser, bridge);
    const tags = stickerTags(demo).slice(0, 3);
    for (const tag of tags) {
      await wedgeScan(page, tag.code);
      await confirmationOf(page, tag.deviceId).waitFor();
    }
    const last = tags.at(-1)!;
    const pouch = demo.pupils.find((p) => p.pupilId === last.pupilId)!.pouchNumber;
    expect(await confirmationOf(page, last.deviceId).getByTestId('door-headline').textContent()).toBe(`Vak ${pouch}`);
    await screenshot(page, 'door-pouch-only-1366x768');
    const shown = await page.locator('.door-screen').evaluate((el) => `${el.textContent} ${[...el.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ')}`);
    for (const tag of tags) {
      const pupil = demo.pupils.find((p) => p.pupilId === tag.pupilId)!;
      expect(shown).not.toMatch(new RegExp(`(^|[^\\p{L}])${escape(pupil.roepnaam)}($|[^\\p{L}])`, 'u'));
      expect(shown).not.toContain(pupil.achternaam);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
