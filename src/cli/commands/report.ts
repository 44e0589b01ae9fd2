import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { makeCustodyReport } from '../../core/report/makeReport';
import type { ReportScope } from '../../core/report/scope';
import { output, type CliCommand } from '../command';
import { openCliCore } from '../database';

const USAGE = 'report --device ID|--incident SEQ --out FILE.pdf [--lang nl|en]';

/**
 * The chain-of-custody report (PDF) of one device or one incident, for a parent, an insurer or
 * the board: made against a checkpoint the kiosk signs for it, and recorded as `export_made`.
 */
export const report: CliCommand = {
  name: 'report',
  summary: 'Chain-of-custody report (PDF) of one device or one incident, verified and signed',
  usage: USAGE,
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: { device: { type: 'string' }, incident: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' } },
    });
    const seq = values.incident === undefined ? null : Number(values.incident);
    const scope: ReportScope | null =
      values.device !== undefined && seq === null
        ? { kind: 'device', deviceId: values.device }
        : values.device === undefined && seq !== null && Number.isSafeInteger(seq) && seq > 0
          ? { kind: 'incident', seq }
          : null;
    if (!scope || !values.out?.endsWith('.pdf') || (values.lang !== undefined && values.lang !== 'nl' && values.lang !== 'en')) {
      ctx.io.stderr(`Usage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    const core = openCliCore(ctx.dbPath);
    try {
      const made = await makeCustodyReport(core.services.context, {
        scope,
        actor: SYSTEM_ACTOR,
        ...(values.lang === 'nl' || values.lang === 'en' ? { language: values.lang } : {}),
      });
      await writeFile(values.out, made.pdf);
      output(
        ctx,
        { file: values.out, pages: made.pageCount, events: made.events, verified: made.verified, checkpoint: made.checkpoint },
        () =>
          [
            `${made.events} gebeurtenissen / events, ${made.pageCount} pagina's / pages: ${values.out}`,
            made.verified ? 'Logboek in orde / ledger verified' : 'LOGBOEK NIET IN ORDE / LEDGER DOES NOT VERIFY',
            `Ondertekend controlepunt / signed checkpoint: ${made.checkpoint.treeSize} events`,
          ].join('\n'),
      );
      return made.verified ? 0 : 1;
    } finally {
      core.close();
    }
  },
};
