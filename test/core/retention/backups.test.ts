import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackup, restoreBackup, backupDirFor } from '../../../src/core/backup/backup';
import { backupOwnerOf, ownBackups, scheduledBackup } from '../../../src/core/backup/folder';
import { backupFileName } from '../../../src/core/backup/naming';
import { openCore } from '../../../src/core';
import { readEvents } from '../../../src/core/ledger/readModel';
import { verifyAllChains } from '../../../src/core/ledger/verify';
import { classFixture, TEST_PIN_COST, type ClassFixture } from '../support/custodyFixture';
import { foundIn } from './support';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const START = Date.parse('2025-09-01T07:45:00.000Z');

describe('backups and retention', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
  });
  afterEach(() => f.close());

  it('a restored old backup comes back purged, before the kiosk opens it', async () => {
    const phone = f.phones[0]!.deviceId;
    f.s.handIn({ deviceId: phone, actor: 'pupil' });
    f.s.noteCondition({ deviceId: phone, actor: 'pupil', marks: ['other'], note: 'BACKUP-NOTE-barst' });
    const old = join(f.core.db.name, '..', 'elsewhere', 'old.db');
    await makeBackup(f.core.db, old);
    expect(foundIn(old, 'BACKUP-NOTE-barst')).toEqual(['file']);

    const later = new Date(START + 9 * WEEK);
    f.core.close();
    const restored = restoreBackup(old, f.dbPath, later);
    expect(restored.purgedEvents).toBe(1);
    expect(foundIn(f.dbPath, 'BACKUP-NOTE-barst')).toEqual([]);

    const core = openCore({ dbPath: f.dbPath, appVersion: 'test', now: () => later, pinCost: TEST_PIN_COST });
    try {
      expect(core.problem).toBeNull();
      expect(verifyAllChains(core.db).firstBad).toBeNull();
      const purge = readEvents(core.db, { types: ['retention_purge'] }).events;
      expect(purge).toHaveLength(1);
      expect(purge[0]!.occurredAt).toBe(later.toISOString());
      expect(restored.lastSeq).toBe(purge[0]!.seq);
    } finally {
      core.close();
    }
  });

  it('removes this database’s backups older than the routine period, whatever the rotation keeps', async () => {
    const dir = backupDirFor(f.dbPath);
    const owner = backupOwnerOf(f.core.db);
    for (let week = 11; week >= 1; week--) await makeBackup(f.core.db, join(dir, backupFileName(owner, new Date(START - week * WEEK))));
    const { deleted } = await scheduledBackup(f.core.db, dir, new Date(START), { daily: 30, weekly: 10 });
    const cutoff = START - 8 * WEEK;
    const kept = ownBackups(dir, owner).map((b) => b.takenAt.getTime());
    expect(kept.every((t) => t >= cutoff)).toBe(true);
    expect(kept).toHaveLength(9); // today's and weeks 1–8
    expect(deleted).toHaveLength(3);
  });
});
