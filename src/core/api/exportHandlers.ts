import { PassThrough } from 'node:stream';
import type { exportMethods } from '../../shared/contract/exports';
import { exportBundle } from '../export/exportBundle';
import { exportEvents } from '../export/exportEvents';
import { exportPdf } from '../export/exportPdf';
import type { Core } from '../index';
import type { Handlers } from './gateway';
import type { ShellActions } from './shellActions';

type ExportMethod = keyof typeof exportMethods;

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  bundle: 'application/x-ndjson',
} as const;
const EXTENSION = { csv: 'csv', xlsx: 'xlsx', pdf: 'pdf', bundle: 'jsonl' } as const;

/**
 * The office's export: the same streaming export as the CLI's, collected for the screen, which
 * hears how far it is (`exportProgress`, after every page of events) while it runs.
 */
export function createExportHandlers(core: Core, push?: ShellActions['push']): Pick<Handlers, ExportMethod> {
  return {
    async exportLog(request, { actor }) {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (chunk: Buffer) => chunks.push(chunk));
      const { format, language, ...filter } = request;
      const progress = (done: number, total: number) => {
        try {
          push?.('exportProgress', { done, total });
        } catch {
          // A screen that cannot be told (its window is closing) does not stop the export.
        }
      };
      const report =
        format === 'bundle'
          ? await exportBundle(core.services.context, { filter, actor: actor.staffId }, out)
          : format === 'pdf'
            ? await exportPdf(core.services.context, { language, filter, actor: actor.staffId }, out, progress)
            : await exportEvents(core.services.context, { format, language, filter, actor: actor.staffId }, out, progress);
      const day = core.services.context.now().toISOString().slice(0, 10);
      return {
        fileName: `logboek-${day}.${EXTENSION[format]}`,
        mime: MIME[format],
        base64: Buffer.concat(chunks).toString('base64'),
        rows: report.rows,
        checkpoint: report.checkpoint && { treeSize: report.checkpoint.treeSize, note: report.checkpoint.note },
      };
    },
  };
}
