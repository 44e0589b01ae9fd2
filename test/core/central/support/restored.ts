import { expect } from 'vitest';
import { join } from 'node:path';
import type pg from 'pg';
import { openCore, type Core } from '../../../../src/core';
import { makeBackup, restoreBackup } from '../../../../src/core/backup/backup';
import { syncKiosk, type SyncOptions } from '../../../../src/core/central/sync';
import { renameKiosk } from '../../../../src/core/kiosk/identity';
import { kioskNoteVerifier } from '../../../../src/core/kiosk/signer';
import { chainSince } from '../../../../src/core/ledger/importChain';
import { ledgerHead } from '../../../../src/core/ledger/rows';
import type { PgCluster } from '../../../support/postgres';
import { classFixture, TEST_PIN_COST, type ClassFixture } from '../../support/custodyFixture';
import { registerKioskDb } from './central';

export interface RestoredKiosk {
  /** The kiosk as it was before the restore (its core closed; its clock still the test's). */
  f: ClassFixture;
  /** The same database file, now holding the older backup. */
  core: Core;
  url: string;
  kioskId: string;
  /** Where the backup ended, and where the central copy ends. */
  backupSeq: number;
  centralSeq: number;
  close(): void;
}

/**
 * A kiosk that synced, was backed up, recorded a day's more (a condition note with text, the
 * returns, a signed checkpoint) and synced that too, and was then restored from the backup, with
 * the retention purge waiting for the first sync as the host does it: the central copy is ahead.
 */
export async function restoredKiosk(
  admin: pg.Client,
  cluster: PgCluster,
  database: string,
  options: { size?: number; afterBackup?: (f: ClassFixture) => void; school?: string; name?: string } = {},
): Promise<RestoredKiosk> {
  const size = options.size ?? 3;
  const f = classFixture({ size });
  if (options.school !== undefined || options.name !== undefined) renameKiosk(f.core.db, options.name ?? f.core.kiosk().name, options.school);
  for (let n = 1; n <= size; n++) f.s.scan({ code: `STK-${n}`, mode: 'hand-in', actor: 'pupil' });
  f.s.signCheckpoint('on_request');
  const url = await registerKioskDb(admin, cluster, database, f.core.db);
  const kioskId = f.core.kiosk().kioskId;
  expect((await syncKiosk(f.core.db, url)).outcome).toBe('ok');
  const backup = join(f.dbPath, '..', 'backups', 'morning.db');
  const { lastSeq: backupSeq } = await makeBackup(f.core.db, backup);

  f.clock.advance(60 * 60_000);
  f.s.noteCondition({ deviceId: (f.phones[0] as { deviceId: string }).deviceId, actor: f.teacher.staffId, marks: ['screen_cracked'], note: 'BARST-NA-BACKUP' });
  for (let n = 1; n <= size; n++) f.s.scan({ code: `STK-${n}`, mode: 'return', actor: 'pupil' });
  f.s.signCheckpoint('on_request');
  f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
  options.afterBackup?.(f);
  expect((await syncKiosk(f.core.db, url)).outcome).toBe('ok');
  const centralSeq = ledgerHead(f.core.db, kioskId).seq;

  f.core.close();
  f.clock.advance(60 * 60_000);
  restoreBackup(backup, f.dbPath, f.clock.now(), { deferPurge: true });
  const core = openCore({ dbPath: f.dbPath, appVersion: 'test', now: f.clock.now, pinCost: TEST_PIN_COST });
  return {
    f,
    core,
    url,
    kioskId,
    backupSeq,
    centralSeq,
    close() {
      if (core.db.open) core.close();
      f.close();
    },
  };
}

/** The sync as the running kiosk does it: it may take events back. */
export function syncWithTakeBack(core: Core, url: string, options: SyncOptions = {}): ReturnType<typeof syncKiosk> {
  return syncKiosk(core.db, url, { retries: 1, retryDelayMs: 10, takeBack: { now: core.services.context.now, verifier: kioskNoteVerifier(core.db) }, ...options });
}

export const chainOf = (core: Core): [number, string][] =>
  chainSince(core.db, core.kiosk().kioskId).map((r) => [r.event.seq, r.event.hash.toString('hex')]);
