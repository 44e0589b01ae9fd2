import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../../core/backup/backup';
import { output, type CliCommand } from '../command';

/**
 * Puts a backup back in place of the database, only after the backup passes every check. The
 * kiosk app must be closed. The file it replaces is kept beside it, never deleted.
 */
export const restore: CliCommand = {
  name: 'restore',
  summary: 'Restore a backup after verifying it; the replaced database is kept beside it',
  usage: 'restore FILE',
  run(ctx) {
    const { positionals } = parseArgs({ args: ctx.argv, options: {}, allowPositionals: true });
    const [file] = positionals;
    if (!file || positionals.length !== 1) {
      ctx.io.stderr('Give the backup file to restore.\nUsage: npm run cli -- restore FILE\n');
      return 2;
    }
    const result = restoreBackup(resolve(file), ctx.dbPath);
    output(ctx, { restored: resolve(file), dbPath: ctx.dbPath, ...result }, () =>
      [
        `Back-up teruggezet / backup restored to ${ctx.dbPath} (${result.lastSeq} events, verified).`,
        result.replacedFile
          ? `De vorige database is bewaard / the replaced database is kept as ${result.replacedFile}`
          : 'There was no database to replace.',
      ].join('\n'),
    );
    return 0;
  },
};
