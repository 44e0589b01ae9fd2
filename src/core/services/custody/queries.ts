import { prepared } from '../../db/statements';
import type { ServiceContext } from '../context';
import type { DeviceKind } from '../devices';

export interface CustodyListItem {
  deviceId: string;
  deviceKind: DeviceKind;
  description: string;
  pupil: { pupilId: string; roepnaam: string; voorvoegsel: string; achternaam: string; groep: string } | null;
  held: boolean;
  since: string;
  custodian: string | null;
  locationId: string | null;
  locationName: string | null;
  pouchNumber: number | null;
  confiscatedSeq: number | null;
  lastSeq: number;
}

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
    lastSeq: r.last_seq,
  }));
}

export interface EventListItem {
  seq: number;
  type: string;
  occurredAt: string;
  actor: string;
  custodian: string | null;
  deviceId: string | null;
  pupilId: string | null;
  locationId: string | null;
  pouchId: string | null;
  voidsSeq: number | null;
  voidedBySeq: number | null;
  details: Record<string, unknown>;
  /** The personal part, for staff screens; null when the event has none or it was erased. */
  payload: Record<string, unknown> | null;
  redacted: boolean;
}

interface EventListRow {
  seq: number;
  type: string;
  occurred_at: string;
  actor: string;
  custodian: string | null;
  device_id: string | null;
  pupil_id: string | null;
  location_id: string | null;
  pouch_id: string | null;
  voids_seq: number | null;
  voided_by: number | null;
  details: string;
  has_payload: number;
  body: string | null;
}

const EVENT_LIST = `SELECT e.seq, e.type, e.occurred_at, e.actor, e.custodian, e.device_id, e.pupil_id, e.location_id,
    e.pouch_id, e.voids_seq, v.seq AS voided_by, e.details, p.seq IS NOT NULL AS has_payload, p.body
  FROM ledger_events e
  LEFT JOIN ledger_payloads p ON p.kiosk_id = e.kiosk_id AND p.seq = e.seq
  LEFT JOIN ledger_events v ON v.kiosk_id = e.kiosk_id AND v.voids_seq = e.seq`;

/** Newest first, a page at a time: pass the last page's `nextBeforeSeq` as `beforeSeq`. */
export function listEvents(
  ctx: ServiceContext,
  options: { beforeSeq?: number; limit?: number; deviceId?: string } = {},
): { events: EventListItem[]; nextBeforeSeq: number | null } {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const before = options.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  const rows =
    options.deviceId === undefined
      ? prepared<EventListRow>(ctx.db, `${EVENT_LIST} WHERE e.kiosk_id = ? AND e.seq < ? ORDER BY e.seq DESC LIMIT ?`).all(ctx.kioskId, before, limit)
      : prepared<EventListRow>(
          ctx.db,
          `${EVENT_LIST} WHERE e.device_id = ? AND e.kiosk_id = ? AND e.seq < ? ORDER BY e.seq DESC LIMIT ?`,
        ).all(options.deviceId, ctx.kioskId, before, limit);
  const events = rows.map((r) => ({
    seq: r.seq,
    type: r.type,
    occurredAt: r.occurred_at,
    actor: r.actor,
    custodian: r.custodian,
    deviceId: r.device_id,
    pupilId: r.pupil_id,
    locationId: r.location_id,
    pouchId: r.pouch_id,
    voidsSeq: r.voids_seq,
    voidedBySeq: r.voided_by,
    details: JSON.parse(r.details) as Record<string, unknown>,
    payload: r.body === null ? null : (JSON.parse(r.body) as Record<string, unknown>),
    redacted: r.has_payload === 1 && r.body === null,
  }));
  const last = events[events.length - 1];
  return { events, nextBeforeSeq: events.length === limit && last ? last.seq : null };
}
