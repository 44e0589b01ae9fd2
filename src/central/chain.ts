import type { ClientBase } from 'pg';
import type { LedgerEvent } from '../core/ledger/events';
import { GENESIS_HASH } from '../core/ledger/hash';

/** The columns of central.events that travel, in `HEADER_FIELDS` order, then hash and encoding. */
const COLUMNS =
  'seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id, location_id, pouch_id, voids_seq, details, payload_hash, prev_hash, hash, encoding';
const TYPES = ['bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'text', 'bytea', 'bytea', 'bytea', 'smallint'];

/**
 * One statement per batch, the rows as 17 arrays: a round trip per batch, not per event, and the
 * database's arrival trigger checks each row in seq order. Returns how many rows were new (rows
 * already stored with the same hash are skipped by the database).
 */
export async function appendEvents(client: ClientBase, events: readonly LedgerEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const columns: unknown[][] = TYPES.map(() => []);
  for (const e of sorted) {
    const values = [
      e.seq, e.eventId, e.kioskId, e.occurredAt, e.type, e.actor, e.custodian, e.deviceId, e.pupilId,
      e.locationId, e.pouchId, e.voidsSeq, e.details, e.payloadHash && Buffer.from(e.payloadHash), Buffer.from(e.prevHash),
      Buffer.from(e.hash), e.encoding,
    ];
    values.forEach((v, i) => (columns[i] as unknown[]).push(v));
  }
  const unnest = TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  const r = await client.query(`INSERT INTO central.events (${COLUMNS}) SELECT * FROM unnest(${unnest}) ORDER BY 1`, columns);
  return r.rowCount ?? 0;
}

export interface CentralHead {
  seq: number;
  hash: Buffer;
}

export async function centralHead(client: ClientBase, kioskId: string): Promise<CentralHead> {
  const r = await client.query<{ seq: string; hash: Buffer }>(
    'SELECT seq, hash FROM central.events WHERE kiosk_id = $1 ORDER BY seq DESC LIMIT 1',
    [kioskId],
  );
  const row = r.rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Why the database refused an event or a checkpoint (SQLSTATEs of the central schema's triggers). */
export type Refusal = 'bad_hash' | 'fork' | 'not_next' | 'checkpoint_conflict' | 'append_only' | 'not_this_kiosk';

export function refusalOf(error: unknown): Refusal | undefined {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'IL001':
      return 'bad_hash';
    case 'IL002':
      return 'fork';
    case 'IL003':
      return 'not_next';
    case 'IL004':
      return 'checkpoint_conflict';
    case 'IL005':
      return 'append_only';
    case '42501': // row-level security: another kiosk's row
      return 'not_this_kiosk';
    default:
      return undefined;
  }
}

/** The seq a refusal names (from its DETAIL: "kiosk K seq N"), if any. */
export function refusedSeq(error: unknown): number | undefined {
  const match = /seq (\d+)|tree size (\d+)/.exec((error as { detail?: string })?.detail ?? '');
  return match ? Number(match[1] ?? match[2]) : undefined;
}
