import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeCentral } from '../../src/core/central/connection';
import type { DemoSchool } from '../../src/core/demo/seed';
import { chainSince } from '../../src/core/ledger/importChain';
import { centralChain } from '../core/central/support/central';
import { manualTimers } from '../core/central/support/manualTimers';
import { cuttableProxy } from '../core/central/support/proxy';
import { DEMO_PINS } from '../../src/core/demo/seed';
import { schoolMorning, schoolTime } from './support/schoolTime';
import { unlockAs } from './support/teacher';
import { rewriteHistory } from '../core/central/support/rewrite';
import type { PgCluster } from '../support/postgres';
import { launchChromium, openKiosk } from './support/browser';
import type { TestBridge } from './support/demo';
import { startSyncingKiosk, type SyncingKiosk } from './support/syncingKiosk';
import { openArea } from './support/navigation';
import { accessibilityStop } from './support/accessibilityStop';
import { lockKiosk, tapPin } from './support/pin';

/** A school's kiosk with the board's central database set: it syncs on its own, and the staff see how that went. */
describe("the kiosk's own sync to the board's central database", () => {
  let cluster: PgCluster;
  let admin: pg.Client;
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  let url: string;
  const timers = manualTimers();

  let kiosk: SyncingKiosk;

  beforeAll(async () => {
    kiosk = await startSyncingKiosk(timers);
    ({ cluster, admin, bridge, demo, url } = kiosk);
    browser = await launchChromium();
  });
  beforeEach(() => lockKiosk(bridge.url));
  afterAll(async () => {
    await browser?.close();
    await kiosk?.close();
  });

  const kioskId = () => bridge.core.kiosk().kioskId;
  const localCount = () => chainSince(bridge.core.db, kioskId()).length;

  async function openCentralSettings(page: import('playwright-core').Page) {
    await openArea(page, 'Instellingen');
    await tapPin(page.locator('form.pinpad'), demo.staff.admin.pin);
    return page.getByRole('region', { name: 'Synchronisatie' });
  }

  it('settings show what waits; "Nu synchroniseren" sends it and says so', async () => {
    const { page, context, problems } = await openKiosk(browser, bridge);
    const sync = await openCentralSettings(page);
    await sync.getByText('Nog niet gesynchroniseerd.').waitFor();
    const waiting = localCount();
    await sync.getByText(`${waiting} gebeurtenissen wachten om verstuurd te worden.`).waitFor();
    await sync.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await sync.getByText(`gelukt, ${waiting} gebeurtenissen verstuurd`, { exact: false }).waitFor();
    await sync.getByText('Alles is verstuurd.').waitFor();
    expect(await centralChain(admin, kioskId())).toHaveLength(waiting);
    expect(await page.content()).not.toContain(new URL(url).password);
    await sync.scrollIntoViewIfNeeded();
    await accessibilityStop(page, 'settings-central-sync-ok');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a day and more without the central database while events wait: a quiet line for staff, and the settings say when it last succeeded', async () => {
    const proxy = await cuttableProxy(cluster.port);
    try {
      // The school's network to the board is down from this morning on.
      bridge.clock.set(schoolMorning());
      const viaProxy = url.replace(`:${cluster.port}/`, `:${proxy.port}/`);
      storeCentral(bridge.core.services.context, demo.staff.admin.staffId, { url: viaProxy, board: false });
      proxy.down();
      expect(await bridge.sync?.syncNow()).toMatchObject({ outcome: 'offline' });

      const { page, context, problems } = await openKiosk(browser, bridge, { time: schoolTime(8, 30, 1) });
      await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
      const line = page.getByRole('status').filter({ hasText: 'is sinds' });
      await line.waitFor();
      expect(await line.textContent()).toContain('wacht op deze kiosk');
      // Quiet: not an alarm, the kiosk works on.
      expect(await page.getByRole('alert').filter({ hasText: 'centrale database' }).count()).toBe(0);
      await accessibilityStop(page, 'teacher-sync-offline');
      await lockKiosk(bridge.url);
      await page.goto(`${bridge.url}/index.html`);
      const sync = await openCentralSettings(page);
      await sync.getByText('de centrale database was niet bereikbaar', { exact: false }).waitFor();
      await sync.getByText('Laatst gelukt:', { exact: false }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      storeCentral(bridge.core.services.context, demo.staff.admin.staffId, { url, board: false });
      await proxy.close();
    }
  });

  it('a kiosk whose history was rewritten: its next scheduled sync is refused, and staff see the banner and the status', async () => {
    // Someone with the PC's disk changes an old event and recomputes every hash after it.
    rewriteHistory(bridge.core.db, kioskId(), 3);
    // The schedule's first run, shortly after start, is the one that catches it.
    expect(timers.pending).toBe(1);
    timers.fire();
    expect(await bridge.sync?.syncNow()).toMatchObject({ outcome: 'diverged', problem: 'head_differs' });

    const { page, context, problems } = await openKiosk(browser, bridge);
    // The door says nothing of it: pupils cannot act on it.
    await page.getByRole('heading', { name: /Scan je telefoon/ }).waitFor();
    expect(await page.getByText('weigert dit logboek', { exact: false }).count()).toBe(0);
    const sync = await openCentralSettings(page);
    const banner = page.getByRole('alert').filter({ hasText: 'de centrale database van het bestuur weigert dit logboek' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Zet geen back-up terug en bel de ICT-partner');
    await sync.getByText('geweigerd, het logboek wijkt af: de laatste gebeurtenis die al centraal lag is op de kiosk anders', { exact: false }).waitFor();
    await sync.scrollIntoViewIfNeeded();
    await accessibilityStop(page, 'settings-central-sync-diverged');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('alert').filter({ hasText: "the board's central database refuses this kiosk's log" }).waitFor();
    await page.getByRole('region', { name: 'Sync' }).getByText('refused, the log diverges', { exact: false }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
