import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import type { EventType, LedgerEvent } from './events';

/** The header columns in `HEADER_FIELDS` order, then the event's own hash. */
export const EVENT_COLUMNS = `seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id,
  location_id, pouch_id, voids_seq, details, payload_hash, prev_hash, hash`;

export interface EventRow {
  seq: number;
  event_id: string;
  kiosk_id: string;
  occurred_at: string;
  type: string;
  actor: string;
  custodian: string | null;
  device_id: string | null;
  pupil_id: string | null;
  location_id: string | null;
  pouch_id: string | null;
  voids_seq: number | null;
  details: string;
  payload_hash: Buffer | null;
  prev_hash: Buffer;
  hash: Buffer;
}

export function toLedgerEvent(row: EventRow): LedgerEvent {
  return {
    seq: row.seq,
    eventId: row.event_id,
    kioskId: row.kiosk_id,
    occurredAt: row.occurred_at,
    type: row.type as EventType,
    actor: row.actor,
    custodian: row.custodian,
    deviceId: row.device_id,
    pupilId: row.pupil_id,
    locationId: row.location_id,
    pouchId: row.pouch_id,
    voidsSeq: row.voids_seq,
    details: row.details,
    payloadHash: row.payload_hash,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function getEvent(db: Db, seq: number): LedgerEvent | undefined {
  const row = prepared<EventRow>(db, `SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE seq = ?`).get(seq);
  return row && toLedgerEvent(row);
}

/** The payload text, or null when the event has none or it was redacted. */
export function getPayload(db: Db, seq: number): Record<string, unknown> | null {
  const row = prepared<{ body: string | null }>(db, 'SELECT body FROM ledger_payloads WHERE seq = ?').get(seq);
  return row?.body ? (JSON.parse(row.body) as Record<string, unknown>) : null;
}

/** The seq of the correction that voided `seq`, if any. */
export function voidedBy(db: Db, seq: number): number | undefined {
  return prepared<{ seq: number }>(db, 'SELECT seq FROM ledger_events WHERE voids_seq = ?').get(seq)?.seq;
}

/** How many events the ledger holds: what a summary may claim, counted rather than tallied. */
export function countEvents(db: Db): number {
  return prepared<{ n: number }>(db, 'SELECT count(*) AS n FROM ledger_events').get()?.n ?? 0;
}

export function ledgerHead(db: Db): { seq: number; hash: Buffer } {
  const head = prepared<{ seq: number; hash: Buffer }>(db, 'SELECT seq, hash FROM ledger_head WHERE singleton = 1').get();
  if (!head) throw new Error('ledger head row missing');
  return head;
}

/** Whether the ledger holds any event of this type (no index on type: it stops at the first). */
export function hasEventOfType(db: Db, type: EventType): boolean {
  return prepared<{ found: number }>(db, 'SELECT 1 AS found FROM ledger_events WHERE type = ? LIMIT 1').get(type) !== undefined;
}
