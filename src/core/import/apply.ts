import type { DeactivationScope, ImportReport } from '../../shared/contract/pupilImport';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { changePupil, createPupil } from '../services/pupils';
import { requireRole } from '../services/staff';
import { countsOf, planImport } from './plan';
import type { ImportRead } from './readImport';

/**
 * Writes a read file as the preview with `fingerprint` showed it, in one transaction: every
 * pupil's registration event, then one `pupils_imported` with the counts, the file's hash and its
 * format (no names, no keys). The plan is made again inside the transaction, so nothing can change
 * between the check and the writes. A file with problems, or a stale preview, writes nothing.
 */
export function applyImport(
  ctx: ServiceContext,
  read: ImportRead,
  fingerprint: string,
  actor: Actor,
  scope: DeactivationScope = 'school',
): ImportReport {
  if (read.problems.length > 0) throw new AppError('IMPORT_HAS_PROBLEMS', { count: read.problems.length });
  return withLargeCache(ctx, () => writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const plan = planImport(ctx, read, scope);
    if (plan.fingerprint !== fingerprint) throw new AppError('IMPORT_STALE');
    for (const p of plan.added) {
      createPupil(
        ctx,
        { roepnaam: p.roepnaam, voorvoegsel: p.voorvoegsel, achternaam: p.achternaam, groep: p.groep, jaargroep: p.jaargroep, externalKey: p.key },
        actor,
      );
    }
    for (const { pupil, to, fields } of plan.changed) {
      changePupil(
        ctx,
        pupil.pupilId,
        {
          groep: to.groep,
          jaargroep: to.jaargroep,
          active: true,
          ...(fields.includes('name') ? { names: { roepnaam: to.roepnaam, voorvoegsel: to.voorvoegsel, achternaam: to.achternaam } } : {}),
        },
        actor,
      );
    }
    for (const pupil of plan.deactivated) changePupil(ctx, pupil.pupilId, { active: false }, actor);
    const counts = countsOf(read, plan);
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'pupils_imported',
      actor,
      details: {
        format: read.format,
        version: read.version,
        fileSha256: read.fileSha256,
        scope,
        ...counts,
        // EDEXML's element names are the standard's; a class list's headers are the file's own
        // text (a list without a header row has a pupil's name there), so only their number.
        ...(read.format === 'edexml'
          ? { leftOut: read.leftOut.map((l) => ({ field: l.field, count: l.count })) }
          : { leftOutColumns: read.leftOut.length }),
      },
    });
    return { format: read.format, fileSha256: read.fileSha256, counts, leftOut: read.leftOut, seq: event.seq };
  }));
}

/**
 * A whole school in one transaction dirties more pages than SQLite's default 2 MB cache holds,
 * and spilling them to the WAL mid-transaction (again for the hot index pages) costs time: with
 * 64 MB a 10,000-pupil import was 10–25 % faster here. Raised for the import only.
 */
function withLargeCache<T>(ctx: ServiceContext, fn: () => T): T {
  const before = ctx.db.pragma('cache_size', { simple: true }) as number;
  ctx.db.pragma('cache_size = -65536');
  try {
    return fn();
  } finally {
    ctx.db.pragma(`cache_size = ${Math.trunc(before)}`);
  }
}
