import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { compareRegistry } from './compare';
import { replayRegistry } from './replay';
import type { RegistryEntity, RegistryState } from './state';
import { readRegistryTables } from './tables';

/** A PIN hash no PIN matches: a staff member registered after the backup sets a new PIN (the ledger never holds one). */
export const NO_PIN = 'taken-back$no-pin';

/** Parents before children: a device needs its owner, a tag its device or pouch. */
const ORDER: readonly RegistryEntity[] = ['pupils', 'staff', 'locations', 'pouches', 'devices', 'tags', 'exemptions'];

/**
 * Brings the registry tables in step with registration events taken back from the central copy
 * after a restore (see ledger/takeBack): every row the ledger's fold says otherwise than the table
 * is written as the fold says. The centre holds no payloads, so what was personal comes back
 * unknown: a row the table already had keeps its names; a row new since the backup gets empty
 * names (as the retention purge leaves them), a staff member no usable PIN, an exemption the
 * category "overig". The registry check compares personal fields only while the ledger knows
 * them, so afterwards it agrees. In the caller's transaction; returns how many rows were written.
 */
export function applyTakenBackRegistry(db: Db, kioskId: string, now: Date): number {
  const ledger = replayRegistry(db, kioskId).state;
  const tables = readRegistryTables(db);
  const due = new Map<RegistryEntity, Set<string>>();
  for (const d of compareRegistry(ledger, tables)) {
    if (d.problem === 'unrecorded') continue;
    let ids = due.get(d.entity);
    if (!ids) due.set(d.entity, (ids = new Set()));
    ids.add(d.id);
  }
  const at = now.toISOString();
  let written = 0;
  for (const entity of ORDER) {
    const ids = [...(due.get(entity) ?? [])];
    // A revoked tag first: its code may be the one a newer tag carries.
    if (entity === 'tags') ids.sort((a, b) => Number(ledger.tags.get(a)?.status === 'active') - Number(ledger.tags.get(b)?.status === 'active'));
    for (const id of ids) written += WRITERS[entity](db, id, ledger, tables, at);
  }
  return written;
}

type Writer = (db: Db, id: string, ledger: RegistryState, tables: RegistryState, at: string) => number;

const WRITERS: Record<RegistryEntity, Writer> = {
  pupils(db, id, ledger, tables, at) {
    const p = ledger.pupils.get(id);
    if (!p) return 0;
    const names = p.personal ?? tables.pupils.get(id)?.personal ?? { roepnaam: '', voorvoegsel: '', achternaam: '', externalKey: null };
    return prepared(
      db,
      `INSERT INTO pupils (pupil_id, external_key, roepnaam, voorvoegsel, achternaam, jaargroep, groep, active, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (pupil_id) DO UPDATE SET external_key = excluded.external_key, roepnaam = excluded.roepnaam,
         voorvoegsel = excluded.voorvoegsel, achternaam = excluded.achternaam, jaargroep = excluded.jaargroep,
         groep = excluded.groep, active = excluded.active`,
    ).run(id, names.externalKey, names.roepnaam, names.voorvoegsel, names.achternaam, p.jaargroep, p.groep, p.active ? 1 : 0, at).changes;
  },
  staff(db, id, ledger, tables, at) {
    const s = ledger.staff.get(id);
    if (!s) return 0;
    const name = s.displayName ?? tables.staff.get(id)?.displayName ?? '';
    return prepared(
      db,
      `INSERT INTO staff (staff_id, display_name, role, pin_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (staff_id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, active = excluded.active`,
    ).run(id, name, s.role, NO_PIN, s.active ? 1 : 0, at).changes;
  },
  locations(db, id, ledger, tables, at) {
    const l = ledger.locations.get(id);
    if (!l) return 0;
    const name = l.name ?? tables.locations.get(id)?.name ?? '';
    return prepared(
      db,
      `INSERT INTO locations (location_id, kind, name, active, groep, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (location_id) DO UPDATE SET kind = excluded.kind, name = excluded.name, active = excluded.active, groep = excluded.groep`,
    ).run(id, l.kind, name, l.active ? 1 : 0, l.groep, at).changes;
  },
  pouches(db, id, ledger) {
    const p = ledger.pouches.get(id);
    if (!p) return 0;
    return prepared(
      db,
      `INSERT INTO pouches (pouch_id, location_id, number, pupil_id, active) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (pouch_id) DO UPDATE SET location_id = excluded.location_id, number = excluded.number,
         pupil_id = excluded.pupil_id, active = excluded.active`,
    ).run(id, p.locationId, p.number, p.pupilId, p.active ? 1 : 0).changes;
  },
  devices(db, id, ledger, tables, at) {
    const d = ledger.devices.get(id);
    if (!d) return 0;
    const description = d.description ?? tables.devices.get(id)?.description ?? '';
    return prepared(
      db,
      `INSERT INTO devices (device_id, kind, description, owner_pupil_id, active, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (device_id) DO UPDATE SET kind = excluded.kind, description = excluded.description,
         owner_pupil_id = excluded.owner_pupil_id, active = excluded.active`,
    ).run(id, d.kind, description, d.ownerPupilId, d.active ? 1 : 0, at).changes;
  },
  tags(db, id, ledger, _tables, at) {
    const t = ledger.tags.get(id);
    // A tag of an event from before the registry was chained names no code: nothing to write it with.
    if (!t || t.canonical === null) return 0;
    const revokedAt = t.status === 'revoked' ? at : null;
    return prepared(
      db,
      `INSERT INTO tags (tag_id, kind, canonical, raw_input, status, device_id, pouch_id, pupil_id, created_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tag_id) DO UPDATE SET kind = excluded.kind, canonical = excluded.canonical, status = excluded.status,
         device_id = excluded.device_id, pouch_id = excluded.pouch_id, pupil_id = excluded.pupil_id,
         revoked_at = CASE WHEN excluded.status = 'revoked' THEN coalesce(tags.revoked_at, excluded.revoked_at) END`,
    ).run(id, t.kind, t.canonical, t.canonical, t.status, t.deviceId, t.pouchId, t.pupilId, at, revokedAt).changes;
  },
  exemptions(db, id, ledger, tables, at) {
    const x = ledger.exemptions.get(id);
    if (!x) return 0;
    const personal = x.personal ?? tables.exemptions.get(id)?.personal ?? { reason: 'overig', note: '' };
    return prepared(
      db,
      `INSERT INTO exemptions (exemption_id, pupil_id, device_id, reason, valid_from, valid_until, agreed_by, note, created_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (exemption_id) DO UPDATE SET pupil_id = excluded.pupil_id, device_id = excluded.device_id, reason = excluded.reason,
         valid_from = excluded.valid_from, valid_until = excluded.valid_until, agreed_by = excluded.agreed_by, note = excluded.note,
         ended_at = CASE WHEN excluded.ended_at IS NULL THEN NULL ELSE coalesce(exemptions.ended_at, excluded.ended_at) END`,
    ).run(id, x.pupilId, x.deviceId, personal.reason, x.validFrom, x.validUntil, x.agreedBy, personal.note === '' ? null : personal.note, at, x.ended ? at : null).changes;
  },
};
