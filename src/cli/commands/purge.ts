import { parseArgs } from 'node:util';
import { previewPurge, runPurge, type PurgeSummary } from '../../core/retention/purge';
import { output, type CliCommand } from '../command';
import { openCliCore, openReadOnly, readOnlyContext, withDb } from '../database';

/**
 * The retention purge the kiosk runs daily, by hand: `--dry-run` only counts what would go
 * (read-only); without it the payloads are erased, recorded as a `retention_purge` event, and
 * the file and its WAL are scrubbed. Counts only: a purge never prints a name.
 */
export const purge: CliCommand = {
  name: 'purge',
  summary: 'Erase personal data past the retention periods (--dry-run: only count what would go)',
  usage: 'purge [--dry-run]',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { 'dry-run': { type: 'boolean' } } });
    if (values['dry-run']) {
      const summary = await withDb(openReadOnly(ctx.dbPath), (db) => previewPurge(readOnlyContext(db)));
      output(ctx, summary, () => describe(summary));
      return 0;
    }
    const core = openCliCore(ctx.dbPath);
    try {
      const summary = runPurge(core.services.context);
      output(ctx, summary, () => describe(summary));
      return 0;
    } finally {
      core.close();
    }
  },
};

function describe(s: PurgeSummary): string {
  const verb = s.dryRun ? 'Zou wissen / would erase' : 'Gewist / erased';
  return [
    `${verb}: ${s.events} event(s) — routine ${s.routine} (before ${s.cutoffs.routineBefore}), closed cases ${s.closedCases} (closed before ${s.cutoffs.closedCaseBefore}), pupils who left ${s.leftPupils} (before ${s.cutoffs.leftPupilBefore}).`,
    `Kept: ${s.openCases} open case(s); ${s.leftPupilsHeldByOpenCase} pupil(s) who left but have an open case.`,
    ...(s.dryRun ? [] : [s.recordSeq === null ? 'Nothing was due; no event recorded.' : `Recorded as ledger event #${s.recordSeq}; WAL emptied: ${s.walEmptied ? 'yes' : 'no'}.`]),
  ].join('\n');
}
