import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../../core/backup/backup';
import { restoreNewestBackup } from '../../core/backup/recovery';
import type { SyncResult } from '../../core/central/sync';
import { output, type CliCommand, type CliContext } from '../command';
import { centralForRestore } from '../../core/backup/restoreCentral';
import { rolloutConfigPath } from '../../core/paths';
import { syncKioskFile, syncLines } from './syncShared';

/**
 * Puts a backup back in place of the database, only after the backup passes every check. The
 * kiosk app must be closed. The file it replaces is kept beside it, never deleted. `--newest`
 * takes this database's newest good backup from the backups folder, as the kiosk's recovery
 * screen does, also when the database is too damaged to say which kiosk it is.
 *
 * A kiosk with a central database (`--url`, INLEVERPUNT_CENTRAL_URL, the address saved on the
 * settings screen, the roll-out file) syncs right after the restore, before anything appends: it
 * takes back from the central copy the events the backup lacks, and only then runs the retention
 * purge (which would otherwise take a seq the centre already holds). `--no-sync` leaves that to
 * the kiosk's first sync. Exit 1 when the sync found that the chain cannot be caught up.
 */
export const restore: CliCommand = {
  name: 'restore',
  summary: 'Restore a backup after verifying it, then take back from the central database what the backup lacks; the replaced database is kept beside it',
  usage: 'restore FILE [--other-kiosk] [--url URL | --no-sync] | restore --newest [--url URL | --no-sync]',
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      options: { newest: { type: 'boolean' }, 'other-kiosk': { type: 'boolean' }, url: { type: 'string' }, 'no-sync': { type: 'boolean' } },
      allowPositionals: true,
    });
    const [file] = positionals;
    if (values.newest ? positionals.length !== 0 : !file || positionals.length !== 1) {
      ctx.io.stderr('Give the backup file to restore, or --newest.\nUsage: npm run cli -- restore FILE | restore --newest\n');
      return 2;
    }
    const from = values.newest ? null : resolve(file as string);
    const url = values['no-sync'] ? undefined : centralOf(ctx.dbPath, from, values.url);
    const deferPurge = url !== undefined;
    const restored = values.newest
      ? restoreNewestBackup(ctx.dbPath, new Date(), { deferPurge })
      : { restoredFrom: from as string, ...restoreBackup(from as string, ctx.dbPath, new Date(), { allowOtherKiosk: values['other-kiosk'] ?? false, deferPurge }) };
    const synced = url === undefined ? null : await syncKioskFile(ctx.dbPath, url, { retries: 2 });
    report(ctx, restored.restoredFrom, restored, synced?.result ?? null);
    return synced && (synced.result.outcome === 'refused' || synced.result.outcome === 'diverged') ? 1 : 0;
  },
};

/**
 * The central database to catch up from, if this kiosk has one: the flag, else what the app would
 * use (the address saved in the database being replaced or else in the backup, the environment,
 * the roll-out file).
 */
function centralOf(dbPath: string, backup: string | null, flag: string | undefined): string | undefined {
  return flag ?? centralForRestore([dbPath, backup], process.env, rolloutConfigPath())?.url;
}

function report(ctx: CliContext, from: string, result: { replacedFile: string | null; lastSeq: number }, sync: SyncResult | null): void {
  output(ctx, { restored: from, dbPath: ctx.dbPath, ...result, sync }, () =>
    [
      `Back-up teruggezet / backup restored to ${ctx.dbPath} (${result.lastSeq} events, verified) from ${from}.`,
      result.replacedFile
        ? `De vorige database is bewaard / the replaced database is kept as ${result.replacedFile}`
        : 'There was no database to replace.',
      ...(sync ? syncLines(sync) : []),
    ].join('\n'),
  );
}
