import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { renameKiosk } from '../../core/kiosk/identity';
import { kioskMethods } from '../../shared/contract/kiosk';
import { AppError } from '../../shared/errors';
import { output, type CliCommand } from '../command';
import { appVersion } from '../database';

const USAGE = 'init [--kiosk-name NAME] [--school NAME]';

/**
 * Creates an empty kiosk database on purpose, so a new PC can be set up from the terminal before
 * the app has ever started. It only ever creates: an existing file, whatever it holds, is left
 * exactly as it is.
 */
export const init: CliCommand = {
  name: 'init',
  summary: 'Create an empty kiosk database (migrations, kiosk identity) where none exists yet',
  usage: USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: { 'kiosk-name': { type: 'string' }, school: { type: 'string' } },
    });
    // The same limits as renaming the kiosk in Settings, checked before any file is made.
    const { name: nameRule, school: schoolRule } = kioskMethods.renameKiosk.args.shape;
    const name = values['kiosk-name'] === undefined ? undefined : nameRule.safeParse(values['kiosk-name']);
    const school = values.school === undefined ? undefined : schoolRule.safeParse(values.school);
    if (name?.success === false || school?.success === false) {
      ctx.io.stderr(`The kiosk name needs 1 to 60 characters, the school at most 120.\nUsage: npm run cli -- ${USAGE}\n`);
      return 2;
    }

    const dbPath = resolve(ctx.dbPath);
    createEmptyFile(dbPath);
    const core = openCore({ dbPath, appVersion: appVersion() });
    try {
      // The first name is part of making the identity, like the default one: not a settings
      // change, so the ledger stays empty and `demo` still accepts this database.
      if (name || school) renameKiosk(core.db, name?.data ?? core.kiosk().name, school?.data);
      const { kioskId, name: kioskName, school: schoolName } = core.kiosk();
      const result = { dbPath, kioskId, name: kioskName, school: schoolName };
      output(ctx, result, () =>
        [
          `Created an empty kiosk database at ${dbPath}`,
          `Kiosk ${kioskName}${schoolName ? `, ${schoolName}` : ''}, id ${kioskId}`,
          // The app asks for a first administrator only while nobody is registered.
          'Next: start the app, which asks for the first administrator, or register one: staff add --role admin',
        ].join('\n'),
      );
      return 0;
    } finally {
      core.close();
    }
  },
};

/**
 * Claims the path with an exclusive create, so a database that appears at the same moment (the
 * app starting) is refused rather than opened. A `-wal` without its database is refused too: it
 * belongs to a database that was moved, and SQLite would replay it into the new file.
 */
function createEmptyFile(dbPath: string): void {
  if (existsSync(`${dbPath}-wal`)) throw new AppError('DB_EXISTS', { path: dbPath });
  mkdirSync(dirname(dbPath), { recursive: true });
  try {
    closeSync(openSync(dbPath, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('DB_EXISTS', { path: dbPath });
    throw error;
  }
}
