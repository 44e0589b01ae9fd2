import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { compareDutch } from '../../shared/pupilOrder';
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
  /** May be empty: EDEXML knows pupils by roepnaam alone. */
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
  if (!roepnaam) throw new AppError('INVALID_ARGUMENT', { field: 'name' });
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

export interface PupilChange {
  groep?: string;
  jaargroep?: number | null;
  active?: boolean;
  /** New names (a re-import after the administration corrected a spelling). */
  names?: { roepnaam: string; voorvoegsel: string; achternaam: string };
}

/**
 * Moves a pupil to another group or year, renames, or deactivates one who left (rows stay while
 * the ledger names them). Recorded as `pupil_changed` with the whole new state; the names go in
 * its erasable payload only when they changed, so a move does not copy a child's name again.
 */
export function changePupil(ctx: ServiceContext, pupilId: string, change: PupilChange, actor: Actor): Pupil {
  if (change.jaargroep != null && !(Number.isInteger(change.jaargroep) && change.jaargroep >= 1 && change.jaargroep <= 8)) {
    throw new AppError('INVALID_ARGUMENT', { field: 'jaargroep' });
  }
  const names = change.names && {
    roepnaam: change.names.roepnaam.trim(),
    voorvoegsel: change.names.voorvoegsel.trim(),
    achternaam: change.names.achternaam.trim(),
  };
  if (names && !names.roepnaam) throw new AppError('INVALID_ARGUMENT', { field: 'name' });
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const before = getPupil(ctx, pupilId);
    if (!before) throw new AppError('UNKNOWN_PUPIL');
    const renamed =
      names !== undefined &&
      (names.roepnaam !== before.roepnaam || names.voorvoegsel !== before.voorvoegsel || names.achternaam !== before.achternaam);
    const after: Pupil = {
      ...before,
      ...(renamed ? names : {}),
      groep: change.groep === undefined ? before.groep : change.groep.trim(),
      jaargroep: change.jaargroep === undefined ? before.jaargroep : change.jaargroep,
      active: change.active ?? before.active,
    };
    prepared(
      ctx.db,
      'UPDATE pupils SET roepnaam = ?, voorvoegsel = ?, achternaam = ?, groep = ?, jaargroep = ?, active = ? WHERE pupil_id = ?',
    ).run(after.roepnaam, after.voorvoegsel, after.achternaam, after.groep, after.jaargroep, after.active ? 1 : 0, pupilId);
    const externalKey = renamed ? externalKeyOf(ctx, pupilId) : null;
    appendEvent(ledgerWriter(ctx), pupilEvent('pupil_changed', after, renamed ? { ...namesOf(after), externalKey } : null, { actor }));
    return after;
  });
}

const externalKeyOf = (ctx: ServiceContext, pupilId: string): string | null =>
  prepared<{ external_key: string | null }>(ctx.db, 'SELECT external_key FROM pupils WHERE pupil_id = ?').get(pupilId)?.external_key ?? null;

/** A pupil with the administration's key, active or not: what an import is compared with. */
export interface KeyedPupil extends Pupil {
  externalKey: string;
}

/** Every pupil that came from the administration (has its key), in id order. */
export function listKeyedPupils(ctx: ServiceContext): KeyedPupil[] {
  return prepared<PupilRow & { external_key: string }>(
    ctx.db,
    `SELECT ${PUPIL_COLUMNS}, external_key FROM pupils WHERE external_key IS NOT NULL ORDER BY pupil_id`,
  )
    .all()
    .map((r) => ({ ...toPupil(r), externalKey: r.external_key }));
}

/** A digest of every pupil row, so a plan can tell that the pupils it was made from changed. */
export function pupilsDigest(ctx: ServiceContext): Buffer {
  const hash = createHash('sha256');
  for (const r of prepared<PupilRow & { external_key: string | null }>(
    ctx.db,
    `SELECT ${PUPIL_COLUMNS}, external_key FROM pupils ORDER BY pupil_id`,
  ).iterate()) {
    hash.update(JSON.stringify([r.pupil_id, r.external_key, r.roepnaam, r.voorvoegsel, r.achternaam, r.groep, r.jaargroep, r.active]));
    hash.update('\n');
  }
  return hash.digest();
}

export function getPupil(ctx: ServiceContext, pupilId: string): Pupil | undefined {
  const row = prepared<PupilRow>(ctx.db, `SELECT ${PUPIL_COLUMNS} FROM pupils WHERE pupil_id = ?`).get(pupilId);
  return row && toPupil(row);
}

/**
 * A pupil as the door's card needs them: the row, and whether another active pupil of the same
 * group goes by the same first name (two "Lucas" in 7A), in one statement on the scan path.
 */
export function getPupilForCard(ctx: ServiceContext, pupilId: string): (Pupil & { firstNameShared: boolean }) | undefined {
  const row = prepared<PupilRow & { shared: number }>(ctx.db, PUPIL_FOR_CARD).get(pupilId);
  return row && { ...toPupil(row), firstNameShared: row.shared === 1 };
}

const PUPIL_FOR_CARD = `SELECT ${PUPIL_COLUMNS},
    EXISTS (SELECT 1 FROM pupils o WHERE o.active = 1 AND o.groep = p.groep AND o.roepnaam = p.roepnaam COLLATE NOCASE
      AND o.pupil_id <> p.pupil_id) AS shared
  FROM pupils p WHERE p.pupil_id = ?`;

export function requirePupil(ctx: ServiceContext, pupilId: string): Pupil {
  const pupil = getPupil(ctx, pupilId);
  if (!pupil || !pupil.active) throw new AppError('UNKNOWN_PUPIL');
  return pupil;
}

/** Active pupils, optionally of one group, in class-list order (groep, then the Dutch name order). */
export function listPupils(ctx: ServiceContext, filter: { groep?: string } = {}): Pupil[] {
  const rows =
    filter.groep === undefined
      ? prepared<PupilRow>(ctx.db, `SELECT ${PUPIL_COLUMNS} FROM pupils WHERE active = 1`).all()
      : prepared<PupilRow>(ctx.db, `SELECT ${PUPIL_COLUMNS} FROM pupils WHERE active = 1 AND groep = ?`).all(filter.groep);
  return rows.map(toPupil).sort((a, b) => (a.groep < b.groep ? -1 : a.groep > b.groep ? 1 : compareDutch(a, b)));
}
