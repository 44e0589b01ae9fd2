import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DemoSchool } from '../../src/core/demo/seed';
import type { TestBridge } from './support/demo';
import { screenshot } from './support/browser';
import { confirmationOf, doorKioskSuite, openDoor, stickerTags, wedgeScan } from './support/door';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];

/**
 * What a pupil must never see: a page wider than the screen, a word broken over two lines (a
 * word whose letters lie on more than one line box), text running out of its box, or the top
 * bar's buttons and the prompt overlapping.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) problems.push(`page ${doc.scrollWidth}px wide in ${window.innerWidth}px`);
    const watched = document.querySelectorAll<HTMLElement>('[data-testid="door-headline"], .door-card-device, .door-pouch-number, .door-stage h1, .door-hint');
    for (const el of watched) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis') problems.push(`overflow in ${el.className}: "${el.textContent}"`);
      const text = el.firstChild?.nodeType === Node.TEXT_NODE ? el : el.querySelector('span') ?? el;
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const content = node.textContent ?? '';
        // A line may break at a space or after a hyphen ("Anne-/Wil"), never inside a run of letters.
        for (const match of content.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`"${match[0]}" broken over ${lines.size} lines`);
        }
      }
    }
    const boxes = [...document.querySelectorAll<HTMLElement>('.topbar button, .door-bar, .door-stage h1')].map((el) => ({ el, r: el.getBoundingClientRect() }));
    for (const { el, r } of boxes) {
      if (r.right > window.innerWidth + 1 || r.left < -1) problems.push(`off-screen: ${el.textContent}`);
    }
    const bar = document.querySelector('.door-bar')?.getBoundingClientRect();
    const prompt = document.querySelector('.door-stage h1')?.getBoundingClientRect();
    if (bar && prompt && prompt.top < bar.bottom - 1) problems.push('the prompt overlaps the mode bar');
    return problems;
  });
}

describe('the door card at every screen size', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  doorKioskSuite((k) => ({ bridge, demo, browser } = k));

  it('holds from 1024×768 to 1920×1080 and in portrait, for the longest demo name and generated long ones', async () => {
    const office = demo.staff.office.staffId;
    const s = bridge.core.services;
    const [bag] = s.listLocations().filter((l) => l.kind === 'phone_bag');
    const long = [
      { roepnaam: 'Maximiliaan-Alexander', description: 'Samsung Galaxy S24 Ultra met roze glitterhoesje en een barst linksboven' },
      { roepnaam: 'Anne-Wil Charlotte', description: 'iPhone' },
    ].map((p, i) => {
      const pupil = s.createPupil({ roepnaam: p.roepnaam, achternaam: 'Lang', groep: '7A', jaargroep: 7 }, office);
      s.createPouch({ locationId: bag!.locationId, number: 90 + i, pupilId: pupil.pupilId }, office);
      const device = s.createDevice({ ownerPupilId: pupil.pupilId, kind: 'smartphone', description: p.description }, office);
      s.assignTag({ kind: 'device_sticker', raw: `LANG${i}X`, deviceId: device.deviceId }, office);
      return { code: `LANG${i}X`, deviceId: device.deviceId };
    });
    const tags = stickerTags(demo);
    const longestDemo = tags.reduce((a, b) => (pupilOf(demo, b.pupilId).length > pupilOf(demo, a.pupilId).length ? b : a));
    const scans = [{ code: longestDemo.code, deviceId: longestDemo.deviceId }, ...long];
    const found: string[] = [];
    for (const viewport of SIZES) {
      const { page, context } = await openDoor(browser, bridge, { viewport });
      found.push(...(await layoutProblems(page)).map((p) => `${viewport.width}×${viewport.height} idle: ${p}`));
      for (const scan of scans) {
        await wedgeScan(page, scan.code);
        await confirmationOf(page, scan.deviceId).waitFor();
        found.push(...(await layoutProblems(page)).map((p) => `${viewport.width}×${viewport.height} ${scan.code}: ${p}`));
      }
      await screenshot(page, `door-layout-${viewport.width}x${viewport.height}`);
      await context.close();
      // Each size hands in afresh: return what this size handed in.
      for (const scan of scans) s.returnDevice({ deviceId: scan.deviceId, actor: demo.staff.teacher7A.staffId });
    }
    expect(found).toEqual([]);
  });
});

function pupilOf(demo: DemoSchool, pupilId: string): string {
  return demo.pupils.find((p) => p.pupilId === pupilId)?.roepnaam ?? '';
}
