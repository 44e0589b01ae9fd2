import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seedDemoSchool, type DemoSchool } from '../../src/core/demo/seed';
import { appendEvent } from '../../src/core/ledger/append';
import { custodian } from '../../src/core/ledger/events';
import { updateSettings } from '../../src/core/settings/store';
import { startBridge } from '../bridge/server';
import { createTestClock } from '../bridge/testClock';
import { TEST_PIN_COST } from '../core/support/custodyFixture';
import { launchChromium, screenshot } from './support/browser';
import type { TestBridge } from './support/demo';
import { openDoor, waitForPushChannel } from './support/door';
import { tapPin } from './support/pin';
import { schoolMorning } from './support/schoolTime';
import { testWedge } from './support/wedge';
import { openArea } from './support/navigation';

const HISTORY = 30_000;

/** Records every text the progress line shows, however briefly, from inside the page. */
const recordProgress = `
  window.__progress = [];
  new MutationObserver(() => {
    const shown = document.querySelector('.export-progress [role="status"]')?.textContent;
    if (shown && window.__progress.at(-1) !== shown) window.__progress.push(shown);
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

describe('a long export shows how far it is', () => {
  let bridge: TestBridge;
  let demo: DemoSchool | undefined;
  let browser: Browser;

  beforeAll(async () => {
    bridge = await startBridge({
      clock: createTestClock(schoolMorning()),
      pinCost: TEST_PIN_COST,
      seed: (core) => {
        demo = seedDemoSchool(core, { history: false });
        updateSettings(core.services.context, demo.staff.admin.staffId, { wedge: testWedge });
        // A few years of hand-ins and returns of one phone, written through the ledger's own append.
        const phone = demo.devices[0]!;
        let at = Date.parse('2023-09-04T06:00:00.000Z');
        const writer = { db: core.db, kioskId: core.kiosk().kioskId, now: () => new Date(at) };
        core.db.transaction(() => {
          for (let i = 0; i < HISTORY; i++) {
            at += 60_000;
            const handIn = i % 2 === 0;
            appendEvent(writer, {
              type: handIn ? 'handed_in' : 'returned',
              actor: 'pupil',
              custodian: handIn ? custodian.school : custodian.pupil,
              deviceId: phone.deviceId,
              pupilId: phone.pupilId,
              details: { via: 'manual' },
            });
          }
        })();
      },
    });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  it('"N van M gebeurtenissen" counts up while the file is made, pushed by the kiosk after every page', async () => {
    const { page, context, problems } = await openDoor(browser, bridge, { initScripts: [recordProgress], viewport: { width: 1366, height: 768 } });
    await waitForPushChannel(page, bridge);
    await openArea(page, 'Administratie');
    await tapPin(page.getByRole('form', { name: 'Toets je pincode in' }), demo!.staff.office.pin);
    await page.locator('nav.office-menu').getByRole('button', { name: 'Logboek exporteren' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporteren', exact: true }).click()]);
    await page.getByText('gebeurtenissen geëxporteerd', { exact: false }).waitFor();
    await screenshot(page, 'office-export-progress-done-1366');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const shown = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    const counts = shown.map((text) => {
      const m = /^(\d+) van (\d+) gebeurtenissen$/.exec(text);
      if (!m) throw new Error(`progress line reads "${text}"`);
      return { done: Number(m[1]), total: Number(m[2]) };
    });
    const done = counts.map((c) => c.done);
    const total = counts[0]?.total ?? 0;
    expect(total).toBeGreaterThanOrEqual(HISTORY);
    // Seen part-way, and only ever forwards.
    expect(done.some((n) => n > 0 && n < total)).toBe(true);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(problems).toEqual([]);
    await context.close();
  });
});
