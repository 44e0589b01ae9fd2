import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { listStaff } from '../../core/services/staff';
import { output, type CliCommand } from '../command';
import { openCliCore, openReadOnly, readOnlyContext, withDb } from '../database';

const ADD_USAGE = 'staff add --name NAME --role teacher|office|admin --pin PIN';
const roles = ['teacher', 'office', 'admin'] as const;

/**
 * Registers a staff member from the terminal (until the office screens exist). Whoever can run
 * this can already read and write the database file, so it acts as 'system'; the ledger records
 * the registration like any other.
 */
export const staffAdd: CliCommand = {
  name: 'staff add',
  summary: 'Register a teacher, office worker or administrator with their PIN',
  usage: ADD_USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: { name: { type: 'string' }, role: { type: 'string' }, pin: { type: 'string' } },
    });
    const role = roles.find((r) => r === values.role);
    if (!values.name || !role || !values.pin) {
      ctx.io.stderr(`Usage: npm run cli -- ${ADD_USAGE}\n`);
      return 2;
    }
    const core = openCliCore(ctx.dbPath);
    try {
      const staff = core.services.createStaff({ displayName: values.name, role, pin: values.pin, actor: SYSTEM_ACTOR });
      output(ctx, staff, () => `Registered ${staff.displayName} (${staff.role}), id ${staff.staffId}`);
      return 0;
    } finally {
      core.close();
    }
  },
};

export const staffList: CliCommand = {
  name: 'staff list',
  summary: 'List the active staff (names, roles, ids; never PINs)',
  usage: 'staff list',
  run(ctx) {
    return withDb(openReadOnly(ctx.dbPath), (db) => {
      const staff = listStaff(readOnlyContext(db));
      output(ctx, { staff }, () => staff.map((s) => `${s.staffId}  ${s.role.padEnd(7)}  ${s.displayName}`).join('\n') || '(none)');
      return 0;
    });
  },
};
