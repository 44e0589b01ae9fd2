import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { pupilEvent } from '../registry/drafts';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { requireRole } from './staff';

/** The minimum the school needs to know about a pupil (AVG: nothing more). */
export interface PupilInput {
  roepnaam: string;
  voorvoegsel?: string;
  achternaam: string;
  jaargroep?: number | null;
  groep?: string;
  /** The administration system's key, so that a re-import updates instead of duplicating. */
  externalKey?: string | null;
}

export interface Pupil {
  pupilId: string;
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
  jaargroep: number | null;
  groep: string;
  active: boolean;
}

interface PupilRow {
  pupil_id: string;
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
  jaargroep: number | null;
  groep: string;
  active: number;
}

const PUPIL_COLUMNS = 'pupil_id, roepnaam, voorvoegsel, achternaam, jaargroep, groep, active';
const toPupil = (r: PupilRow): Pupil => ({
  pupilId: r.pupil_id,
  roepnaam: r.roepnaam,
  voorvoegsel: r.voorvoegsel,
  achternaam: r.achternaam,
  jaargroep: r.jaargroep,
  groep: r.groep,
  active: r.active === 1,
});

/**
 * Registers one pupil and records it (`pupil_registered`: id, group and year in the chain, the
 * names and the administration's key in the erasable payload).
 */
export function createPupil(ctx: ServiceContext, input: PupilInput, actor: Actor): Pupil {
  const roepnaam = input.roepnaam.trim();
  const achternaam = input.achternaam.trim();
  if (!roepnaam || !achternaam) throw new AppError('INVALID_ARGUMENT', { field: 'name' });
  if (input.jaargroep != null && !(Number.isInteger(input.jaargroep) && input.jaargroep >= 1 && input.jaargroep <= 8)) {
    throw new AppError('INVALID_ARGUMENT', { field: 'jaargroep' });
  }
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    if (input.externalKey && prepared(ctx.db, 'SELECT 1 FROM pupils WHERE external_key = ?').get(input.externalKey)) {
      throw new AppError('DUPLICATE_KEY', { field: 'externalKey' });
    }
    const pupilId = randomUUID();
    prepared(
      ctx.db,
      `INSERT INTO pupils (pupil_id, external_key, roepnaam, voorvoegsel, achternaam, jaargroep, groep, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      pupilId,
      input.externalKey ?? null,
      roepnaam,
      (input.voorvoegsel ?? '').trim(),
      achternaam,
      input.jaargroep ?? null,
      (input.groep ?? '').trim(),
      ctx.now().toISOString(),
    );
    const pupil = getPupil(ctx, pupilId) as Pupil;
    appendEvent(
      ledgerWriter(ctx),
      pupilEvent('pupil_registered', pupil, { ...namesOf(pupil), externalKey: input.externalKey ?? null }, { actor }),
    );
    return pupil;
  });
}

const namesOf = (p: Pupil) => ({ roepnaam: p.roepnaam, voorvoegsel: p.voorvoegsel, achternaam: p.achternaam });

/**
 * Moves a pupil to another group or year, or deactivates one who left (rows stay while the
 * ledger names them). Recorded as `pupil_changed` with the whole new state; names are not copied.
 */
export function changePupil(
  ctx: ServiceContext,
  pupilId: string,
  change: { groep?: string; jaargroep?: number | null; active?: boolean },
  actor: Actor,
): Pupil {
  if (change.jaargroep != null && !(Number.isInteger(change.jaargroep) && change.jaargroep >= 1 && change.jaargroep <= 8)) {
    throw new AppError('INVALID_ARGUMENT', { field: 'jaargroep' });
  }
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const before = getPupil(ctx, pupilId);
    if (!before) throw new AppError('UNKNOWN_PUPIL');
    const after = {
      ...before,
      groep: change.groep === undefined ? before.groep : change.groep.trim(),
      jaargroep: change.jaargroep === undefined ? before.jaargroep : change.jaargroep,
      active: change.active ?? before.active,
    };
    prepared(ctx.db, 'UPDATE pupils SET groep = ?, jaargroep = ?, active = ? WHERE pupil_id = ?').run(
      after.groep,
      after.jaargroep,
      after.active ? 1 : 0,
      pupilId,
    );
    appendEvent(ledgerWriter(ctx), pupilEvent('pupil_changed', after, null, { actor }));
    return after;
  });
}

export function getPupil(ctx: ServiceContext, pupilId: string): Pupil | undefined {
  const row = prepared<PupilRow>(ctx.db, `SELECT ${PUPIL_COLUMNS} FROM pupils WHERE pupil_id = ?`).get(pupilId);
  return row && toPupil(row);
}

export function requirePupil(ctx: ServiceContext, pupilId: string): Pupil {
  const pupil = getPupil(ctx, pupilId);
  if (!pupil || !pupil.active) throw new AppError('UNKNOWN_PUPIL');
  return pupil;
}

/** Active pupils, optionally of one group, in class-list order. */
export function listPupils(ctx: ServiceContext, filter: { groep?: string } = {}): Pupil[] {
  const rows =
    filter.groep === undefined
      ? prepared<PupilRow>(ctx.db, `SELECT ${PUPIL_COLUMNS} FROM pupils WHERE active = 1 ORDER BY groep, achternaam, roepnaam`).all()
      : prepared<PupilRow>(
          ctx.db,
          `SELECT ${PUPIL_COLUMNS} FROM pupils WHERE active = 1 AND groep = ? ORDER BY achternaam, roepnaam`,
        ).all(filter.groep);
  return rows.map(toPupil);
}
