import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
import type { TestBridge } from './support/demo';
import { schoolMorning } from './support/schoolTime';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { join } from 'node:path';

import { TEST_PIN_COST as cheapPins } from '../core/support/custodyFixture';
import { tapPin } from './support/pin';

/**
 * A kiosk whose ledger was altered behind its back after the last backup: it must refuse to
 * write, say so, and let an administrator put the newest good backup back without losing the
 * damaged file.
 */
describe('recovering from a ledger that fails its start-up check', () => {
  let bridge: TestBridge;
  let browser: Browser;
  let tampered: number;
  const tmp = tempDir();
  const clock = createTestClock(schoolMorning());

  beforeAll(async () => {
    const core = openCore({ dbPath: tmp.dbPath, appVersion: 'test', pinCost: cheapPins, now: clock.now });
    const demo = seedDemoSchool(core, { history: false });
    await makeBackup(core.db, join(backupDirFor(tmp.dbPath), backupFileName(backupOwnerOf(core.db), clock.now())));
    const sticker = demo.tags.find((t) => t.kind === 'device_sticker' && !t.revoked)!;
    tampered = core.services.scan({ code: sticker.code, mode: 'hand-in', actor: 'pupil' }).event.seq;
    core.close();

    const raw = new Database(tmp.dbPath);
    raw.exec('DROP TRIGGER ledger_events_no_update');
    raw.prepare("UPDATE ledger_events SET actor = 'someone-else' WHERE seq = ?").run(tampered);
    raw.close();

    bridge = await startBridge({ clock, dbPath: tmp.dbPath, pinCost: cheapPins });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    tmp.cleanup();
  });

  it('refuses to write and offers the newest good backup; the damaged database is kept', async () => {
    expect(bridge.core.problem).toBe('DB_READ_ONLY');
    const { page, context } = await openKiosk(browser, bridge);
    const banner = page.getByRole('alert').filter({ hasText: 'het logboek klopt niet meer' });
    await banner.waitFor();
    await screenshot(page, 'recovery-banner-nl');
    await banner.getByRole('button', { name: 'Back-up terugzetten' }).click();
    await tapPin(page.locator('form.pinpad'), DEMO_PINS.admin);
    await page.getByText(/Nieuwste goede back-up: .*tot en met gebeurtenis \d+\./).waitFor();
    await screenshot(page, 'recovery-offer-nl');
    await page.getByRole('button', { name: 'Deze back-up terugzetten' }).click();
    await page.getByText(/De kiosk start opnieuw/).waitFor();

    expect(bridge.core.problem).toBeNull();
    const head = bridge.core.services.listEvents({ limit: 1 }).events[0]!;
    expect(head.seq).toBeLessThan(tampered);
    const kept = readdirSync(dirname(tmp.dbPath)).filter((f) => f.startsWith('inleverpunt.db.replaced-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(kept).toHaveLength(1);
    expect(existsSync(join(dirname(tmp.dbPath), kept[0]!))).toBe(true);
    await page.getByRole('heading', { name: /Scan je telefoon/ }).waitFor();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'het logboek klopt niet meer' }).count()).toBe(0);
    await context.close();
  });
});
