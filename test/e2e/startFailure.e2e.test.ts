import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openCore } from '../../src/core';
import { backupDirFor, makeBackup } from '../../src/core/backup/backup';
import { backupOwnerOf } from '../../src/core/backup/folder';
import { backupFileName } from '../../src/core/backup/naming';
import { DEMO_PINS, seedDemoSchool } from '../../src/core/demo/seed';
import { tempDir } from '../support/tempDb';
import { startBridge } from '../bridge/server';
import { createTestClock } from '../bridge/testClock';
import { TEST_PIN_COST as cheapPins } from '../core/support/custodyFixture';
import type { TestBridge } from './support/demo';
import { schoolMorning } from './support/schoolTime';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { tapPin } from './support/pin';

/** A kiosk with the demo school and a good backup; returns its kiosk id. */
async function kioskWithBackup(dbPath: string, clock: ReturnType<typeof createTestClock>): Promise<string> {
  const core = openCore({ dbPath, appVersion: 'test', pinCost: cheapPins, now: clock.now });
  seedDemoSchool(core, { history: false });
  await makeBackup(core.db, join(backupDirFor(dbPath), backupFileName(backupOwnerOf(core.db), clock.now())));
  const kioskId = core.kiosk().kioskId;
  core.close();
  return kioskId;
}

/**
 * A kiosk whose database cannot be opened at all opens on the recovery screen, through the same
 * host the Electron shell uses: the reason in Dutch and English, the details for the IT partner,
 * and the safe actions.
 */
describe('the kiosk opens on the recovery screen when its database cannot be opened', () => {
  let browser: Browser;
  const bridges: TestBridge[] = [];
  const tmps: ReturnType<typeof tempDir>[] = [];
  const clock = createTestClock(schoolMorning());

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const b of bridges) await b.close();
    for (const t of tmps) t.cleanup();
  });

  const broken = async (damage: (dbPath: string) => void): Promise<{ bridge: TestBridge; kioskId: string; dbPath: string }> => {
    const tmp = tempDir();
    tmps.push(tmp);
    const kioskId = await kioskWithBackup(tmp.dbPath, clock);
    damage(tmp.dbPath);
    const bridge = await startBridge({ clock, dbPath: tmp.dbPath, pinCost: cheapPins });
    bridges.push(bridge);
    return { bridge, kioskId, dbPath: tmp.dbPath };
  };

  it('a destroyed header: the reason in both languages, the facts for IT without a path, and an administrator restores the newest good backup', async () => {
    const { bridge, kioskId, dbPath } = await broken((path) => {
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
      closeSync(fd);
    });
    expect(bridge.state.kind).toBe('failed');
    const { page, context } = await openKiosk(browser, bridge);
    await page.getByRole('heading', { name: 'Inleverpunt kan niet starten / Inleverpunt cannot start' }).waitFor();
    const reason = page.getByRole('alert').filter({ hasText: 'De database is beschadigd' });
    await expect.poll(() => reason.textContent()).toContain('The database is damaged');
    const facts = page.getByTestId('start-failure-facts');
    await expect.poll(() => facts.textContent()).toContain(kioskId);
    expect(await facts.textContent()).toContain('DB_CORRUPT');
    expect(await facts.textContent()).toContain('not a database');
    expect(await page.locator('body').textContent()).not.toContain(dirname(dbPath));
    await screenshot(page, 'start-failure-corrupt');

    await page.getByRole('button', { name: 'Back-up terugzetten / Restore the backup' }).click();
    const pad = page.locator('form.pinpad');
    await tapPin(pad, DEMO_PINS.teacher7A);
    await pad.getByRole('alert').filter({ hasText: 'De pincode klopt niet' }).waitFor();
    await tapPin(pad, DEMO_PINS.admin);
    await page.getByText(/Teruggezet tot en met gebeurtenis \d+/).waitFor();
    expect(bridge.state.kind).toBe('open');
    await page.getByRole('heading', { name: /Scan je telefoon/ }).waitFor();
    await context.close();
  });

  it('a database from a newer version: that reason, no restore offered (it would lose newer data)', async () => {
    const { bridge } = await broken((path) => {
      const raw = new Database(path);
      raw.pragma('user_version = 999');
      raw.close();
    });
    const { page, context } = await openKiosk(browser, bridge);
    await page.getByText('De database is gemaakt door een nieuwere versie van Inleverpunt', { exact: false }).first().waitFor();
    await page.getByText('The database was written by a newer version of Inleverpunt', { exact: false }).first().waitFor();
    await expect.poll(() => page.getByTestId('start-failure-facts').textContent()).toContain('DB_FROM_NEWER_VERSION');
    expect(await page.getByRole('button', { name: /Back-up terugzetten/ }).count()).toBe(0);
    await screenshot(page, 'start-failure-newer-version');
    await context.close();
  });
});
