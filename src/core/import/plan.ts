import { createHash } from 'node:crypto';
import { importFields, type DeactivationScope, type ImportCounts, type PlannedChange, type PlannedPupil } from '../../shared/contract/pupilImport';
import { compareDutch, displayName } from '../../shared/pupilOrder';
import type { ServiceContext } from '../services/context';
import { listKeyedPupils, pupilsDigest, type KeyedPupil } from '../services/pupils';
import type { ImportedPupil } from './pupilRecord';
import type { ImportRead } from './readImport';

/** What an import will do, pupil by pupil: exactly what apply writes. */
export interface ImportPlan {
  added: ImportedPupil[];
  changed: { pupil: KeyedPupil; to: ImportedPupil; fields: PlannedChange['fields'] }[];
  /** Pupils with a key that the file no longer has: deactivated, never deleted. */
  deactivated: KeyedPupil[];
  unchanged: number;
  fingerprint: string;
}

/**
 * Compares a read file with the kiosk's pupils by the administration's key. A pupil added by hand
 * (no key) is never touched by an import; one who left and comes back is active again. With scope
 * `groups`, a missing pupil is deactivated only when their group is one the file lists.
 */
export function planImport(ctx: ServiceContext, read: ImportRead, scope: DeactivationScope = 'school'): ImportPlan {
  const current = listKeyedPupils(ctx);
  const byKey = new Map(current.map((p) => [p.externalKey, p]));
  const inFile = new Set<string>();
  const plan: ImportPlan = { added: [], changed: [], deactivated: [], unchanged: 0, fingerprint: '' };
  for (const to of read.pupils) {
    inFile.add(to.key);
    const pupil = byKey.get(to.key);
    if (!pupil) {
      plan.added.push(to);
      continue;
    }
    const fields: PlannedChange['fields'] = [];
    if (pupil.roepnaam !== to.roepnaam || pupil.voorvoegsel !== to.voorvoegsel || pupil.achternaam !== to.achternaam) fields.push('name');
    if (pupil.groep !== to.groep) fields.push('groep');
    if (pupil.jaargroep !== to.jaargroep) fields.push('jaargroep');
    if (!pupil.active) fields.push('active');
    if (fields.length > 0) plan.changed.push({ pupil, to, fields });
    else plan.unchanged++;
  }
  const groups = new Set(read.pupils.map((p) => p.groep));
  for (const pupil of current) {
    if (!pupil.active || inFile.has(pupil.externalKey)) continue;
    if (scope === 'groups' && !groups.has(pupil.groep)) continue;
    plan.deactivated.push(pupil);
  }
  plan.added.sort(compareDutch);
  plan.changed.sort((a, b) => compareDutch(a.to, b.to));
  plan.deactivated.sort(compareDutch);
  plan.fingerprint = fingerprintOf(ctx, read, scope);
  return plan;
}

/**
 * The plan is a function of the file, the mapping, the scope and the pupils; its fingerprint
 * covers all of them, so apply can tell that what it is about to write is what the preview showed.
 */
function fingerprintOf(ctx: ServiceContext, read: ImportRead, scope: DeactivationScope): string {
  return createHash('sha256')
    .update(read.fileSha256)
    .update(scope)
    // In the fields' order, so the same choice of columns gives the same fingerprint however sent.
    .update(JSON.stringify(read.mapping ? importFields.map((f) => read.mapping?.[f] ?? null) : null))
    .update(pupilsDigest(ctx))
    .digest('hex');
}

export function countsOf(read: ImportRead, plan: ImportPlan): ImportCounts {
  return {
    read: read.pupils.length,
    added: plan.added.length,
    changed: plan.changed.length,
    deactivated: plan.deactivated.length,
    unchanged: plan.unchanged,
  };
}

const planned = (p: { key: string; roepnaam: string; voorvoegsel: string; achternaam: string; groep: string; jaargroep: number | null }): PlannedPupil => ({
  key: p.key,
  displayName: displayName(p),
  groep: p.groep,
  jaargroep: p.jaargroep,
});

/** The plan as the preview shows it. */
export function describePlan(plan: ImportPlan): { added: PlannedPupil[]; changed: PlannedChange[]; deactivated: PlannedChange[] } {
  const before = (p: KeyedPupil) => ({ displayName: displayName(p), groep: p.groep, jaargroep: p.jaargroep });
  return {
    added: plan.added.map(planned),
    changed: plan.changed.map(({ pupil, to, fields }) => ({ ...planned(to), pupilId: pupil.pupilId, fields, before: before(pupil) })),
    deactivated: plan.deactivated.map((p) => ({
      ...planned({ ...p, key: p.externalKey }),
      pupilId: p.pupilId,
      fields: ['active' as const],
      before: before(p),
    })),
  };
}
