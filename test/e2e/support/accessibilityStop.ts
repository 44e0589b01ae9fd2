import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, describeFindings } from './axe';

/** The screens the kiosk is bought for: the smallest school laptop, the common one, a big monitor. */
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const screenshotRoot = join(process.cwd(), 'test-results', 'screenshots');

/**
 * What no screen may show at any size: a page wider than the window, text running out of its
 * button, cell or heading (unless it is cut off on purpose with an ellipsis or scrolls), a control
 * sticking out of its table cell, or the door's mode bar broken over two lines.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) problems.push(`page ${doc.scrollWidth}px wide in ${window.innerWidth}px`);
    const visible = (el: HTMLElement) => el.offsetParent !== null && el.clientWidth > 0;
    for (const el of document.querySelectorAll<HTMLElement>('button, td, th, h1, h2, [role="menuitem"], .door-bar')) {
      if (!visible(el)) continue;
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis' || ['auto', 'scroll'].includes(style.overflowX)) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`text overflows ${describe(el)} (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
    // A table running out of its card: the page need not be wider for the table to spill over the card's edge.
    for (const table of document.querySelectorAll<HTMLElement>('table')) {
      const parent = table.parentElement;
      if (!visible(table) || !parent || ['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) continue;
      const inner = parent.getBoundingClientRect().right - parseFloat(getComputedStyle(parent).paddingRight);
      const right = table.getBoundingClientRect().right;
      if (right > inner + 1) problems.push(`${describe(table)} runs ${Math.round(right - inner)}px out of its container`);
    }
    // A table cell, and the end of day's row card (its actions sit in a grid cell of their own).
    for (const cell of document.querySelectorAll<HTMLElement>('td, th, .eod-item')) {
      if (!visible(cell)) continue;
      const box = cell.getBoundingClientRect();
      for (const control of cell.querySelectorAll<HTMLElement>('button, a, input, select')) {
        const r = control.getBoundingClientRect();
        if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) problems.push(`${describe(control)} sticks out of its cell`);
      }
    }
    // The band is one line: its parts side by side (centred on one line), and no text in it on two lines.
    const bar = document.querySelector<HTMLElement>('.door-bar');
    if (bar && visible(bar)) {
      const centres = [...bar.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => (r.top + r.bottom) / 2);
      const texts = document.createTreeWalker(bar, NodeFilter.SHOW_TEXT);
      let broken = false;
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken = true;
      }
      if (broken || Math.max(...centres) - Math.min(...centres) > 10) problems.push(`the door's mode bar wraps onto two lines: "${bar.textContent}"`);
    }
    return problems;
  });
}

/**
 * One stop of the tour: at each of the three sizes, axe-core finds nothing (WCAG 2.0/2.1 A and
 * AA) and nothing spills out of its box; a screenshot is saved per size. The page's clock stands
 * still meanwhile, so a card that times out or an idle staff area that locks itself is still
 * there when axe looks at it.
 */
export async function accessibilityStop(page: Page, name: string): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  // A moment ahead of the page's own reading: the clock has run on while the answer came back.
  await page.clock.pauseAt(now + 1000);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // A fade-in is checked as it ends, not half-way (the clock is paused, so no frame callback would come).
    await page.evaluate(() => {
      for (const animation of document.getAnimations()) {
        try {
          animation.finish();
        } catch {
          // An endless animation (a spinner) has no end to jump to; axe sees it as it is.
        }
      }
    });
    const where = `${name} at ${size.width}×${size.height}`;
    const findings = await whileTimeCreeps(page, axeViolations(page));
    const found = [...describeFindings(where, findings), ...(await layoutProblems(page)).map((p) => `${where}: ${p}`)];
    const dir = join(screenshotRoot, `${size.width}x${size.height}`);
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`) });
    expect.soft(found, where).toEqual([]);
  }
  await page.setViewportSize(SIZES[1]);
  await page.clock.resume();
}

/**
 * axe-core waits on its own short timers, which the paused page clock would never fire: time creeps
 * on a millisecond at a time until axe is done, far too little for a card to time out.
 */
async function whileTimeCreeps<T>(page: Page, work: Promise<T>): Promise<T> {
  let settled = false;
  const result = work.finally(() => (settled = true));
  while (!settled) await page.clock.runFor(1);
  return result;
}
