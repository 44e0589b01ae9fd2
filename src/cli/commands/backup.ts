import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDirFor, makeBackup } from '../../core/backup/backup';
import { backupOwnerOf, scheduledBackup } from '../../core/backup/folder';
import { backupFileName } from '../../core/backup/naming';
import { output, type CliCommand } from '../command';
import { openReadOnly, withDb } from '../database';

/**
 * A verified online backup (the kiosk may keep running). Without --out it goes to the automatic
 * backups folder beside the database, named for this database and kiosk, and this database's
 * backups there are rotated as the daily backup does; other files in the folder are left alone.
 */
export const backup: CliCommand = {
  name: 'backup',
  summary: 'Make a verified backup (default: the backups folder beside the database, with rotation)',
  usage: 'backup [--out FILE]',
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { out: { type: 'string' } } });
    return withDb(openReadOnly(ctx.dbPath), async (db) => {
      const now = new Date();
      const dir = backupDirFor(ctx.dbPath);
      const path = values.out ? resolve(values.out) : join(dir, backupFileName(backupOwnerOf(db), now));
      const check = await makeBackup(db, path);
      // The rotation sees today's backup and only prunes; it never adds a second one.
      const deleted = values.out ? [] : (await scheduledBackup(db, dir, now)).deleted;
      output(ctx, { path, kioskId: check.kioskId, lastSeq: check.lastSeq, rotatedAway: deleted }, () =>
        [
          `Back-up gemaakt en gecontroleerd / backup written and verified: ${path}`,
          `${check.lastSeq} events in the ledger of kiosk ${check.kioskId ?? '?'}.`,
          ...(deleted.length ? [`Rotation removed (older backups of this database): ${deleted.join(', ')}`] : []),
        ].join('\n'),
      );
      return 0;
    });
  },
};
