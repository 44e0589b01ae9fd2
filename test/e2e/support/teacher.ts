import type { Page } from 'playwright-core';
import type { DemoDevice, DemoSchool } from '../../../src/core/demo/seed';
import type { Bridge } from '../../bridge/server';
import { openTeacherScreen } from './pin';

/** Opens the teacher area with a PIN and waits for the dashboard. */
export async function unlockAs(page: Page, bridgeUrl: string, pin: string): Promise<void> {
  await openTeacherScreen(page, bridgeUrl, '', pin);
  await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
}

/** The teacher area's screen, without the menu (whose buttons share some names). */
export const screenOf = (page: Page) => page.locator('.teacher-screen');

/** A device's row on the overview. */
export const overviewRow = (page: Page, deviceId: string) => page.locator(`tr[data-device="${deviceId}"]`);

/** Opens a row's one action menu and returns its items' names ("Teruggeven", "Verplaatsen", …). */
export async function openRowMenu(page: Page, deviceId: string): Promise<string[]> {
  await overviewRow(page, deviceId).getByRole('button', { name: /^Acties voor / }).click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  return menu.getByRole('menuitem').allTextContents();
}

/** Chooses one action from a row's menu. */
export async function rowAction(page: Page, deviceId: string, action: string): Promise<void> {
  await openRowMenu(page, deviceId);
  await page.getByRole('menu').getByRole('menuitem', { name: action, exact: true }).click();
}

/** The teacher menu, where the day is closed ("Dag afsluiten"). */
export const teacherMenu = (page: Page) => page.getByRole('navigation', { name: 'Leerkrachtmenu' });

/**
 * Phones of pupils with exactly one device (and, with `withSticker`, a working barcode sticker),
 * handed out to the tests one by one so no two tests touch the same device.
 */
export function sparePhones(demo: DemoSchool, withSticker = false): () => DemoDevice {
  const spare = demo.devices.filter(
    (d) =>
      d.kind === 'smartphone' &&
      demo.pupils.find((p) => p.pupilId === d.pupilId)?.deviceIds.length === 1 &&
      (!withSticker || demo.tags.some((t) => t.deviceId === d.deviceId && t.kind === 'device_sticker' && !t.revoked)),
  );
  return () => {
    const next = spare.shift();
    if (!next) throw new Error('no spare demo phone left');
    return next;
  };
}

/** A pupil's hand-in at the door, with Juf Anna (7A) on duty. */
export function handInAtDoor(bridge: Bridge, demo: DemoSchool, device: DemoDevice) {
  return bridge.core.services.handIn({ deviceId: device.deviceId, actor: 'pupil', dutyStaffId: demo.staff.teacher7A.staffId });
}
