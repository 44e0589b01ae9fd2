import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { makeSubjectAccess } from '../../core/privacy/subjectAccess';
import { output, type CliCommand } from '../command';
import { openCliCore } from '../database';

/** A pupil's data on request (AVG art. 15) as a PDF or CSV file, recorded in the ledger. */
export const pupilData: CliCommand = {
  name: 'pupil-data',
  summary: "Everything the kiosk holds about one pupil (AVG art. 15), as a PDF or CSV; recorded in the ledger",
  usage: 'pupil-data --pupil ID --out FILE.pdf|FILE.csv',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { pupil: { type: 'string' }, out: { type: 'string' } } });
    const format = values.out ? extname(values.out).toLowerCase().slice(1) : '';
    if (!values.pupil || !values.out || (format !== 'pdf' && format !== 'csv')) {
      ctx.io.stderr(`Give --pupil ID and --out FILE.pdf or FILE.csv.\nUsage: npm run cli -- ${pupilData.usage}\n`);
      return 2;
    }
    const core = openCliCore(ctx.dbPath);
    try {
      const file = await makeSubjectAccess(core.services.context, { pupilId: values.pupil, format, actor: SYSTEM_ACTOR });
      const path = resolve(values.out);
      writeFileSync(path, file.bytes);
      output(ctx, { path, pupilId: values.pupil, events: file.events, recordSeq: file.recordSeq }, () =>
        `Inzage geschreven / subject access written: ${path} (${file.events} events); recorded as ledger event #${file.recordSeq}.`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
