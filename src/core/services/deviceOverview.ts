import { prepared } from '../db/statements';
import type { ServiceContext } from './context';
import type { DeviceKind } from './devices';
import { getPupil, listPupils, type Pupil } from './pupils';
import type { TagKind } from './tags';

export interface TagLine {
  tagId: string;
  kind: TagKind;
  canonical: string;
  status: 'active' | 'revoked';
}
export interface DeviceLine {
  deviceId: string;
  kind: DeviceKind;
  description: string;
  tags: TagLine[];
}
export interface PupilDevices {
  pupilId: string;
  roepnaam: string;
  voorvoegsel: string;
  achternaam: string;
  groep: string;
  devices: DeviceLine[];
}

interface Row {
  device_id: string;
  owner_pupil_id: string;
  kind: DeviceKind;
  description: string;
  tag_id: string | null;
  tag_kind: TagKind | null;
  canonical: string | null;
  status: 'active' | 'revoked' | null;
}

/**
 * What the office's "Apparaten en stickers" shows: a group's active pupils in class-list order,
 * each with their active devices (oldest first) and every tag those devices ever had — active
 * ones first, then the withdrawn ones, so a lost sticker that turns up can be recognised.
 */
export function devicesOfGroup(ctx: ServiceContext, filter: { groep: string } | { pupilId: string }): PupilDevices[] {
  const pupils: Pupil[] = 'groep' in filter ? listPupils(ctx, { groep: filter.groep }) : [getPupil(ctx, filter.pupilId)].filter(isPupil);
  if (pupils.length === 0) return [];
  const byPupil = new Map<string, PupilDevices>(
    pupils.map((p) => [
      p.pupilId,
      { pupilId: p.pupilId, roepnaam: p.roepnaam, voorvoegsel: p.voorvoegsel, achternaam: p.achternaam, groep: p.groep, devices: [] },
    ]),
  );
  const rows =
    'groep' in filter
      ? prepared<Row>(ctx.db, `${SELECT} WHERE d.active = 1 AND p.groep = ? ${ORDER}`).all(filter.groep)
      : prepared<Row>(ctx.db, `${SELECT} WHERE d.active = 1 AND d.owner_pupil_id = ? ${ORDER}`).all(filter.pupilId);
  const devices = new Map<string, DeviceLine>();
  for (const r of rows) {
    const owner = byPupil.get(r.owner_pupil_id);
    if (!owner) continue;
    let device = devices.get(r.device_id);
    if (!device) {
      device = { deviceId: r.device_id, kind: r.kind, description: r.description, tags: [] };
      devices.set(r.device_id, device);
      owner.devices.push(device);
    }
    if (r.tag_id && r.tag_kind && r.canonical && r.status) {
      device.tags.push({ tagId: r.tag_id, kind: r.tag_kind, canonical: r.canonical, status: r.status });
    }
  }
  return [...byPupil.values()];
}

const isPupil = (p: Pupil | undefined): p is Pupil => p !== undefined;

const SELECT = `SELECT d.device_id, d.owner_pupil_id, d.kind, d.description,
       t.tag_id, t.kind AS tag_kind, t.canonical, t.status
  FROM devices d JOIN pupils p ON p.pupil_id = d.owner_pupil_id
  LEFT JOIN tags t ON t.device_id = d.device_id`;
const ORDER = "ORDER BY d.created_at, d.rowid, t.status = 'revoked', t.created_at, t.rowid";
