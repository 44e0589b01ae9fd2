import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { backupDirFor } from '../../src/core/backup/backup';
import { DEMO_PINS } from '../../src/core/demo/seed';
import { backupJob } from '../../src/core/health/backupJob';
import { startDemoBridge, type TestBridge } from './support/demo';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { unlockAs } from './support/teacher';

/** The daily backup fails out of sight, at night; the staff must hear of it the next morning. */
describe('a failed backup is shown to staff until the next backup succeeds', () => {
  let bridge: TestBridge;
  let browser: Browser;
  beforeAll(async () => {
    ({ bridge } = await startDemoBridge());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
  });

  it('the teacher’s overview carries the banner, the door does not; a good backup clears it', async () => {
    // Something else sits where the backups folder belongs.
    writeFileSync(backupDirFor(bridge.dbPath), 'not a folder');
    expect(await backupJob(bridge.core, bridge.clock.now())).toMatchObject({ status: 'failed' });

    const { page, context } = await openKiosk(browser, bridge);
    await page.getByRole('heading', { name: /Scan je telefoon/ }).waitFor();
    expect(await page.getByText(/De laatste back-up is mislukt/).count()).toBe(0);
    await unlockAs(page, bridge.url, DEMO_PINS.teacher7A);
    const banner = page.getByRole('alert').filter({ hasText: 'De laatste back-up is mislukt' });
    await banner.waitFor();
    await expect.poll(() => banner.textContent()).toContain('bel dan de ICT-partner');
    await screenshot(page, 'teacher-backup-failed-banner');

    rmSync(backupDirFor(bridge.dbPath));
    mkdirSync(backupDirFor(bridge.dbPath));
    expect(await backupJob(bridge.core, bridge.clock.now())).toMatchObject({ status: 'made' });
    await page.goto(`${bridge.url}/index.html#/settings`);
    await page.goto(`${bridge.url}/index.html#/teacher`);
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
    await expect.poll(() => page.getByText(/De laatste back-up is mislukt/).count()).toBe(0);
    await context.close();
  });
});
