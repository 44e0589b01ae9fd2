import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { backupDirFor } from '../../src/core/backup/backup';
import { DEMO_PINS } from '../../src/core/demo/seed';
import { backupJob } from '../../src/core/health/backupJob';
import { startDemoBridge, type TestBridge } from './support/demo';
import { launchChromium, openKiosk, screenshot } from './support/browser';
import { unlockAs } from './support/teacher';
import { confirmationOf, openDoor, stickerTags, wedgeScan } from './support/door';
import { isAppErrorOf } from '../../src/shared/errors';
import type { DemoSchool } from '../../src/core/demo/seed';

/** The daily backup fails out of sight, the disk fills up: staff must hear of it, pupils only need to ask. */
describe('what staff must hear about: a failed backup, a full disk', () => {
  let bridge: TestBridge;
  let demo: DemoSchool;
  let browser: Browser;
  beforeAll(async () => {
    ({ bridge, demo } = await startDemoBridge());
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

  it('a full disk: the door says "Vraag je juf of meester", the staff screens say what to do; with room again the same scan is stored', async () => {
    const db = bridge.core.db;
    // SQLite's limit on the file's pages: the disk is full at today's size.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const tags = stickerTags(demo);
    // Pupils hand in until the disk has no room left for the next one.
    let refused: (typeof tags)[number] | undefined;
    for (const tag of tags) {
      try {
        bridge.core.services.scan({ code: tag.code, mode: 'hand-in', actor: 'pupil' });
      } catch (error) {
        if (!isAppErrorOf(error, 'DISK_FULL')) throw error;
        refused = tag;
        break;
      }
    }
    expect(refused).toBeDefined();

    const { page, context } = await openDoor(browser, bridge);
    await wedgeScan(page, refused!.code);
    const problem = page.getByTestId('door-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('DISK_FULL');
    expect(await problem.textContent()).toContain('Vraag je juf of meester');
    await screenshot(page, 'door-disk-full');
    await page.goto(`${bridge.url}/index.html#/teacher`);
    const banner = page.getByRole('alert').filter({ hasText: 'De schijf van deze pc is vol' });
    await banner.waitFor();
    await expect.poll(() => banner.textContent()).toContain('Maak ruimte vrij of bel de ICT-partner');
    await screenshot(page, 'teacher-disk-full-banner');

    db.pragma('max_page_count = 1073741823');
    await page.goto(`${bridge.url}/index.html#/door`);
    await page.getByRole('heading', { level: 1, name: 'Scan je telefoon of horloge' }).waitFor();
    await wedgeScan(page, refused!.code);
    await confirmationOf(page, refused!.deviceId).waitFor();
    await page.goto(`${bridge.url}/index.html#/teacher`);
    await expect.poll(() => page.getByText('De schijf van deze pc is vol').count()).toBe(0);
    await context.close();
  });
});
