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
}
interface PouchRow {
  pouch_id: string;
  location_id: string;
  number: number;
  pupil_id: string | null;
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
  for (const r of prepared<LocationRow>(db, 'SELECT location_id, kind, name, active FROM locations ORDER BY rowid').iterate()) {
    state.locations.set(r.location_id, { kind: r.kind, active: r.active === 1, name: r.name });
  }
  for (const r of prepared<PouchRow>(db, 'SELECT pouch_id, location_id, number, pupil_id FROM pouches ORDER BY rowid').iterate()) {
    state.pouches.set(r.pouch_id, { locationId: r.location_id, number: r.number, pupilId: r.pupil_id });
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
