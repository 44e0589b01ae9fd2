import type { ClientBase } from 'pg';
import { AppError } from '../../shared/errors';
import { custodyWindow } from '../report/scope';

/** What a board's report is about: one device of one kiosk, or one incident event of that kiosk. */
export type CentralReportScope = { kind: 'device'; deviceId: string } | { kind: 'incident'; seq: number };

/** An event as the central database holds it: the kiosk's hashed columns, and the correction that voids it. */
export interface CentralCustodyEvent {
  seq: number;
  occurredAt: string;
  type: string;
  actor: string;
  custodian: string | null;
  deviceId: string | null;
  pupilId: string | null;
  locationId: string | null;
  pouchId: string | null;
  voidsSeq: number | null;
  voidedBySeq: number | null;
  details: Record<string, unknown>;
  /** The event had a personal part (a note, a reason, a name): its text stays at the kiosk, only its hash came. */
  hasPayload: boolean;
}

export interface CentralCustody {
  deviceId: string;
  /** The pupil the device's events name last (the kiosk's id; the centre has no names). */
  pupilId: string | null;
  incident: CentralCustodyEvent | null;
  events: CentralCustodyEvent[];
}

type Row = {
  seq: string; occurred_at: string; type: string; actor: string; custodian: string | null; device_id: string | null;
  pupil_id: string | null; location_id: string | null; pouch_id: string | null; voids_seq: string | null;
  details: string; has_payload: boolean;
};

const SELECT = `SELECT seq, occurred_at, type, actor, custodian, device_id, pupil_id, location_id, pouch_id,
       voids_seq, details, payload_hash IS NOT NULL AS has_payload
  FROM central.events`;

const toEvent = (r: Row, voidedBy: ReadonlyMap<number, number>): CentralCustodyEvent => ({
  seq: Number(r.seq),
  occurredAt: r.occurred_at,
  type: r.type,
  actor: r.actor,
  custodian: r.custodian,
  deviceId: r.device_id,
  pupilId: r.pupil_id,
  locationId: r.location_id,
  pouchId: r.pouch_id,
  voidsSeq: r.voids_seq === null ? null : Number(r.voids_seq),
  voidedBySeq: voidedBy.get(Number(r.seq)) ?? null,
  details: JSON.parse(r.details) as Record<string, unknown>,
  hasPayload: r.has_payload,
});

/**
 * Which event voids which, up to `upToSeq`: one pass over the kiosk's chain by its primary key.
 * (A join on voids_seq per listed event scanned the chain once per row: 2 s for 500 events of an
 * 11,000-event kiosk; read like this, about 10 ms. voids_seq has no index of its own.)
 */
async function voidingEvents(client: ClientBase, kioskId: string, upToSeq: number): Promise<Map<number, number>> {
  const r = await client.query<{ seq: string; voids_seq: string }>(
    'SELECT seq, voids_seq FROM central.events WHERE kiosk_id = $1 AND seq <= $2 AND voids_seq IS NOT NULL',
    [kioskId, upToSeq],
  );
  return new Map(r.rows.map((row) => [Number(row.voids_seq), Number(row.seq)]));
}

/**
 * The events of one kiosk's chain a board's report lists, up to `upToSeq` (the witnessed
 * checkpoint it is made against: nothing after it is covered): a device's whole history, oldest
 * first, or an incident with the custody around it by the kiosk's own rule (`custodyWindow`).
 * A correction carries the device of what it voids, so it comes with the device's events.
 */
export async function custodyEvents(client: ClientBase, kioskId: string, scope: CentralReportScope, upToSeq: number): Promise<CentralCustody> {
  const voidedBy = await voidingEvents(client, kioskId, upToSeq);
  const deviceEvents = async (deviceId: string) =>
    (await client.query<Row>(`${SELECT} WHERE kiosk_id = $1 AND device_id = $2 AND seq <= $3 ORDER BY seq`, [kioskId, deviceId, upToSeq])).rows.map(
      (r) => toEvent(r, voidedBy),
    );
  if (scope.kind === 'device') {
    const events = await deviceEvents(scope.deviceId);
    if (events.length === 0) {
      const later = await client.query('SELECT 1 FROM central.events WHERE kiosk_id = $1 AND device_id = $2 LIMIT 1', [kioskId, scope.deviceId]);
      if (later.rowCount) throw new AppError('CENTRAL_NOT_WITNESSED', { witnessedSize: upToSeq });
      throw new AppError('CENTRAL_UNKNOWN_DEVICE');
    }
    return { deviceId: scope.deviceId, pupilId: lastPupil(events), incident: null, events };
  }
  const found = await client.query<Row>(`${SELECT} WHERE kiosk_id = $1 AND seq = $2`, [kioskId, scope.seq]);
  const row = found.rows[0];
  if (!row) throw new AppError('UNKNOWN_EVENT');
  if (scope.seq > upToSeq) throw new AppError('CENTRAL_NOT_WITNESSED', { witnessedSize: upToSeq });
  const incident = toEvent(row, voidedBy);
  if (incident.type !== 'incident_reported' || !incident.deviceId) throw new AppError('NOT_AN_INCIDENT');
  const events = custodyWindow(await deviceEvents(incident.deviceId), incident.seq);
  return { deviceId: incident.deviceId, pupilId: incident.pupilId ?? lastPupil(events), incident, events };
}

function lastPupil(events: readonly CentralCustodyEvent[]): string | null {
  return events.findLast((e) => e.pupilId !== null)?.pupilId ?? null;
}
