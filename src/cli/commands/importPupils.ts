import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyPupilImport, listMappings, previewPupilImport } from '../../core/import';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import type { ColumnMapping, ImportPreview } from '../../shared/contract/pupilImport';
import { AppError, isAppErrorOf } from '../../shared/errors';
import { importProblemTexts, unreadableText } from '../../shared/importTexts';
import { output, type CliCommand, type CliContext } from '../command';
import { openCliCore } from '../database';

const USAGE = 'import-pupils FILE [--mapping NAME] [--only-groups] [--dry-run]';

/**
 * The office's pupil import from a terminal: the same preview and apply as the office screen,
 * acting as 'system' like the other registration commands. `--dry-run` prints the preview and
 * writes nothing; without it a file with problems is refused as a whole. `--only-groups`: a class
 * list deactivates only missing pupils of the groups it lists, not the rest of the school.
 */
export const importPupils: CliCommand = {
  name: 'import-pupils',
  summary: 'Import pupils from EDEXML (ParnasSys, ESIS), CSV or Excel; --dry-run shows what would change',
  usage: USAGE,
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: { mapping: { type: 'string' }, 'only-groups': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    });
    const [path] = positionals;
    if (!path || positionals.length > 1) {
      ctx.io.stderr(`Usage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new AppError('FILE_NOT_FOUND', { path });
    }
    const core = openCliCore(ctx.dbPath);
    try {
      const services = core.services.context;
      let mapping: ColumnMapping | undefined;
      if (values.mapping !== undefined) {
        const saved = listMappings(services).find((m) => m.name === values.mapping);
        if (!saved) {
          const names = listMappings(services).map((m) => m.name);
          ctx.io.stderr(
            `Onbekende kolomindeling / unknown mapping: ${values.mapping}\n` +
              `Opgeslagen / saved: ${names.length > 0 ? names.join(', ') : '(geen / none)'}\n`,
          );
          return 1;
        }
        mapping = saved.mapping;
      }
      const upload = { fileName: path, bytes, mapping, scope: values['only-groups'] ? ('groups' as const) : ('school' as const) };
      let preview: ImportPreview;
      try {
        preview = await previewPupilImport(services, upload);
      } catch (error) {
        if (isAppErrorOf(error, 'IMPORT_UNREADABLE') && !ctx.json) return unreadable(ctx, error);
        throw error;
      }
      const dryRun = values['dry-run'] === true;
      if (dryRun || preview.problemCount > 0) {
        output(ctx, preview, () => [...describePreview(preview), dryRun ? 'Proefdraai: er is niets veranderd / dry run: nothing was changed' : 'Niets ingelezen / nothing imported: het bestand bevat fouten / the file has errors'].join('\n'));
        return preview.problemCount > 0 ? 1 : 0;
      }
      const report = await applyPupilImport(services, upload, preview.fingerprint, SYSTEM_ACTOR);
      output(ctx, report, () =>
        [...describePreview(preview), `Ingelezen / imported (seq ${report.seq})`].join('\n'),
      );
      return 0;
    } finally {
      core.close();
    }
  },
};

function describePreview(p: ImportPreview): string[] {
  const format = p.format === 'edexml' ? `EDEXML ${p.version ?? ''}`.trim() : p.format.toUpperCase();
  const lines = [
    `${format}: ${p.counts.read} leerlingen gelezen / pupils read (sha256 ${p.fileSha256})`,
    `  nieuw / added:                ${p.counts.added}`,
    `  gewijzigd / changed:          ${p.counts.changed}`,
    `  gedeactiveerd / deactivated:  ${p.counts.deactivated}`,
    `  ongewijzigd / unchanged:      ${p.counts.unchanged}`,
  ];
  if (p.mapping) {
    lines.push(`Kolommen / columns: ${Object.entries(p.mapping).map(([field, header]) => `${field}=${header}`).join(', ')}`);
  }
  if (p.leftOut.length > 0) {
    lines.push(`Niet bewaard / left out: ${p.leftOut.map((l) => `${l.field} (${l.count})`).join(', ')}`);
  }
  if (p.problemCount > 0) {
    lines.push(`${p.problemCount} fout(en) / problem(s):`);
    for (const problem of p.problems) {
      const text = importProblemTexts[problem.reason];
      lines.push(`  regel/line ${problem.line}${problem.field ? `, ${problem.field}` : ''}: ${text.nl} / ${text.en}`);
    }
    if (p.problemCount > p.problems.length) lines.push(`  … ${p.problemCount - p.problems.length} meer / more`);
  }
  return lines;
}

function unreadable(ctx: CliContext, error: AppError<'IMPORT_UNREADABLE'>): number {
  const data = error.toData();
  const details = error.details;
  const where = details?.line !== undefined ? `regel/line ${details.line}${details.column !== undefined ? `:${details.column}` : ''}: ` : '';
  const reason = unreadableText(details?.reason ?? '');
  ctx.io.stderr(`${data.code}: ${data.message.nl}\n  ${data.message.en}\n  ${where}${reason.nl} / ${reason.en}\n`);
  return 1;
}
