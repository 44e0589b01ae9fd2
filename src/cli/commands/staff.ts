import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { listStaff, type StaffRole } from '../../core/services/staff';
import { output, type CliCommand } from '../command';
import { openCliCore, openReadOnly, readOnlyContext, withDb } from '../database';

const ADD_USAGE = 'staff add --name NAME --role teacher|office|admin --pin PIN';
const roles = ['teacher', 'office', 'admin'] as const;

/**
 * Registers a staff member from the terminal (the office's "Personeel" screen does the same). Whoever can run
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

/** `--id ID` plus what each command needs; a missing value prints the usage (exit 2). */
function staffCommand(
  name: string,
  summary: string,
  usage: string,
  extra: readonly ('pin' | 'role')[],
  act: (core: ReturnType<typeof openCliCore>, id: string, values: { pin?: string; role?: StaffRole }) => { text: string; value: object },
): CliCommand {
  return {
    name,
    summary,
    usage,
    run(ctx) {
      const { values } = parseArgs({
        args: ctx.argv,
        options: { id: { type: 'string' }, pin: { type: 'string' }, role: { type: 'string' } },
      });
      const role = roles.find((r) => r === values.role);
      const missing = !values.id || (extra.includes('pin') && !values.pin) || (extra.includes('role') && !role);
      if (missing || !values.id) {
        ctx.io.stderr(`Usage: npm run cli -- ${usage}\n`);
        return 2;
      }
      const core = openCliCore(ctx.dbPath);
      try {
        const done = act(core, values.id, { ...(values.pin ? { pin: values.pin } : {}), ...(role ? { role } : {}) });
        output(ctx, done.value, () => done.text);
        return 0;
      } finally {
        core.close();
      }
    },
  };
}

// Like `staff add`, these act as 'system': whoever runs them can already write the file. The
// core's rules still hold (the last active administrator stays), and each change is in the ledger.

export const staffDeactivate = staffCommand(
  'staff deactivate',
  'Deactivate a staff member who left: they can no longer unlock',
  'staff deactivate --id ID',
  [],
  (core, id) => {
    const account = core.services.changeStaff(id, { active: false }, SYSTEM_ACTOR);
    return { value: account, text: `Deactivated ${account.staffId} (${account.role})` };
  },
);

export const staffSetRole = staffCommand(
  'staff set-role',
  'Give a staff member another role',
  'staff set-role --id ID --role teacher|office|admin',
  ['role'],
  (core, id, { role }) => {
    const account = core.services.changeStaff(id, { role: role as StaffRole }, SYSTEM_ACTOR);
    return { value: account, text: `${account.staffId} is now ${account.role}` };
  },
);

export const staffResetPin = staffCommand(
  'staff reset-pin',
  'Set a new PIN for a staff member (also lifts a lock-out)',
  'staff reset-pin --id ID --pin PIN',
  ['pin'],
  (core, id, { pin }) => {
    const account = core.services.resetStaffPin(id, pin as string, SYSTEM_ACTOR);
    return { value: account, text: `New PIN set for ${account.staffId} (${account.role})` };
  },
);

export const staffClearLock = staffCommand(
  'staff clear-lock',
  'Lift the lock-out of a staff member after too many wrong PINs',
  'staff clear-lock --id ID',
  [],
  (core, id) => {
    const account = core.services.clearStaffLock(id, SYSTEM_ACTOR);
    return { value: account, text: `Lock lifted for ${account.staffId}` };
  },
);
