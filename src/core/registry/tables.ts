import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { emptyRegistry, type RegistryState } from './state';

interface PupilRow {
  pupil_id: string;
  external_key: string | null;
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
  jaargroep: number | null;
  groep: string;
  active: number;
}
interface DeviceRow {
  device_id: string;
  kind: string;
  description: string;
  owner_pupil_id: string;
  active: number;
}
interface TagRow {
  tag_id: string;
  kind: string;
  canonical: string;
  status: 'active' | 'revoked';
  device_id: string | null;
  pouch_id: string | null;
  pupil_id: string | null;
}
interface LocationRow {
  location_id: string;
  kind: string;
  name: string;
  active: number;
  groep: string | null;
}
interface PouchRow {
  pouch_id: string;
  location_id: string;
  number: number;
  pupil_id: string | null;
  active: number;
}
interface ExemptionRow {
  exemption_id: string;
  pupil_id: string;
  device_id: string | null;
  reason: string;
  valid_from: string;
  valid_until: string;
  agreed_by: string;
  note: string | null;
  ended_at: string | null;
}
interface StaffRow {
  staff_id: string;
  display_name: string;
  role: string;
  active: number;
}

/**
 * The registry tables as they are, in the shape the ledger's fold gives, for the check and the
 * baseline. Each table in the order rows were written (rowid), so a baseline records them in the
 * order the school registered them. PIN hashes and counters are not read: they are not registry.
 */
export function readRegistryTables(db: Db): RegistryState {
  const state = emptyRegistry();
  for (const r of prepared<PupilRow>(
    db,
    'SELECT pupil_id, external_key, roepnaam, voorvoegsel, achternaam, jaargroep, groep, active FROM pupils ORDER BY rowid',
  ).iterate()) {
    state.pupils.set(r.pupil_id, {
      active: r.active === 1,
      groep: r.groep,
      jaargroep: r.jaargroep,
      personal: { roepnaam: r.roepnaam, voorvoegsel: r.voorvoegsel, achternaam: r.achternaam, externalKey: r.external_key },
    });
  }
  for (const r of prepared<DeviceRow>(
    db,
    'SELECT device_id, kind, description, owner_pupil_id, active FROM devices ORDER BY rowid',
  ).iterate()) {
    state.devices.set(r.device_id, { kind: r.kind, ownerPupilId: r.owner_pupil_id, active: r.active === 1, description: r.description });
  }
  // A file from before migration 13 (read by the CLI or a backup check, not migrated) has no bags per group, retired pouches or exemptions.
  const v13 = hasColumn(db, 'pouches', 'active');
  for (const r of prepared<LocationRow>(
    db,
    `SELECT location_id, kind, name, active, ${v13 ? 'groep' : 'NULL AS groep'} FROM locations ORDER BY rowid`,
  ).iterate()) {
    state.locations.set(r.location_id, { kind: r.kind, active: r.active === 1, groep: r.groep, name: r.name });
  }
  for (const r of prepared<PouchRow>(
    db,
    `SELECT pouch_id, location_id, number, pupil_id, ${v13 ? 'active' : '1 AS active'} FROM pouches ORDER BY rowid`,
  ).iterate()) {
    state.pouches.set(r.pouch_id, { locationId: r.location_id, number: r.number, pupilId: r.pupil_id, active: r.active === 1 });
  }
  if (v13) {
    for (const r of prepared<ExemptionRow>(
      db,
      'SELECT exemption_id, pupil_id, device_id, reason, valid_from, valid_until, agreed_by, note, ended_at FROM exemptions ORDER BY rowid',
    ).iterate()) {
      state.exemptions.set(r.exemption_id, {
        pupilId: r.pupil_id,
        deviceId: r.device_id,
        validFrom: r.valid_from,
        validUntil: r.valid_until,
        agreedBy: r.agreed_by,
        ended: r.ended_at !== null,
        personal: { reason: r.reason, note: r.note ?? '' },
      });
    }
  }
  for (const r of prepared<TagRow>(
    db,
    'SELECT tag_id, kind, canonical, status, device_id, pouch_id, pupil_id FROM tags ORDER BY rowid',
  ).iterate()) {
    state.tags.set(r.tag_id, {
      kind: r.kind,
      canonical: r.canonical,
      status: r.status,
      deviceId: r.device_id,
      pouchId: r.pouch_id,
      pupilId: r.pupil_id,
    });
  }
  for (const r of prepared<StaffRow>(db, 'SELECT staff_id, display_name, role, active FROM staff ORDER BY rowid').iterate()) {
    state.staff.set(r.staff_id, { role: r.role, active: r.active === 1, displayName: r.display_name });
  }
  return state;
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return prepared<{ name: string }>(db, `SELECT name FROM pragma_table_info(?)`).all(table).some((c) => c.name === column);
}
