import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EventType } from '../../shared/contract/eventTypes';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { exportEvents, type ExportFilter } from '../../core/export/exportEvents';
import { output, type CliCommand } from '../command';
import { openCliCore } from '../database';

const USAGE =
  'export --out FILE.csv|FILE.xlsx [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group G] [--pupil ID] [--device ID] [--type T[,T…]] [--kiosk ID] [--lang nl|en] [--comma] [--iso-dates]';

/**
 * The custody log for the office, as CSV (opens by double-click in a Dutch Excel) or XLSX, with
 * the checkpoint the kiosk signed for it written beside it (`FILE.checkpoint.txt`): whoever gets
 * the file can check every row against that signed root. Recorded as `export_made`.
 */
export const exportLog: CliCommand = {
  name: 'export',
  summary: 'Export the log as CSV or XLSX (filters: days, group, pupil, device, type, kiosk), with its signed checkpoint',
  usage: USAGE,
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        group: { type: 'string' },
        pupil: { type: 'string' },
        device: { type: 'string' },
        type: { type: 'string' },
        kiosk: { type: 'string' },
        lang: { type: 'string' },
        comma: { type: 'boolean' },
        'iso-dates': { type: 'boolean' },
      },
    });
    const format = values.out?.endsWith('.xlsx') ? 'xlsx' : values.out?.endsWith('.csv') ? 'csv' : null;
    const types = values.type?.split(',').map((t) => EventType.safeParse(t.trim()));
    if (!values.out || !format || (values.lang && !['nl', 'en'].includes(values.lang)) || types?.some((t) => !t.success)) {
      ctx.io.stderr(`Usage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    const filter: ExportFilter = {
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      ...(values.group ? { groep: values.group } : {}),
      ...(values.pupil ? { pupilId: values.pupil } : {}),
      ...(values.device ? { deviceId: values.device } : {}),
      ...(types ? { types: types.map((t) => t.data as EventType) } : {}),
      ...(values.kiosk ? { kioskId: values.kiosk } : {}),
    };
    const core = openCliCore(ctx.dbPath);
    try {
      const out = createWriteStream(values.out);
      const report = await exportEvents(
        core.services.context,
        {
          format,
          filter,
          language: values.lang === 'en' ? 'en' : 'nl',
          delimiter: values.comma ? ',' : ';',
          dates: values['iso-dates'] ? 'iso' : 'nl',
          actor: SYSTEM_ACTOR,
        },
        out,
      );
      const notePath = `${values.out}.checkpoint.txt`;
      if (report.checkpoint) await writeFile(notePath, report.checkpoint.note);
      output(ctx, { rows: report.rows, file: values.out, checkpoint: report.checkpoint && { treeSize: report.checkpoint.treeSize, file: notePath } }, () =>
        [
          `${report.rows} gebeurtenissen / events written to ${values.out}`,
          report.checkpoint ? `Ondertekend controlepunt / signed checkpoint (${report.checkpoint.treeSize} events): ${notePath}` : '',
        ].filter(Boolean).join('\n'),
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
