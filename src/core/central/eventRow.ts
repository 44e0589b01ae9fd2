import type { EventType, LedgerEvent } from '../ledger/events';

/** The columns of `central.events` that make a kiosk's event again (bigints come back from pg as text). */
export interface CentralEventRow {
  encoding: number;
  seq: string;
  event_id: string;
  occurred_at: string;
  type: string;
  actor: string;
  custodian: string | null;
  device_id: string | null;
  pupil_id: string | null;
  location_id: string | null;
  pouch_id: string | null;
  voids_seq: string | null;
  details: string;
  payload_hash: Buffer | null;
  prev_hash: Buffer;
  hash: Buffer;
}

export const CENTRAL_EVENT_COLUMNS = `e.encoding, e.seq, e.event_id, e.occurred_at, e.type, e.actor, e.custodian, e.device_id, e.pupil_id,
  e.location_id, e.pouch_id, e.voids_seq, e.details, e.payload_hash, e.prev_hash, e.hash`;

/**
 * A stored row as the kiosk's event, hashed fields and hash exactly as the kiosk wrote them: what a
 * bundle rebuilt from the centre and a kiosk taking its events back both need byte for byte.
 */
export function ledgerEventOf(kioskId: string, r: CentralEventRow): LedgerEvent {
  return {
    encoding: r.encoding,
    seq: Number(r.seq),
    eventId: r.event_id,
    kioskId,
    occurredAt: r.occurred_at,
    type: r.type as EventType,
    actor: r.actor,
    custodian: r.custodian,
    deviceId: r.device_id,
    pupilId: r.pupil_id,
    locationId: r.location_id,
    pouchId: r.pouch_id,
    voidsSeq: r.voids_seq === null ? null : Number(r.voids_seq),
    details: r.details,
    payloadHash: r.payload_hash,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
