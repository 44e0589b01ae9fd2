import { parseArgs } from 'node:util';
import { erasePupilOnRequest } from '../../core/retention/eraseOnRequest';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { output, type CliCommand } from '../command';
import { openCliCore } from '../database';

/** Erasure on request (AVG art. 17) of one pupil's data; refused while a case about them is open. */
export const erase: CliCommand = {
  name: 'erase',
  summary: "Erase one pupil's personal data on request (AVG art. 17); refused while a case is open",
  usage: 'erase --pupil ID --reason TEXT   (the reason is kept in the ledger for good: no names)',
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { pupil: { type: 'string' }, reason: { type: 'string' } } });
    if (!values.pupil || !values.reason) {
      ctx.io.stderr(`Give --pupil ID and --reason TEXT.\nUsage: npm run cli -- ${erase.usage}\n`);
      return 2;
    }
    const core = openCliCore(ctx.dbPath);
    try {
      const result = erasePupilOnRequest(core.services.context, { pupilId: values.pupil, reason: values.reason, actor: SYSTEM_ACTOR });
      output(ctx, { pupilId: values.pupil, ...result }, () =>
        `Gewist / erased: ${result.erased} event payload(s) of pupil ${values.pupil ?? ''}; recorded as ledger event #${result.recordSeq ?? '-'}.`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
