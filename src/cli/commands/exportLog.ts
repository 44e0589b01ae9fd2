import { readFileSync } from 'node:fs';
import { writeExportFile } from '../../core/export/exportFile';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EventType } from '../../shared/contract/eventTypes';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { exportBundle } from '../../core/export/exportBundle';
import { exportEvents, type ExportFilter } from '../../core/export/exportEvents';
import { exportPdf } from '../../core/export/exportPdf';
import { output, type CliCommand } from '../command';
import { openCliCore } from '../database';

const USAGE =
  'export --out FILE.csv|FILE.xlsx|FILE.pdf|FILE.jsonl [--format csv|xlsx|pdf|bundle] [--since OLD.checkpoint.txt] [--cosigned COSIGNED.checkpoint.txt] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--group G] [--pupil ID] [--device ID] [--type T[,T…]] [--kiosk ID] [--lang nl|en] [--comma] [--iso-dates]';

/**
 * The custody log for the office, as CSV (opens by double-click in a Dutch Excel), XLSX or a
 * printable PDF (landscape A4, "pagina N van M", the checkpoint at the end), with the checkpoint the kiosk signed for it written beside it (`FILE.checkpoint.txt`): whoever gets
 * the file can check every row against that signed root. `--format bundle` (or a .jsonl file)
 * writes the evidence bundle instead, which anyone can check with `verify-bundle` or
 * tools/verify-bundle.mjs; `--since` adds the proof that an earlier checkpoint still holds;
 * `--cosigned` makes it against a checkpoint the board's witness cosigned (`central cosigned`).
 * Recorded as `export_made`.
 */
export const exportLog: CliCommand = {
  name: 'export',
  summary: 'Export the log as CSV, XLSX, a printable PDF or an evidence bundle (filters: days, group, pupil, device, type, kiosk), with its signed checkpoint',
  usage: USAGE,
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        out: { type: 'string' },
        format: { type: 'string' },
        since: { type: 'string' },
        cosigned: { type: 'string' },
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
    const format = formatOf(values.format, values.out);
    const types = values.type?.split(',').map((t) => EventType.safeParse(t.trim()));
    if (!values.out || !format || (values.lang && !['nl', 'en'].includes(values.lang)) || types?.some((t) => !t.success)) {
      ctx.io.stderr(`Usage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    if ((values.since !== undefined || values.cosigned !== undefined) && format !== 'bundle') {
      ctx.io.stderr('--since en --cosigned horen bij --format bundle / --since and --cosigned go with --format bundle\n');
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
      // A failed export (a full disk, a closed stick) leaves no half file that looks like the log.
      const report = await writeExportFile(values.out, (out) =>
        format === 'bundle'
          ? exportBundle(
              core.services.context,
              {
                filter,
                actor: SYSTEM_ACTOR,
                ...(values.since === undefined ? {} : { since: readFileSync(values.since, 'utf8') }),
                ...(values.cosigned === undefined ? {} : { cosigned: readFileSync(values.cosigned, 'utf8') }),
              },
              out,
            )
          : format === 'pdf'
            ? exportPdf(core.services.context, { filter, language: values.lang === 'en' ? 'en' : 'nl', actor: SYSTEM_ACTOR }, out)
            : exportEvents(
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
            ),
      );
      const notePath = `${values.out}.checkpoint.txt`;
      if (report.checkpoint) await writeFile(notePath, report.checkpoint.note);
      output(ctx, { rows: report.rows, file: values.out, sha256: report.sha256, checkpoint: report.checkpoint && { treeSize: report.checkpoint.treeSize, file: notePath } }, () =>
        [
          `${report.rows} gebeurtenissen / events written to ${values.out} (SHA-256 ${report.sha256})`,
          report.checkpoint ? `Ondertekend controlepunt / signed checkpoint (${report.checkpoint.treeSize} events): ${notePath}` : '',
        ].filter(Boolean).join('\n'),
      );
      return 0;
    } finally {
      core.close();
    }
  },
};

/** `--format` if given, else the file's extension: .csv, .xlsx, .pdf, or .jsonl for a bundle. */
function formatOf(format: string | undefined, out: string | undefined): 'csv' | 'xlsx' | 'pdf' | 'bundle' | null {
  if (format !== undefined) return format === 'csv' || format === 'xlsx' || format === 'pdf' || format === 'bundle' ? format : null;
  if (out?.endsWith('.xlsx')) return 'xlsx';
  if (out?.endsWith('.csv')) return 'csv';
  if (out?.endsWith('.pdf')) return 'pdf';
  return out?.endsWith('.jsonl') ? 'bundle' : null;
}
