import type { Db } from '../db/open';
import { prepared, preparedRaw } from '../db/statements';
import type { EventType, LedgerEvent } from './events';
import { GENESIS_HASH } from './hash';

/** The header columns in `HEADER_FIELDS` order, then the event's own hash and its encoding version. */
export const EVENT_COLUMNS = `seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id,
  location_id, pouch_id, voids_seq, details, payload_hash, prev_hash, hash, encoding`;

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
  encoding: number;
}

export function toLedgerEvent(row: EventRow): LedgerEvent {
  return {
    encoding: row.encoding,
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

/**
 * The kiosk whose chain this database appends to: the kiosk's own identity. Functions below that
 * take a bare seq mean an event of this chain unless a kiosk is named, because every caller on a
 * kiosk (services, CLI, UI) speaks of its own events; an office database names the kiosk.
 */
export function localKioskId(db: Db): string | undefined {
  return prepared<{ kiosk_id: string }>(db, 'SELECT kiosk_id FROM kiosk WHERE singleton = 1').get()?.kiosk_id;
}

const EVENT_BY_KEY = `SELECT ${EVENT_COLUMNS} FROM ledger_events WHERE kiosk_id = ? AND seq = ?`;

export function getEvent(db: Db, seq: number, kioskId = localKioskId(db)): LedgerEvent | undefined {
  if (kioskId === undefined) return undefined;
  const row = prepared<EventRow>(db, EVENT_BY_KEY).get(kioskId, seq);
  return row && toLedgerEvent(row);
}

/**
 * The hashes of one kiosk's events `fromSeq`…`toSeq`, by seq, in one range read of the primary
 * key: an export writes each event's hash beside it, a page at a time.
 */
export function eventHashes(db: Db, kioskId: string, fromSeq: number, toSeq: number): Map<number, Buffer> {
  const rows = preparedRaw(db, 'SELECT seq, hash FROM ledger_events WHERE kiosk_id = ? AND seq BETWEEN ? AND ?');
  return new Map(rows.all(kioskId, fromSeq, toSeq) as [number, Buffer][]);
}

/** The payload text, or null when the event has none or it was redacted. */
export function getPayload(db: Db, seq: number, kioskId = localKioskId(db)): Record<string, unknown> | null {
  const row = prepared<{ body: string | null }>(db, 'SELECT body FROM ledger_payloads WHERE kiosk_id = ? AND seq = ?').get(
    kioskId ?? null,
    seq,
  );
  return row?.body ? (JSON.parse(row.body) as Record<string, unknown>) : null;
}

/** The seq of the correction that voided `seq`, if any: both in the same kiosk's chain. */
export function voidedBy(db: Db, seq: number, kioskId = localKioskId(db)): number | undefined {
  return prepared<{ seq: number }>(db, 'SELECT seq FROM ledger_events WHERE kiosk_id = ? AND voids_seq = ?').get(
    kioskId ?? null,
    seq,
  )?.seq;
}

/** How many events the ledger holds, in every chain: what a summary may claim, counted rather than tallied. */
export function countEvents(db: Db): number {
  return prepared<{ n: number }>(db, 'SELECT count(*) AS n FROM ledger_events').get()?.n ?? 0;
}

export interface ChainHead {
  seq: number;
  hash: Buffer;
}

/**
 * A chain's head: its newest event; a kiosk without events yet is at seq 0 with the genesis hash.
 * Every append needs it, and in the bundled SQLite "the newest event" as ORDER BY seq DESC LIMIT 1
 * costs about 80 µs against 10 µs for a lookup by key, so the head seen last on this connection is
 * kept and checked by key instead: still there, with the same hash, and nothing after it. A
 * rolled-back append or another writer fails that check and the head is read again.
 */
export function ledgerHead(db: Db, kioskId = localKioskId(db)): ChainHead {
  const kiosk = kioskId ?? null;
  const known = kiosk === null ? undefined : knownHeads.get(db)?.get(kiosk);
  if (known && stillTheHead(db, kiosk as string, known)) return known;
  const head =
    prepared<ChainHead>(db, 'SELECT seq, hash FROM ledger_events WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1').get(kiosk) ??
    { seq: 0, hash: GENESIS_HASH };
  if (kiosk !== null) rememberHead(db, kiosk, head);
  return head;
}

/**
 * The head this connection last saw for a chain, unchecked: the append path writes after it
 * directly and lets the insert trigger and the primary key say whether it is still the head (they
 * refuse anything else), which saves the two lookups `ledgerHead` makes. Undefined before the
 * first append or read of that chain.
 */
export function lastSeenHead(db: Db, kioskId: string): ChainHead | undefined {
  return knownHeads.get(db)?.get(kioskId);
}

/** Called by the append path with the event it has just written. */
export function rememberHead(db: Db, kioskId: string, head: ChainHead): void {
  let heads = knownHeads.get(db);
  if (!heads) knownHeads.set(db, (heads = new Map()));
  heads.set(kioskId, head);
}

const knownHeads = new WeakMap<Db, Map<string, ChainHead>>();

function stillTheHead(db: Db, kioskId: string, head: ChainHead): boolean {
  const at = (seq: number) =>
    prepared<{ hash: Buffer }>(db, 'SELECT hash FROM ledger_events WHERE kiosk_id = ? AND seq = ?').get(kioskId, seq);
  const stored = head.seq === 0 ? GENESIS_HASH : at(head.seq)?.hash;
  return stored !== undefined && stored.equals(head.hash) && at(head.seq + 1) === undefined;
}

/**
 * Every kiosk with a chain here, in kiosk id order: those with events (found by skipping from one
 * kiosk id to the next in the primary key, not by reading every event) and those with a
 * checkpoint, so a chain whose events were all removed is still checked.
 */
export function chainKiosks(db: Db): string[] {
  return prepared<{ kiosk_id: string }>(
    db,
    `WITH RECURSIVE k (id) AS (
       SELECT min(kiosk_id) FROM ledger_events
       UNION ALL SELECT (SELECT min(kiosk_id) FROM ledger_events WHERE kiosk_id > k.id) FROM k WHERE k.id IS NOT NULL)
     SELECT id AS kiosk_id FROM k WHERE id IS NOT NULL
     UNION SELECT kiosk_id FROM ledger_checkpoints ORDER BY kiosk_id`,
  )
    .all()
    .map((r) => r.kiosk_id);
}

/** The newest checkpoint of a chain: where its last successful check ended. */
export function newestCheckpoint(db: Db, kioskId: string): { seq: number; hash: Buffer } | undefined {
  return prepared<{ seq: number; hash: Buffer }>(
    db,
    'SELECT seq, hash FROM ledger_checkpoints WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1',
  ).get(kioskId);
}

/** Whether the ledger holds any event of this type (no index on type: it stops at the first). */
export function hasEventOfType(db: Db, type: EventType): boolean {
  return prepared<{ found: number }>(db, 'SELECT 1 AS found FROM ledger_events WHERE type = ? LIMIT 1').get(type) !== undefined;
}
