import type { CustodyListItem, EventListItem } from '../../../shared/contract';
import { prepared } from '../../db/statements';
import { eventsOfHeldDevices } from '../../ledger/custodyReads';
import { readEvents, type StoredEvent } from '../../ledger/readModel';
import type { ServiceContext } from '../context';
import type { DeviceKind } from '../devices';

interface CustodyListRow {
  device_id: string;
  kind: DeviceKind;
  description: string;
  pupil_id: string | null;
  roepnaam: string | null;
  voorvoegsel: string | null;
  achternaam: string | null;
  groep: string | null;
  held: number;
  since: string;
  custodian: string | null;
  location_id: string | null;
  location_name: string | null;
  pouch_number: number | null;
  confiscated_seq: number | null;
  last_seq: number;
}

const CUSTODY_LIST = `SELECT c.device_id, d.kind, d.description, p.pupil_id, p.roepnaam, p.voorvoegsel, p.achternaam, p.groep,
    c.held, c.since, c.custodian, c.location_id, l.name AS location_name, po.number AS pouch_number,
    c.confiscated_seq, c.last_seq
  FROM custody c
  JOIN devices d ON d.device_id = c.device_id
  LEFT JOIN pupils p ON p.pupil_id = c.pupil_id
  LEFT JOIN locations l ON l.location_id = c.location_id
  LEFT JOIN pouches po ON po.pouch_id = c.pouch_id`;

/** What the school holds now (or, with heldOnly false, the last known state of every device). */
export function listCustody(
  ctx: ServiceContext,
  filter: { heldOnly?: boolean; locationId?: string; groep?: string } = {},
): CustodyListItem[] {
  const rows = prepared<CustodyListRow>(
    ctx.db,
    `${CUSTODY_LIST}
     WHERE (c.held = 1 OR @heldOnly = 0) AND (@locationId IS NULL OR c.location_id = @locationId)
       AND (@groep IS NULL OR p.groep = @groep)
     ORDER BY p.groep, po.number, p.achternaam, p.roepnaam, c.device_id`,
  ).all({ heldOnly: filter.heldOnly === false ? 0 : 1, locationId: filter.locationId ?? null, groep: filter.groep ?? null });
  const missing = reportedMissing(ctx);
  return rows.map((r) => ({
    deviceId: r.device_id,
    deviceKind: r.kind,
    description: r.description,
    pupil:
      r.pupil_id && r.roepnaam !== null
        ? {
            pupilId: r.pupil_id,
            roepnaam: r.roepnaam,
            voorvoegsel: r.voorvoegsel ?? '',
            achternaam: r.achternaam ?? '',
            groep: r.groep ?? '',
          }
        : null,
    held: r.held === 1,
    since: r.since,
    custodian: r.custodian,
    locationId: r.location_id,
    locationName: r.location_name,
    pouchNumber: r.pouch_number,
    confiscatedSeq: r.confiscated_seq,
    reportedMissing: r.held === 1 ? (missing.get(r.device_id) ?? null) : null,
    lastSeq: r.last_seq,
  }));
}

/** Held devices reported lost or stolen since their hand-in: the newest such report per device. */
function reportedMissing(ctx: ServiceContext): Map<string, 'loss' | 'theft'> {
  const missing = new Map<string, 'loss' | 'theft'>();
  for (const e of eventsOfHeldDevices(ctx.db, ctx.kioskId, 'incident_reported')) {
    const kind = e.details.kind;
    if (e.deviceId && (kind === 'loss' || kind === 'theft')) missing.set(e.deviceId, kind);
  }
  return missing;
}

/**
 * This kiosk's chain, newest first, a page at a time: pass the last page's `nextBeforeSeq` as
 * `beforeSeq`.
 */
export function listEvents(
  ctx: ServiceContext,
  options: { beforeSeq?: number; limit?: number; deviceId?: string } = {},
): { events: EventListItem[]; nextBeforeSeq: number | null } {
  const page = readEvents(ctx.db, {
    kioskId: ctx.kioskId,
    limit: Math.min(Math.max(options.limit ?? 50, 1), 500),
    ...(options.beforeSeq === undefined ? {} : { beforeSeq: options.beforeSeq }),
    ...(options.deviceId === undefined ? {} : { deviceId: options.deviceId }),
  });
  return { events: page.events.map(toListItem), nextBeforeSeq: page.next };
}

/** The staff screens' view: every stored field but the ids and hashes. */
function toListItem(e: StoredEvent): EventListItem {
  return {
    seq: e.seq,
    type: e.type,
    occurredAt: e.occurredAt,
    actor: e.actor,
    custodian: e.custodian,
    deviceId: e.deviceId,
    pupilId: e.pupilId,
    locationId: e.locationId,
    pouchId: e.pouchId,
    voidsSeq: e.voidsSeq,
    voidedBySeq: e.voidedBySeq,
    details: e.details,
    payload: e.payload,
    redacted: e.redacted,
  };
}
