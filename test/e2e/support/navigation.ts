import type { Page } from 'playwright-core';

/**
 * Goes to a staff area as a person would: at the door through the one quiet "Personeel" button
 * (it opens the three areas), elsewhere straight from the top bar.
 */
export async function openArea(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ });
  await menu.getByRole('button').first().waitFor();
  const staff = menu.getByRole('button', { name: /^(Personeel|Staff)$/ });
  if ((await staff.count()) > 0 && (await staff.getAttribute('aria-expanded')) !== 'true') await staff.click();
  await menu.getByRole('button', { name, exact: true }).click();
}
