import type { Locator, Page } from 'playwright-core';

/** Types a PIN on an on-screen PinPad the way a person does: one tap per digit, then OK. */
export async function tapPin(pad: Locator, pin: string): Promise<void> {
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: 'Bevestig pincode' }).click();
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
