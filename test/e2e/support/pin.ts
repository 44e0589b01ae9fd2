import type { Locator, Page } from 'playwright-core';
import { DEMO_PINS } from '../../../src/core/demo/seed';

/**
 * Whose PIN is whose in the demo school: a PIN pad now asks for the name first, and the tests
 * that were written for a PIN alone still say only the PIN.
 */
const demoNameOfPin: Record<string, string> = {
  [DEMO_PINS.teacher7A]: 'Juf Anna',
  [DEMO_PINS.teacher8B]: 'Meester Bram',
  [DEMO_PINS.witness]: 'Juf Carla',
  [DEMO_PINS.office]: 'Administratie',
  [DEMO_PINS.admin]: 'Beheerder ICT',
};
/** A wrong PIN is tried on this name when no name is chosen yet. */
const DEFAULT_NAME = 'Juf Anna';

/**
 * Chooses the name on the pad's "Wie ben je?" list the way a person does: the PIN's owner, or
 * (for a wrong PIN) the name already chosen, else the first teacher. No list: nothing to choose.
 */
export async function chooseNameFor(page: Page, pin: string, name?: string): Promise<void> {
  const chooser = page.locator('[data-staff-chooser]');
  if ((await chooser.count()) === 0) return;
  const names = chooser.getByRole('button');
  await names.first().waitFor();
  const wanted = name ?? demoNameOfPin[pin];
  if (wanted) return names.filter({ hasText: wanted }).first().click();
  if ((await chooser.locator('[aria-pressed="true"]').count()) > 0) return;
  const fallback = names.filter({ hasText: DEFAULT_NAME });
  await ((await fallback.count()) > 0 ? fallback.first() : names.first()).click();
}

/** Types a PIN on an on-screen PinPad the way a person does: one tap per digit, then OK. */
export async function tapPin(pad: Locator, pin: string, name?: string): Promise<void> {
  // The pad and its name list come together: once the pad is there, so is the list (if any).
  await pad.waitFor();
  await chooseNameFor(pad.page(), pin, name);
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: /^OK, (bevestig pincode|confirm PIN)$/ }).click();
}

/** Opens a teacher screen by its route and unlocks it with the teacher's PIN. */
export async function openTeacherScreen(page: Page, baseUrl: string, route: string, pin: string): Promise<void> {
  await page.goto(`${baseUrl}/index.html#/teacher/${route}`);
  await tapPin(page.getByRole('form', { name: 'Toets je pincode in' }), pin);
}

/** The session lives in the core, as in the real kiosk: each test starts locked and off duty. */
export async function lockKiosk(baseUrl: string): Promise<void> {
  await fetch(`${baseUrl}/__bridge/call/lockStaff`, { method: 'POST', body: JSON.stringify({ endDuty: true }) });
}
