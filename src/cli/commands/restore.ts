import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../../core/backup/backup';
import { restoreNewestBackup } from '../../core/backup/recovery';
import { output, type CliCommand, type CliContext } from '../command';

/**
 * Puts a backup back in place of the database, only after the backup passes every check. The
 * kiosk app must be closed. The file it replaces is kept beside it, never deleted. `--newest`
 * takes this database's newest good backup from the backups folder, as the kiosk's recovery
 * screen does, also when the database is too damaged to say which kiosk it is.
 */
export const restore: CliCommand = {
  name: 'restore',
  summary: 'Restore a backup after verifying it; the replaced database is kept beside it',
  usage: 'restore FILE [--other-kiosk] | restore --newest',
  run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      options: { newest: { type: 'boolean' }, 'other-kiosk': { type: 'boolean' } },
      allowPositionals: true,
    });
    const [file] = positionals;
    if (values.newest ? positionals.length !== 0 : !file || positionals.length !== 1) {
      ctx.io.stderr('Give the backup file to restore, or --newest.\nUsage: npm run cli -- restore FILE | restore --newest\n');
      return 2;
    }
    if (values.newest) {
      const result = restoreNewestBackup(ctx.dbPath);
      report(ctx, result.restoredFrom, result);
      return 0;
    }
    const from = resolve(file as string);
    report(ctx, from, restoreBackup(from, ctx.dbPath, new Date(), { allowOtherKiosk: values['other-kiosk'] ?? false }));
    return 0;
  },
};

function report(ctx: CliContext, from: string, result: { replacedFile: string | null; lastSeq: number }): void {
  output(ctx, { restored: from, dbPath: ctx.dbPath, ...result }, () =>
    [
      `Back-up teruggezet / backup restored to ${ctx.dbPath} (${result.lastSeq} events, verified) from ${from}.`,
      result.replacedFile
        ? `De vorige database is bewaard / the replaced database is kept as ${result.replacedFile}`
        : 'There was no database to replace.',
    ].join('\n'),
  );
}
