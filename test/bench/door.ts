import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { percentile, type InleverpuntMetrics } from '../../src/renderer/screens/door/scanMetrics';
import { launchChromium } from '../e2e/support/browser';
import { startDemoBridge } from '../e2e/support/demo';
import { openDoor, stickerTags } from '../e2e/support/door';
import { schoolMorning } from '../e2e/support/schoolTime';
import { wedgeScan } from '../e2e/support/wedge';

/**
 * The door in real Chromium against the real core (the e2e test bridge, a database on disk with
 * synchronous=FULL): 30 pupils scan in at wedge speed, three classes in a row. Printed: the
 * scan-to-confirmation times the page measures itself (scanner's Enter → card in the DOM),
 * against a baseline from the same page in the same run: one round trip of a read-only call
 * through the same bridge (`getSession`), the transport any confirmation pays for.
 */
const CLASSES = 3;
const PUPILS = 30;

async function bridgeRoundTrips(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const api = (window as unknown as { inleverpunt: { api: { getSession(a: object): Promise<unknown> } } }).inleverpunt.api;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await api.getSession({});
      times.push(performance.now() - t0);
    }
    return times;
  }, count);
}

const confirmationTimes = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { __inleverpuntMetrics?: InleverpuntMetrics }).__inleverpuntMetrics?.scanToConfirmation ?? [])
      .filter((t) => t.source === 'wedge' && t.result === 'confirmed')
      .map((t) => t.ms),
  );

export async function runDoorBench(): Promise<void> {
  if (!existsSync('out/renderer/index.html')) throw new Error('Build the renderer first: npx electron-vite build');
  const { bridge, demo } = await startDemoBridge();
  const browser = await launchChromium();
  try {
    const class30 = stickerTags(demo).slice(0, PUPILS);
    const { page, context } = await openDoor(browser, bridge, { time: schoolMorning() });
    await bridgeRoundTrips(page, 20); // warm-up
    const baseline = await bridgeRoundTrips(page, CLASSES * PUPILS);
    for (let round = 0; round < CLASSES; round++) {
      for (const tag of class30) {
        const before = (await confirmationTimes(page)).length;
        await wedgeScan(page, tag.code);
        await page.waitForFunction(
          (n) => ((window as unknown as { __inleverpuntMetrics?: InleverpuntMetrics }).__inleverpuntMetrics?.scanToConfirmation.length ?? 0) > n,
          before,
        );
      }
      // The class gets its phones back (through the core) so the next class can hand them in.
      for (const tag of class30) bridge.core.services.returnDevice({ deviceId: tag.deviceId, actor: demo.staff.teacher7A.staffId });
      bridge.clock.advance(10 * 60_000);
    }
    const scans = await confirmationTimes(page);
    await context.close();

    const base50 = percentile(baseline, 50);
    const row = (label: string, values: number[]) => ({
      case: label,
      n: values.length,
      'p50 ms': Number(percentile(values, 50).toFixed(1)),
      'p95 ms': Number(percentile(values, 95).toFixed(1)),
      'max ms': Number(Math.max(...values).toFixed(1)),
      'p50 vs baseline': `${(percentile(values, 50) / base50).toFixed(1)}×`,
    });
    console.log(`\nDoor — ${CLASSES} classes of ${PUPILS} pupils scanning in at wedge speed, real Chromium and core (target: p95 well under 100 ms)`);
    console.table([row('baseline: one bridge round trip (getSession)', baseline), row('scan → confirmation on screen', scans)]);
  } finally {
    await browser.close();
    await bridge.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runDoorBench();
