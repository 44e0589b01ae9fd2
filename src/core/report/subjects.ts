import { prepared } from '../db/statements';
import { MAX_PAGE, readEvents } from '../ledger/readModel';
import type { ServiceContext } from '../services/context';

export interface ReportSubject {
  deviceId: string;
  kind: string;
  description: string;
  pupilName: string;
  groep: string;
  active: boolean;
  incidents: { seq: number; occurredAt: string; kind: string }[];
}

/**
 * What a report can be made about: the devices of a group (devices that left included: their
 * history is still asked about) with their pupil, and each device's incidents, newest first.
 */
export function reportSubjects(ctx: ServiceContext, groep: string | undefined): { groups: string[]; devices: ReportSubject[] } {
  const groups = prepared<{ groep: string }>(ctx.db, "SELECT DISTINCT groep FROM pupils WHERE groep <> '' ORDER BY groep")
    .all()
    .map((g) => g.groep);
  if (groep === undefined) return { groups, devices: [] };
  const rows = prepared<{
    device_id: string;
    kind: string;
    description: string;
    active: number;
    roepnaam: string;
    voorvoegsel: string;
    achternaam: string;
    groep: string;
  }>(
    ctx.db,
    `SELECT d.device_id, d.kind, d.description, d.active, p.roepnaam, p.voorvoegsel, p.achternaam, p.groep
     FROM devices d JOIN pupils p ON p.pupil_id = d.owner_pupil_id
     WHERE p.groep = ? ORDER BY p.roepnaam, p.achternaam, d.created_at`,
  ).all(groep);
  return {
    groups,
    devices: rows.map((r) => ({
      deviceId: r.device_id,
      kind: r.kind,
      description: r.description,
      pupilName: [r.roepnaam, r.voorvoegsel, r.achternaam].filter(Boolean).join(' '),
      groep: r.groep,
      active: r.active === 1,
      incidents: readEvents(ctx.db, { kioskId: ctx.kioskId, deviceId: r.device_id, types: ['incident_reported'], limit: MAX_PAGE }).events.map(
        (e) => ({ seq: e.seq, occurredAt: e.occurredAt, kind: typeof e.details.kind === 'string' ? e.details.kind : 'other' }),
      ),
    })),
  };
}
