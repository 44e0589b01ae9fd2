import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { exemptionReasons, listExemptions, type Exemption, type ExemptionReason } from '../../core/services/exemptions';
import { listStaff } from '../../core/services/staff';
import { AppError } from '../../shared/errors';
import { output, type CliCommand, type CliContext } from '../command';
import { openCliCore, openReadOnly, readOnlyContext, withDb } from '../database';

/*
 * Exemptions from the terminal (the office's "Vrijstellingen" screen does the same). Like the
 * other registration commands they act as 'system'; the staff member who agreed is named.
 */

const ADD_USAGE = `exemptions add --pupil PUPIL_ID [--device DEVICE_ID] --reason ${exemptionReasons.join('|')} --from YYYY-MM-DD --until YYYY-MM-DD --agreed-by STAFF_ID_OR_NAME [--note TEXT]`;

function usage(ctx: CliContext, text: string): number {
  ctx.io.stderr(`Usage: npm run cli -- ${text}\n`);
  return 2;
}

/** The one line per exemption of `list`: ids, category and dates; the note only with --json. */
const line = (e: Exemption) =>
  [e.exemptionId, e.status.padEnd(8), e.reason.padEnd(9), `${e.validFrom}..${e.validUntil}`, e.groep, e.pupilName, e.device ? e.device.kind : 'any device'].join('  ');

export const exemptionsAdd: CliCommand = {
  name: 'exemptions add',
  summary: 'Record that a pupil may keep a device (or any of theirs) from one date until another',
  usage: ADD_USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        pupil: { type: 'string' },
        device: { type: 'string' },
        reason: { type: 'string' },
        from: { type: 'string' },
        until: { type: 'string' },
        'agreed-by': { type: 'string' },
        note: { type: 'string' },
      },
    });
    const reason = exemptionReasons.find((r): r is ExemptionReason => r === values.reason);
    const agreed = values['agreed-by'];
    if (!values.pupil || !reason || !values.from || !values.until || !agreed) return usage(ctx, ADD_USAGE);
    const core = openCliCore(ctx.dbPath);
    try {
      const staff = listStaff(core.services.context);
      const byName = staff.filter((s) => s.displayName.toLocaleLowerCase('nl') === agreed.toLocaleLowerCase('nl'));
      const agreedBy = staff.find((s) => s.staffId === agreed)?.staffId ?? (byName.length === 1 ? byName[0]!.staffId : null);
      if (!agreedBy) throw new AppError('UNKNOWN_STAFF');
      const exemption = core.services.grantExemption(
        {
          pupilId: values.pupil,
          deviceId: values.device ?? null,
          reason,
          validFrom: values.from,
          validUntil: values.until,
          agreedBy,
          note: values.note ?? null,
        },
        SYSTEM_ACTOR,
      );
      output(ctx, exemption, () => `Recorded exemption ${exemption.exemptionId} (${exemption.status}): ${line(exemption)}`);
      return 0;
    } finally {
      core.close();
    }
  },
};

export const exemptionsList: CliCommand = {
  name: 'exemptions list',
  summary: 'List the exemptions: active and upcoming first, then expired and ended',
  usage: 'exemptions list',
  run(ctx) {
    return withDb(openReadOnly(ctx.dbPath), (db) => {
      const exemptions = listExemptions(readOnlyContext(db));
      output(ctx, { exemptions }, () => exemptions.map(line).join('\n') || '(none)');
      return 0;
    });
  },
};

export const exemptionsEnd: CliCommand = {
  name: 'exemptions end',
  summary: 'End an exemption early: from now on the device is handed in',
  usage: 'exemptions end EXEMPTION_ID',
  run(ctx) {
    const { positionals } = parseArgs({ args: ctx.argv, allowPositionals: true, options: {} });
    const [id] = positionals;
    if (!id || positionals.length !== 1) return usage(ctx, 'exemptions end EXEMPTION_ID');
    const core = openCliCore(ctx.dbPath);
    try {
      const ended = core.services.endExemption(id, SYSTEM_ACTOR);
      output(ctx, ended, () => `Ended exemption ${ended.exemptionId}`);
      return 0;
    } finally {
      core.close();
    }
  },
};
