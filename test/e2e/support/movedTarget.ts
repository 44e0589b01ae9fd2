import type { Locator, Page } from 'playwright-core';

/**
 * Buttons that record custody, or undo a record, in Dutch: a second tap must never land on one of
 * these where the first tap was (a double tap, or a list that moved up under the finger).
 */
export const custodyActions = [
  'Inleveren',
  'Teruggeven',
  'Aan ouder meegeven',
  'Bewaren tot morgen',
  'Ongedaan maken',
  'Scherm gebarsten',
  'Achterkant gebarsten',
  'Hoesje kapot',
  'Waterschade',
  'Iets anders',
] as const;

export interface Tap {
  x: number;
  y: number;
}

/** Taps the middle of `target` as a finger would, and returns where. */
export async function tapMiddle(page: Page, target: Locator): Promise<Tap> {
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to tap: the target is not on screen');
  const tap = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.click(tap.x, tap.y);
  return tap;
}

/**
 * What a second tap on the same spot would hit now: the name of the button (or menu item) there,
 * or null when it is not a control at all.
 */
export function controlAt(page: Page, tap: Tap): Promise<string | null> {
  return page.evaluate(({ x, y }) => {
    const control = document.elementFromPoint(x, y)?.closest('button, [role="menuitem"], a, input, select');
    if (!control) return null;
    return (control.textContent ?? '').trim() || control.getAttribute('aria-label');
  }, tap);
}

/** Whether a control's name is one that records custody. */
export function recordsCustody(name: string | null): boolean {
  return name !== null && custodyActions.some((action) => name === action || name.startsWith(`${action}:`));
}
