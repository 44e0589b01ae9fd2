import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { DEFAULT_POUCH_COUNT, listBags, type Bag } from '../../core/services/bags';
import { output, type CliCommand, type CliContext } from '../command';
import { openCliCore, openReadOnly, readOnlyContext, withDb } from '../database';

/* A group's phone bag from the terminal (the office's "Telefoontas en vakken" screen does the same). */

const CREATE_USAGE = `pouches create --groep G [--count N (default ${DEFAULT_POUCH_COUNT})]`;
const ASSIGN_USAGE = 'pouches assign --groep G [--renumber]';

function usage(ctx: CliContext, text: string): number {
  ctx.io.stderr(`Usage: npm run cli -- ${text}\n`);
  return 2;
}

const describe = (bag: Bag) =>
  [
    `${bag.name} (groep ${bag.groep}), id ${bag.locationId}`,
    ...bag.pouches.map((p) => `  ${String(p.number).padStart(3)}  ${p.active ? (p.code ?? '-') : 'retired'}  ${p.pupil?.name ?? ''}`.trimEnd()),
    ...(bag.unassigned.length > 0 ? [`  without a pouch: ${bag.unassigned.map((p) => p.name).join(', ')}`] : []),
  ].join('\n');

export const pouchesCreate: CliCommand = {
  name: 'pouches create',
  summary: "Make a group's phone bag with N numbered pouches, each with a pouch tag",
  usage: CREATE_USAGE,
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { groep: { type: 'string' }, count: { type: 'string' } } });
    const count = values.count === undefined ? DEFAULT_POUCH_COUNT : Number(values.count);
    if (!values.groep || !Number.isInteger(count)) return usage(ctx, CREATE_USAGE);
    const core = openCliCore(ctx.dbPath);
    try {
      const bag = core.services.createBag({ groep: values.groep, pouchCount: count }, SYSTEM_ACTOR);
      output(ctx, bag, () => describe(bag));
      return 0;
    } finally {
      core.close();
    }
  },
};

export const pouchesAssign: CliCommand = {
  name: 'pouches assign',
  summary: "Give the group's pupils without a pouch the free pouches in name order (--renumber: everyone again from 1)",
  usage: ASSIGN_USAGE,
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { groep: { type: 'string' }, renumber: { type: 'boolean' } } });
    if (!values.groep) return usage(ctx, ASSIGN_USAGE);
    const core = openCliCore(ctx.dbPath);
    try {
      const found = core.services.listBags().find((b) => b.groep === values.groep);
      if (!found) {
        ctx.io.stderr(`Groep ${values.groep} has no phone bag yet: ${CREATE_USAGE}\n`);
        return 1;
      }
      const bag = core.services.autoAssignBag({ locationId: found.locationId, renumber: values.renumber === true }, SYSTEM_ACTOR);
      output(ctx, bag, () => describe(bag));
      return 0;
    } finally {
      core.close();
    }
  },
};

export const pouchesList: CliCommand = {
  name: 'pouches list',
  summary: "List each group's phone bag: pouch numbers, tag codes and pupils",
  usage: 'pouches list [--groep G]',
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { groep: { type: 'string' } } });
    return withDb(openReadOnly(ctx.dbPath), (db) => {
      const bags = listBags(readOnlyContext(db)).filter((b) => !values.groep || b.groep === values.groep);
      output(ctx, { bags }, () => bags.map(describe).join('\n\n') || '(no phone bags)');
      return 0;
    });
  },
};
