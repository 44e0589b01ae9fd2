import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCentral } from '../../src/core/central/connection';
import type { DemoSchool } from '../../src/core/demo/seed';
import { chainSince } from '../../src/core/ledger/importChain';
import { readAllCustody } from '../../src/core/ledger/projection';
import { ledgerHead } from '../../src/core/ledger/rows';
import { verifyLedger } from '../../src/core/ledger/verify';
import { centralChain } from '../core/central/support/central';
import { manualTimers } from '../core/central/support/manualTimers';
import { cuttableProxy } from '../core/central/support/proxy';
import type { PgCluster } from '../support/postgres';
import { accessibilityStop } from './support/accessibilityStop';
import { launchChromium, openKiosk } from './support/browser';
import type { TestBridge } from './support/demo';
import { startSyncingKiosk, type SyncingKiosk } from './support/syncingKiosk';
import { lockKiosk, tapPin } from './support/pin';
import { schoolTime } from './support/schoolTime';

/**
 * A kiosk put back on an older backup from the settings screen, with the board's central database
 * set: the host syncs at once, takes back from the centre what the backup lacks, and staff see so.
 */
describe('after a restore the kiosk takes its missing events back from the central database', () => {
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
  afterAll(async () => {
    await browser?.close();
    await kiosk?.close();
  });

  const kioskId = () => bridge.core.kiosk().kioskId;

  it('the admin restores this morning’s backup: the afternoon comes back from the centre, and the banner and the sync panel say so', async () => {
    expect(await bridge.sync?.syncNow()).toMatchObject({ outcome: 'ok' });
    const { page, context, problems } = await openKiosk(browser, bridge, { viewport: { width: 1366, height: 768 }, time: schoolTime(8, 40) });
    await page.goto(`${bridge.url}/index.html#/settings/backups`);
    await tapPin(page.locator('form.pinpad'), demo.staff.admin.pin);
    await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
    await page.getByText('Back-up gemaakt en gecontroleerd.').waitFor();
    const backupSeq = ledgerHead(bridge.core.db).seq;

    // The morning goes on after the backup: phones handed in, one with a damage note; all of it synced.
    const phones = demo.devices.slice(0, 3);
    for (const phone of phones) bridge.core.services.handIn({ deviceId: phone.deviceId, actor: 'pupil' });
    bridge.core.services.noteCondition({ deviceId: phones[0]!.deviceId, actor: demo.staff.admin.staffId, marks: ['screen_cracked'], note: 'barst linksboven' });
    expect(await bridge.sync?.syncNow()).toMatchObject({ outcome: 'ok' });
    const centralSeq = ledgerHead(bridge.core.db).seq;
    expect(centralSeq).toBeGreaterThan(backupSeq);

    const row = page.locator('tr[data-backup]').first();
    await row.getByRole('button', { name: 'Terugzetten' }).click();
    await row.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await page.getByText('Teruggezet. De kiosk start opnieuw.').waitFor();
    // The host started the catch-up with the restored core; joining it waits for its end.
    const caughtUp = await bridge.sync?.syncNow();
    expect(caughtUp).toMatchObject({ outcome: 'ok', takenBack: centralSeq - backupSeq });
    expect(verifyLedger(bridge.core.db)).toMatchObject({ ok: true });
    const local = chainSince(bridge.core.db, kioskId()).map((r) => [r.event.seq, r.event.hash.toString('hex')]);
    expect(await centralChain(admin, kioskId())).toEqual(local);
    // The phones handed in after the backup are held again.
    const held = readAllCustody(bridge.core.db).filter((c) => c.held).map((c) => c.deviceId);
    expect(held).toEqual(expect.arrayContaining(phones.map((p) => p.deviceId)));

    // The restarted kiosk, as Electron relaunches it: a fresh page, locked.
    await lockKiosk(bridge.url);
    await page.goto(`${bridge.url}/index.html#/settings`);
    await page.reload();
    await tapPin(page.locator('form.pinpad'), demo.staff.admin.pin);
    const banner = page.locator('[data-alert="sync-taken-back"]').filter({ hasText: 'teruggehaald uit de centrale database' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(`${centralSeq - backupSeq} gebeurtenissen teruggehaald`);
    const sync = page.getByRole('region', { name: 'Synchronisatie' });
    await sync.getByText(`gelukt, ${centralSeq - backupSeq} gebeurtenissen teruggehaald uit de centrale database`, { exact: false }).waitFor();
    // Only the admin's login just now waits: it goes up at the next sync.
    await sync.getByText('1 gebeurtenis wacht om verstuurd te worden.').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'centrale database' }).count()).toBe(0);
    await banner.scrollIntoViewIfNeeded();
    await accessibilityStop(page, 'settings-sync-taken-back-banner');
    await sync.scrollIntoViewIfNeeded();
    await accessibilityStop(page, 'settings-central-sync-taken-back');

    // The next syncs take nothing back; one with nothing to send says so rather than "0 sent".
    await sync.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await sync.getByText('gelukt, 1 gebeurtenis verstuurd', { exact: false }).waitFor();
    await sync.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await sync.getByText('bijgewerkt, niets nieuws te versturen', { exact: false }).waitFor();
    await sync.getByText('Alles is verstuurd.').waitFor();
    // The banner stays for the day.
    await banner.waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-alert="sync-taken-back"]').filter({ hasText: "events back from the board's central database" }).waitFor();
    await page.getByRole('region', { name: 'Sync' }).getByText('up to date, nothing new to send', { exact: false }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a kiosk that could not reach the centre after the restore and recorded a hand-in meanwhile: the banner names where the logs part', async () => {
    const proxy = await cuttableProxy(cluster.port);
    try {
      const viaProxy = url.replace(`:${cluster.port}/`, `:${proxy.port}/`);
      storeCentral(bridge.core.services.context, demo.staff.admin.staffId, { url: viaProxy, board: false });
      expect(await bridge.sync?.syncNow()).toMatchObject({ outcome: 'ok' });
      const { page, context, problems } = await openKiosk(browser, bridge, { viewport: { width: 1366, height: 768 }, time: schoolTime(10, 15) });
      await lockKiosk(bridge.url);
      await page.goto(`${bridge.url}/index.html#/settings/backups`);
      await page.reload();
      await tapPin(page.locator('form.pinpad'), demo.staff.admin.pin);
      await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
      await page.getByText('Back-up gemaakt en gecontroleerd.').waitFor();
      const backupSeq = ledgerHead(bridge.core.db).seq;
      for (const phone of demo.devices.slice(3, 5)) bridge.core.services.handIn({ deviceId: phone.deviceId, actor: 'pupil' });
      expect(await bridge.sync?.syncNow()).toMatchObject({ outcome: 'ok' });

      // The network to the board is down when the backup goes back in.
      proxy.down();
      const row = page.locator('tr[data-backup]').first();
      await row.getByRole('button', { name: 'Terugzetten' }).click();
      await row.getByRole('button', { name: 'Ja, terugzetten' }).click();
      await page.getByText('Teruggezet. De kiosk start opnieuw.').waitFor();
      expect(await bridge.sync?.syncNow()).toMatchObject({ outcome: 'offline' });
      // A pupil hands in at the door before the network is back.
      bridge.core.services.handIn({ deviceId: demo.devices[5]!.deviceId, actor: 'pupil' });
      proxy.up();
      expect(await bridge.sync?.syncNow()).toMatchObject({ outcome: 'diverged', problem: 'forked_after_restore', seq: backupSeq + 1, takenBack: 0 });

      await lockKiosk(bridge.url);
      await page.goto(`${bridge.url}/index.html#/settings`);
      await page.reload();
      await tapPin(page.locator('form.pinpad'), demo.staff.admin.pin);
      const banner = page.getByRole('alert').filter({ hasText: 'legde deze kiosk al eigen gebeurtenissen vast' });
      await banner.waitFor();
      expect(await banner.textContent()).toContain(`Vanaf gebeurtenis ${backupSeq + 1} verschillen de twee logboeken`);
      await page.getByRole('region', { name: 'Synchronisatie' }).getByText('na het terugzetten legde de kiosk al eigen gebeurtenissen vast', { exact: false }).waitFor();
      await banner.scrollIntoViewIfNeeded();
      await accessibilityStop(page, 'settings-sync-forked-after-restore');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('alert').filter({ hasText: `From event ${backupSeq + 1} on, the two logs differ` }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await proxy.close();
    }
  });
});
