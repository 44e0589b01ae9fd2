import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { locationEvent, pouchEvent } from '../registry/drafts';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { requirePupil } from './pupils';
import { requireRole } from './staff';

export const locationKinds = ['phone_bag', 'locker', 'office_safe', 'school_leader', 'other'] as const;
export type LocationKind = (typeof locationKinds)[number];

export interface Location {
  locationId: string;
  kind: LocationKind;
  name: string;
}

/** A numbered pouch of a phone bag or a locker slot, and the pupil it is given to. */
export interface Pouch {
  pouchId: string;
  locationId: string;
  locationName: string;
  number: number;
  pupilId: string | null;
}

/** The setting that says where a hand-in goes when the pupil has no pouch of their own. */
export const DEFAULT_LOCATION_SETTING = 'custody.defaultLocationId';

export function createLocation(ctx: ServiceContext, input: { kind: LocationKind; name: string }, actor: Actor): Location {
  const name = input.name.trim();
  if (!name || !locationKinds.includes(input.kind)) throw new AppError('INVALID_ARGUMENT', { field: 'location' });
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const locationId = randomUUID();
    prepared(ctx.db, 'INSERT INTO locations (location_id, kind, name, created_at) VALUES (?, ?, ?, ?)').run(
      locationId,
      input.kind,
      name,
      ctx.now().toISOString(),
    );
    appendEvent(ledgerWriter(ctx), locationEvent({ locationId, kind: input.kind, active: true }, name, { actor }));
    return { locationId, kind: input.kind, name };
  });
}

export function requireLocation(ctx: ServiceContext, locationId: string): Location {
  const row = prepared<{ location_id: string; kind: LocationKind; name: string; active: number }>(
    ctx.db,
    'SELECT location_id, kind, name, active FROM locations WHERE location_id = ?',
  ).get(locationId);
  if (!row || row.active !== 1) throw new AppError('UNKNOWN_LOCATION');
  return { locationId: row.location_id, kind: row.kind, name: row.name };
}

export function listLocations(ctx: ServiceContext): Location[] {
  return prepared<{ location_id: string; kind: LocationKind; name: string }>(
    ctx.db,
    'SELECT location_id, kind, name FROM locations WHERE active = 1 ORDER BY kind, name',
  )
    .all()
    .map((r) => ({ locationId: r.location_id, kind: r.kind, name: r.name }));
}

/** Adds pouch `number` to a phone bag or locker, optionally given to a pupil straight away. */
export function createPouch(
  ctx: ServiceContext,
  input: { locationId: string; number: number; pupilId?: string | null },
  actor: Actor,
): Pouch {
  if (!Number.isInteger(input.number) || input.number < 1) throw new AppError('INVALID_ARGUMENT', { field: 'number' });
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    requireLocation(ctx, input.locationId);
    if (input.pupilId) requirePupil(ctx, input.pupilId);
    if (prepared(ctx.db, 'SELECT 1 FROM pouches WHERE location_id = ? AND number = ?').get(input.locationId, input.number)) {
      throw new AppError('DUPLICATE_KEY', { field: 'number' });
    }
    const pouchId = randomUUID();
    prepared(ctx.db, 'INSERT INTO pouches (pouch_id, location_id, number, pupil_id) VALUES (?, ?, ?, ?)').run(
      pouchId,
      input.locationId,
      input.number,
      input.pupilId ?? null,
    );
    const pouch = getPouch(ctx, pouchId) as Pouch;
    appendEvent(ledgerWriter(ctx), pouchEvent(pouch, { actor }));
    return pouch;
  });
}

/**
 * Gives pouch `number` of a bag or locker to a pupil for the year, creating it if the bag has no
 * such pouch yet. A pouch already given to another pupil is not silently taken away
 * (POUCH_TAKEN): the office frees it first with `pupilId: null`.
 */
export function assignPouch(
  ctx: ServiceContext,
  input: { locationId: string; number: number; pupilId: string | null },
  actor: Actor,
): Pouch {
  if (!Number.isInteger(input.number) || input.number < 1) throw new AppError('INVALID_ARGUMENT', { field: 'number' });
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    requireLocation(ctx, input.locationId);
    const existing = prepared<{ pouch_id: string; pupil_id: string | null; active: number }>(
      ctx.db,
      'SELECT pouch_id, pupil_id, active FROM pouches WHERE location_id = ? AND number = ?',
    ).get(input.locationId, input.number);
    if (!existing) {
      if (input.pupilId === null) throw new AppError('INVALID_ARGUMENT', { field: 'number' });
      return createPouch(ctx, { locationId: input.locationId, number: input.number, pupilId: input.pupilId }, actor);
    }
    if (input.pupilId && existing.active !== 1) throw new AppError('POUCH_RETIRED');
    if (input.pupilId) requirePupil(ctx, input.pupilId);
    if (input.pupilId && existing.pupil_id && existing.pupil_id !== input.pupilId) throw new AppError('POUCH_TAKEN');
    if (existing.pupil_id === input.pupilId) return getPouch(ctx, existing.pouch_id) as Pouch;
    prepared(ctx.db, 'UPDATE pouches SET pupil_id = ? WHERE pouch_id = ?').run(input.pupilId, existing.pouch_id);
    const pouch = getPouch(ctx, existing.pouch_id) as Pouch;
    appendEvent(ledgerWriter(ctx), pouchEvent(pouch, { actor }));
    return pouch;
  });
}

interface PouchRow {
  pouch_id: string;
  location_id: string;
  location_name: string;
  number: number;
  pupil_id: string | null;
}
/**
 * One table and correlated subqueries, no JOIN: these run on every scan, and in the SQLite that
 * better-sqlite3 13 bundles a two-table join costs about 40 µs a run against 5 µs for this form
 * (measured on the bench database), a large share of a scan's whole budget.
 */
const POUCH_SELECT = `SELECT p.pouch_id, p.location_id, p.number, p.pupil_id,
    (SELECT l.name FROM locations l WHERE l.location_id = p.location_id) AS location_name
  FROM pouches p`;
// Built once, so the scan path does not hash a new statement text per call (see `prepared`).
const POUCH_BY_ID = `${POUCH_SELECT} WHERE p.pouch_id = ?`;
const POUCHES_OF_PUPIL = `SELECT p.*,
    (SELECT l.active FROM locations l WHERE l.location_id = p.location_id) AS location_active,
    (SELECT l.created_at FROM locations l WHERE l.location_id = p.location_id) AS location_created_at
  FROM (${POUCH_SELECT} WHERE p.pupil_id = ?) p`;
const toPouch = (r: PouchRow): Pouch => ({
  pouchId: r.pouch_id,
  locationId: r.location_id,
  locationName: r.location_name,
  number: r.number,
  pupilId: r.pupil_id,
});

export function getPouch(ctx: ServiceContext, pouchId: string): Pouch | undefined {
  const row = prepared<PouchRow>(ctx.db, POUCH_BY_ID).get(pouchId);
  return row && toPouch(row);
}

/**
 * The pupil's pouch in an active bag or locker (the first, if the office gave more than one).
 * A pupil has one pouch or a few, so they are ordered here rather than by an SQL sort (see above).
 */
export function pouchOfPupil(ctx: ServiceContext, pupilId: string): Pouch | undefined {
  const rows = prepared<PouchRow & { location_active: number; location_created_at: string }>(ctx.db, POUCHES_OF_PUPIL).all(
    pupilId,
  );
  let first: (typeof rows)[number] | undefined;
  for (const row of rows) {
    if (row.location_active !== 1) continue;
    if (
      !first ||
      row.location_created_at < first.location_created_at ||
      (row.location_created_at === first.location_created_at && row.number < first.number)
    ) {
      first = row;
    }
  }
  return first && toPouch(first);
}

export function defaultLocationId(ctx: ServiceContext): string | null {
  const row = prepared<{ value: string }>(ctx.db, 'SELECT value FROM settings WHERE key = ?').get(DEFAULT_LOCATION_SETTING);
  return row?.value ?? null;
}

/** Where hand-ins go when the pupil has no pouch: a kiosk setting, recorded as a settings change. */
export function setDefaultLocation(ctx: ServiceContext, locationId: string | null, actor: Actor): void {
  writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    if (locationId === null) {
      prepared(ctx.db, 'DELETE FROM settings WHERE key = ?').run(DEFAULT_LOCATION_SETTING);
    } else {
      requireLocation(ctx, locationId);
      prepared(
        ctx.db,
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(DEFAULT_LOCATION_SETTING, locationId);
    }
    appendEvent(ledgerWriter(ctx), {
      type: 'settings_changed',
      actor,
      locationId,
      details: { key: DEFAULT_LOCATION_SETTING },
    });
  });
}
