import { parseArgs } from 'node:util';
import { rolloutConfigPath } from '../../core/paths';
import { rolloutChanges } from '../../core/rollout/apply';
import { readRolloutConfig } from '../../core/rollout/read';
import { output, type CliCommand } from '../command';

const USAGE = 'config check [--file FILE]';

/**
 * For the IT partner before a roll-out: is the machine-wide file valid, and what would a kiosk
 * set from it at its first start? Reads only the file, never a database.
 */
export const configCheck: CliCommand = {
  name: 'config check',
  summary: 'Check the roll-out file (config.json) and show what a kiosk sets from it at first start',
  usage: USAGE,
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { file: { type: 'string' } } });
    const read = readRolloutConfig(values.file ?? rolloutConfigPath());
    if (read.kind === 'missing') {
      // Without --file a missing file is a normal PC (set up on the kiosk itself); a named one must exist.
      output(ctx, { path: read.path, valid: false, missing: true }, () =>
        [`Geen uitrolbestand in ${read.path}; de kiosk start met zijn standaardinstellingen.`,
          `No roll-out file at ${read.path}; the kiosk starts with its defaults.`].join('\n'),
      );
      return values.file === undefined ? 0 : 1;
    }
    if (read.kind === 'invalid') {
      const error = read.error.toData();
      if (ctx.json) {
        ctx.io.stdout(`${JSON.stringify({ path: read.path, valid: false, error }, null, 2)}\n`);
      } else {
        const issues = read.issues.map((i) => `  ${i.field || read.path}: ${i.message.nl} / ${i.message.en}`);
        const indent = ' '.repeat(error.code.length + 2);
        ctx.io.stderr([`${error.code}: ${error.message.nl}`, `${indent}${error.message.en}`, ...issues, ''].join('\n'));
      }
      return 1;
    }
    const { kiosk, settings } = rolloutChanges(read.config);
    const sets: Record<string, unknown> = {
      ...(kiosk.name !== undefined ? { kioskName: kiosk.name } : {}),
      ...(kiosk.school !== undefined ? { school: kiosk.school } : {}),
      ...settings,
    };
    output(ctx, { path: read.path, valid: true, sets, central: read.config.central ? 'reserved' : null }, () => {
      const width = Math.max(0, ...Object.keys(sets).map((k) => k.length));
      return [
        `${read.path}: geldig / valid (version ${read.config.version}).`,
        'Bij de eerste start zet de kiosk / At first start the kiosk sets:',
        ...(Object.keys(sets).length === 0 ? ['  (niets / nothing)'] : Object.entries(sets).map(([k, v]) => `  ${k.padEnd(width)}  ${JSON.stringify(v)}`)),
        ...(read.config.central ? ['central: gereserveerd voor een latere versie, nu niet gebruikt / reserved for a later version, not used now'] : []),
      ].join('\n');
    });
    return 0;
  },
};
