import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { displayName } from '../../shared/pupilOrder';
import { newOwnCode } from '../../shared/scan/codes';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { locationEvent, pouchEvent } from '../registry/drafts';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { listPupils, requirePupil, type Pupil } from './pupils';
import { requireRole } from './staff';
import { assignTag, revokeTag } from './tags';

/** A class phone bag has about thirty pouches; the office may add more later. */
export const DEFAULT_POUCH_COUNT = 30;
export const MAX_POUCHES_AT_ONCE = 60;

export interface BagPouch {
  pouchId: string;
  number: number;
  active: boolean;
  /** The printed pouch tag's code, if it has one. */
  code: string | null;
  pupil: { pupilId: string; name: string } | null;
}

export interface Bag {
  locationId: string;
  groep: string;
  name: string;
  pouches: BagPouch[];
  /** The group's active pupils without a pouch in this bag, in class-list order. */
  unassigned: { pupilId: string; name: string }[];
}

interface PouchRow {
  pouch_id: string;
  number: number;
  pupil_id: string | null;
  active: number;
}

const pouchRows = (ctx: ServiceContext, locationId: string): PouchRow[] =>
  prepared<PouchRow>(ctx.db, 'SELECT pouch_id, number, pupil_id, active FROM pouches WHERE location_id = ? ORDER BY number').all(
    locationId,
  );

function requireBag(ctx: ServiceContext, locationId: string): { locationId: string; groep: string; name: string } {
  const row = prepared<{ location_id: string; groep: string | null; name: string }>(
    ctx.db,
    "SELECT location_id, groep, name FROM locations WHERE location_id = ? AND kind = 'phone_bag' AND active = 1",
  ).get(locationId);
  if (!row || row.groep === null) throw new AppError('UNKNOWN_LOCATION');
  return { locationId: row.location_id, groep: row.groep, name: row.name };
}

/** Writes a pouch's whole state after a change, in the table and in the ledger. */
function writePouch(ctx: ServiceContext, locationId: string, row: PouchRow, actor: Actor): void {
  prepared(ctx.db, 'UPDATE pouches SET pupil_id = ?, active = ? WHERE pouch_id = ?').run(row.pupil_id, row.active, row.pouch_id);
  appendEvent(
    ledgerWriter(ctx),
    pouchEvent({ pouchId: row.pouch_id, locationId, number: row.number, pupilId: row.pupil_id, active: row.active === 1 }, { actor }),
  );
}

/** A new pouch with its own printable tag, so its label can go on the bag at once. */
function addPouch(ctx: ServiceContext, locationId: string, number: number, actor: Actor): void {
  const pouchId = randomUUID();
  prepared(ctx.db, 'INSERT INTO pouches (pouch_id, location_id, number, pupil_id) VALUES (?, ?, ?, NULL)').run(pouchId, locationId, number);
  appendEvent(ledgerWriter(ctx), pouchEvent({ pouchId, locationId, number, pupilId: null, active: true }, { actor }));
  tagPouch(ctx, pouchId, actor);
}

function tagPouch(ctx: ServiceContext, pouchId: string, actor: Actor): void {
  const known = prepared(ctx.db, 'SELECT 1 FROM tags WHERE canonical = ?');
  let code = newOwnCode();
  while (known.get(code)) code = newOwnCode();
  assignTag(ctx, { kind: 'pouch', raw: code, canonical: code, pouchId }, actor);
}

/**
 * A bag registered before bags had a group (by `location add`, or an older version) whose pouches
 * are given to this group's pupils only: the group's bag already hangs on the wall.
 */
function unclaimedBagOf(ctx: ServiceContext, groep: string): { location_id: string; name: string } | undefined {
  const candidates = prepared<{ location_id: string; name: string; groups: string | null }>(
    ctx.db,
    `SELECT l.location_id, l.name,
        (SELECT group_concat(DISTINCT pu.groep) FROM pouches po JOIN pupils pu ON pu.pupil_id = po.pupil_id
          WHERE po.location_id = l.location_id AND pu.active = 1) AS groups
     FROM locations l WHERE l.kind = 'phone_bag' AND l.active = 1 AND l.groep IS NULL`,
  ).all();
  const matching = candidates.filter((c) => c.groups === groep);
  return matching.length === 1 ? matching[0] : undefined;
}

/**
 * Claims an older bag for its group: the bag gets the group (a new registration event), pouches up
 * to `count` are added after its highest number, and pouches without a tag get one. Nobody moves.
 */
function claimBag(ctx: ServiceContext, bag: { location_id: string; name: string }, groep: string, count: number, actor: Actor): void {
  prepared(ctx.db, 'UPDATE locations SET groep = ? WHERE location_id = ?').run(groep, bag.location_id);
  appendEvent(ledgerWriter(ctx), locationEvent({ locationId: bag.location_id, kind: 'phone_bag', active: true, groep }, bag.name, { actor }));
  const rows = pouchRows(ctx, bag.location_id);
  const tagged = new Set(
    prepared<{ pouch_id: string }>(ctx.db, "SELECT t.pouch_id FROM tags t JOIN pouches p ON p.pouch_id = t.pouch_id WHERE p.location_id = ? AND t.status = 'active'")
      .all(bag.location_id)
      .map((r) => r.pouch_id),
  );
  for (const r of rows) if (r.active === 1 && !tagged.has(r.pouch_id)) tagPouch(ctx, r.pouch_id, actor);
  const highest = rows.reduce((max, p) => Math.max(max, p.number), 0);
  for (let n = highest + 1; n <= count; n++) addPouch(ctx, bag.location_id, n, actor);
}

/**
 * A group's phone bag with pouches 1…count, each with a pouch tag; one bag per group. An older
 * bag without a group, used by this group's pupils only, is claimed instead of making a second.
 */
export function createBag(
  ctx: ServiceContext,
  input: { groep: string; pouchCount?: number },
  actor: Actor,
): Bag {
  const groep = input.groep.trim();
  const count = input.pouchCount ?? DEFAULT_POUCH_COUNT;
  if (!groep) throw new AppError('INVALID_ARGUMENT', { field: 'groep' });
  if (!Number.isInteger(count) || count < 1 || count > MAX_POUCHES_AT_ONCE) throw new AppError('INVALID_ARGUMENT', { field: 'pouchCount' });
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    if (prepared(ctx.db, "SELECT 1 FROM locations WHERE kind = 'phone_bag' AND active = 1 AND groep = ?").get(groep)) {
      throw new AppError('BAG_EXISTS');
    }
    const older = unclaimedBagOf(ctx, groep);
    if (older) {
      claimBag(ctx, older, groep, count, actor);
      return getBag(ctx, older.location_id);
    }
    const locationId = randomUUID();
    const name = `Telefoontas ${groep}`;
    prepared(ctx.db, "INSERT INTO locations (location_id, kind, name, groep, created_at) VALUES (?, 'phone_bag', ?, ?, ?)").run(
      locationId,
      name,
      groep,
      ctx.now().toISOString(),
    );
    appendEvent(ledgerWriter(ctx), locationEvent({ locationId, kind: 'phone_bag', active: true, groep }, name, { actor }));
    for (let n = 1; n <= count; n++) addPouch(ctx, locationId, n, actor);
    return getBag(ctx, locationId);
  });
}

/** More pouches after the highest number ever used: a retired number is never given again. */
export function addPouches(ctx: ServiceContext, input: { locationId: string; count: number }, actor: Actor): Bag {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_POUCHES_AT_ONCE) {
    throw new AppError('INVALID_ARGUMENT', { field: 'count' });
  }
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    requireBag(ctx, input.locationId);
    const highest = pouchRows(ctx, input.locationId).reduce((max, p) => Math.max(max, p.number), 0);
    for (let n = highest + 1; n <= highest + input.count; n++) addPouch(ctx, input.locationId, n, actor);
    return getBag(ctx, input.locationId);
  });
}

/**
 * Gives pouches to the group's pupils in class-list order (Dutch name order), lowest free number
 * first. By default only pupils without a pouch in this bag get one and nobody is moved; with
 * `renumber` the whole group is laid out again from pouch 1, for a new school year. Only the
 * pouches whose pupil changes are written. Pupils left over when pouches run out stay unassigned.
 */
export function autoAssignBag(ctx: ServiceContext, input: { locationId: string; renumber?: boolean }, actor: Actor): Bag {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const bag = requireBag(ctx, input.locationId);
    const pupils = listPupils(ctx, { groep: bag.groep });
    const rows = pouchRows(ctx, bag.locationId);
    const active = rows.filter((r) => r.active === 1);
    const target = new Map<string, string | null>(rows.map((r) => [r.pouch_id, r.pupil_id]));
    if (input.renumber) {
      for (const r of active) target.set(r.pouch_id, null);
      pupils.forEach((p, i) => {
        const pouch = active[i];
        if (pouch) target.set(pouch.pouch_id, p.pupilId);
      });
    } else {
      const placed = new Set(rows.map((r) => r.pupil_id).filter((id): id is string => id !== null));
      const free = active.filter((r) => r.pupil_id === null);
      pupils
        .filter((p) => !placed.has(p.pupilId))
        .forEach((p, i) => {
          const pouch = free[i];
          if (pouch) target.set(pouch.pouch_id, p.pupilId);
        });
    }
    for (const r of rows) {
      const pupilId = target.get(r.pouch_id) ?? null;
      if (pupilId !== r.pupil_id) writePouch(ctx, bag.locationId, { ...r, pupil_id: pupilId }, actor);
    }
    return getBag(ctx, bag.locationId);
  });
}

/** Puts a pupil in another free pouch of the bag (or gives them their first); their old pouch becomes free. */
export function movePupilToPouch(
  ctx: ServiceContext,
  input: { locationId: string; pupilId: string; number: number },
  actor: Actor,
): Bag {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const bag = requireBag(ctx, input.locationId);
    requirePupil(ctx, input.pupilId);
    const rows = pouchRows(ctx, bag.locationId);
    const to = rows.find((r) => r.number === input.number);
    if (!to) throw new AppError('INVALID_ARGUMENT', { field: 'number' });
    if (to.active !== 1) throw new AppError('POUCH_RETIRED');
    if (to.pupil_id === input.pupilId) return getBag(ctx, bag.locationId);
    if (to.pupil_id !== null) throw new AppError('POUCH_TAKEN');
    for (const r of rows) if (r.pupil_id === input.pupilId) writePouch(ctx, bag.locationId, { ...r, pupil_id: null }, actor);
    writePouch(ctx, bag.locationId, { ...to, pupil_id: input.pupilId }, actor);
    return getBag(ctx, bag.locationId);
  });
}

function requireBagPouch(ctx: ServiceContext, pouchId: string): PouchRow & { location_id: string } {
  const row = prepared<PouchRow & { location_id: string }>(
    ctx.db,
    'SELECT pouch_id, location_id, number, pupil_id, active FROM pouches WHERE pouch_id = ?',
  ).get(pouchId);
  if (!row) throw new AppError('INVALID_ARGUMENT', { field: 'pouchId' });
  requireBag(ctx, row.location_id);
  return row;
}

/** The pouch is no longer any pupil's. */
export function freePouch(ctx: ServiceContext, input: { pouchId: string }, actor: Actor): Bag {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const row = requireBagPouch(ctx, input.pouchId);
    if (row.pupil_id !== null) writePouch(ctx, row.location_id, { ...row, pupil_id: null }, actor);
    return getBag(ctx, row.location_id);
  });
}

/**
 * Takes a torn or lost pouch out of use: it is freed, its tag is withdrawn (a scan of it is
 * refused) and its number is never given out again. Not while a device is in it.
 */
export function retirePouch(ctx: ServiceContext, input: { pouchId: string }, actor: Actor): Bag {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const row = requireBagPouch(ctx, input.pouchId);
    if (row.active !== 1) return getBag(ctx, row.location_id);
    if (prepared(ctx.db, 'SELECT 1 FROM custody WHERE pouch_id = ? AND held = 1').get(row.pouch_id)) {
      throw new AppError('POUCH_HOLDS_DEVICE');
    }
    const tags = prepared<{ tag_id: string }>(ctx.db, "SELECT tag_id FROM tags WHERE pouch_id = ? AND status = 'active'").all(row.pouch_id);
    for (const t of tags) revokeTag(ctx, t.tag_id, actor);
    writePouch(ctx, row.location_id, { ...row, pupil_id: null, active: 0 }, actor);
    return getBag(ctx, row.location_id);
  });
}

export function getBag(ctx: ServiceContext, locationId: string): Bag {
  const bag = requireBag(ctx, locationId);
  const pupils = listPupils(ctx, { groep: bag.groep });
  const names = new Map<string, string>(pupils.map((p) => [p.pupilId, displayName(p)]));
  const codes = new Map(
    prepared<{ pouch_id: string; canonical: string }>(
      ctx.db,
      "SELECT t.pouch_id, t.canonical FROM tags t JOIN pouches p ON p.pouch_id = t.pouch_id WHERE p.location_id = ? AND t.status = 'active'",
    )
      .all(bag.locationId)
      .map((r) => [r.pouch_id, r.canonical]),
  );
  const rows = pouchRows(ctx, bag.locationId);
  const placed = new Set(rows.map((r) => r.pupil_id));
  return {
    ...bag,
    pouches: rows.map((r) => ({
      pouchId: r.pouch_id,
      number: r.number,
      active: r.active === 1,
      code: codes.get(r.pouch_id) ?? null,
      pupil: r.pupil_id === null ? null : { pupilId: r.pupil_id, name: names.get(r.pupil_id) ?? nameOf(ctx, r.pupil_id) },
    })),
    unassigned: pupils.filter((p) => !placed.has(p.pupilId)).map((p) => ({ pupilId: p.pupilId, name: displayName(p) })),
  };
}

/** A pupil in the bag who is no longer in the group (moved, or left school). */
function nameOf(ctx: ServiceContext, pupilId: string): string {
  const row = prepared<Pick<Pupil, 'roepnaam' | 'voorvoegsel' | 'achternaam'>>(
    ctx.db,
    'SELECT roepnaam, voorvoegsel, achternaam FROM pupils WHERE pupil_id = ?',
  ).get(pupilId);
  return row ? displayName(row) : '';
}

/** Every group's bag, in the order a school counts its groups. */
export function listBags(ctx: ServiceContext): Bag[] {
  const ids = prepared<{ location_id: string; groep: string }>(
    ctx.db,
    "SELECT location_id, groep FROM locations WHERE kind = 'phone_bag' AND active = 1 AND groep IS NOT NULL",
  ).all();
  const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
  return ids.sort((a, b) => collator.compare(a.groep, b.groep)).map((r) => getBag(ctx, r.location_id));
}
