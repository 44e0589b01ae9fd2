import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { eventTypesIn } from '../../shared/contract/eventTypes';
import { custodian as custodianOf, custodyStateTypes } from './events';
import { localKioskId } from './rows';
import { sqlTypeList } from './typeList';

/**
 * The projection: who holds each device now, according to the local kiosk's chain (its seq
 * columns are seqs of that chain; other kiosks' chains in an office database do not move it). It
 * is a fold of `reduceCustody` over the device's
 * *surviving* custody events in seq order.
 *
 * The rule for corrections: an event that a `corrected` event voids contributes nothing, as if it
 * had never been recorded; the correction itself carries no custody effect. Voiding is final
 * (a correction cannot be voided, an event can be voided once), so "surviving" never flips back.
 * Because the reducer is total (it accepts any event in any state, e.g. a return of a device
 * that — after a correction — no longer appears held) and looks only at the running state and the
 * event, two paths give the same rows:
 *   - incrementally: apply each new custody event to its device's row; when a correction voids a
 *     custody event, recompute that one device from its surviving events;
 *   - `rebuildProjection`: fold all surviving events from scratch.
 * Services enforce the invariants (no double hand-in…) for *new* events only; the projection never
 * refuses history.
 */
export interface CustodyRow {
  deviceId: string;
  held: boolean;
  since: string;
  custodian: string | null;
  locationId: string | null;
  pouchId: string | null;
  pupilId: string | null;
  confiscatedSeq: number | null;
  handedInSeq: number | null;
  lastSeq: number;
}

export interface CustodyEventInput {
  seq: number;
  type: string;
  occurredAt: string;
  custodian: string | null;
  deviceId: string | null;
  pupilId: string | null;
  locationId: string | null;
  pouchId: string | null;
}

/** The next state of a device's row, or `prev` unchanged when the event does not move custody. */
export function reduceCustody(prev: CustodyRow | undefined, e: CustodyEventInput): CustodyRow | undefined {
  if (!e.deviceId || !custodyStateTypes.has(e.type)) return prev;
  const base = {
    deviceId: e.deviceId,
    pupilId: e.pupilId ?? prev?.pupilId ?? null,
    handedInSeq: prev?.handedInSeq ?? null,
    lastSeq: e.seq,
  };
  const heldSince = prev?.held ? prev.since : e.occurredAt;
  switch (e.type) {
    case 'handed_in':
      return {
        ...base,
        held: true,
        since: e.occurredAt,
        custodian: e.custodian,
        locationId: e.locationId,
        pouchId: e.pouchId,
        confiscatedSeq: null,
        handedInSeq: e.seq,
      };
    case 'transferred':
      return {
        ...base,
        held: true,
        since: heldSince,
        custodian: e.custodian,
        locationId: e.locationId,
        pouchId: e.pouchId,
        confiscatedSeq: prev?.held ? prev.confiscatedSeq : null,
      };
    case 'confiscated':
      return {
        ...base,
        held: true,
        since: heldSince,
        custodian: e.custodian,
        locationId: e.locationId,
        pouchId: e.pouchId,
        confiscatedSeq: e.seq,
      };
    case 'returned':
    case 'released_to_guardian':
      return {
        ...base,
        held: false,
        since: e.occurredAt,
        custodian: e.custodian ?? (e.type === 'returned' ? custodianOf.pupil : custodianOf.guardian),
        locationId: null,
        pouchId: null,
        confiscatedSeq: null,
      };
    default:
      return prev;
  }
}

interface CustodyDbRow {
  device_id: string;
  held: number;
  since: string;
  custodian: string | null;
  location_id: string | null;
  pouch_id: string | null;
  pupil_id: string | null;
  confiscated_seq: number | null;
  handed_in_seq: number | null;
  last_seq: number;
}

const CUSTODY_COLUMNS =
  'device_id, held, since, custodian, location_id, pouch_id, pupil_id, confiscated_seq, handed_in_seq, last_seq';

// Built once: a statement's text is its cache key (see `prepared`), and one built per call costs
// a microsecond or two to hash on every scan.
const CUSTODY_BY_DEVICE = `SELECT ${CUSTODY_COLUMNS} FROM custody WHERE device_id = ?`;
const UPSERT_CUSTODY = `INSERT INTO custody (${CUSTODY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (device_id) DO UPDATE SET held = excluded.held, since = excluded.since,
       custodian = excluded.custodian, location_id = excluded.location_id, pouch_id = excluded.pouch_id,
       pupil_id = excluded.pupil_id, confiscated_seq = excluded.confiscated_seq,
       handed_in_seq = excluded.handed_in_seq, last_seq = excluded.last_seq`;

function fromDb(row: CustodyDbRow): CustodyRow {
  return {
    deviceId: row.device_id,
    held: row.held === 1,
    since: row.since,
    custodian: row.custodian,
    locationId: row.location_id,
    pouchId: row.pouch_id,
    pupilId: row.pupil_id,
    confiscatedSeq: row.confiscated_seq,
    handedInSeq: row.handed_in_seq,
    lastSeq: row.last_seq,
  };
}

export function readCustody(db: Db, deviceId: string): CustodyRow | undefined {
  const row = prepared<CustodyDbRow>(db, CUSTODY_BY_DEVICE).get(deviceId);
  return row && fromDb(row);
}

/** Every projection row, ordered by device id: what the tests compare with a rebuild. */
export function readAllCustody(db: Db): CustodyRow[] {
  return prepared<CustodyDbRow>(db, `SELECT ${CUSTODY_COLUMNS} FROM custody ORDER BY device_id`).all().map(fromDb);
}

function writeRow(db: Db, row: CustodyRow): void {
  prepared(db, UPSERT_CUSTODY).run(
    row.deviceId,
    row.held ? 1 : 0,
    row.since,
    row.custodian,
    row.locationId,
    row.pouchId,
    row.pupilId,
    row.confiscatedSeq,
    row.handedInSeq,
    row.lastSeq,
  );
}

const SURVIVING_EVENT_COLUMNS = `e.seq AS seq, e.type AS type, e.occurred_at AS occurredAt, e.custodian AS custodian,
  e.device_id AS deviceId, e.pupil_id AS pupilId, e.location_id AS locationId, e.pouch_id AS pouchId`;
const NOT_VOIDED = 'NOT EXISTS (SELECT 1 FROM ledger_events c WHERE c.kiosk_id = e.kiosk_id AND c.voids_seq = e.seq)';
const STATE_TYPES = `e.type IN ${sqlTypeList(eventTypesIn('custody'))}`;

/** Recomputes one device's row from its surviving events (after a correction). */
export function recomputeDevice(db: Db, deviceId: string, kioskId = localKioskId(db)): void {
  const events = prepared<CustodyEventInput>(
    db,
    `SELECT ${SURVIVING_EVENT_COLUMNS} FROM ledger_events e
     WHERE e.device_id = ? AND e.kiosk_id = ? AND ${STATE_TYPES} AND ${NOT_VOIDED} ORDER BY e.seq`,
  ).all(deviceId, kioskId ?? null);
  let row: CustodyRow | undefined;
  for (const e of events) row = reduceCustody(row, e);
  if (row) writeRow(db, row);
  else prepared(db, 'DELETE FROM custody WHERE device_id = ?').run(deviceId);
}

/** Called by `appendEvent` in the same transaction as the insert. */
export function applyToProjection(
  db: Db,
  event: CustodyEventInput & { kioskId: string; voidsSeq: number | null },
  /** The device's row as the caller read it in this transaction, if it did. */
  known?: { row: CustodyRow | undefined },
): void {
  if (event.type === 'corrected' && event.voidsSeq !== null) {
    const voided = prepared<{ device_id: string | null; type: string }>(
      db,
      'SELECT device_id, type FROM ledger_events WHERE kiosk_id = ? AND seq = ?',
    ).get(event.kioskId, event.voidsSeq);
    if (voided?.device_id && custodyStateTypes.has(voided.type)) recomputeDevice(db, voided.device_id, event.kioskId);
    return;
  }
  if (!event.deviceId || !custodyStateTypes.has(event.type)) return;
  const prev =
    known && (known.row === undefined || known.row.deviceId === event.deviceId) ? known.row : readCustody(db, event.deviceId);
  const next = reduceCustody(prev, event);
  if (next) writeRow(db, next);
}

/** Throws the projection away and folds the whole ledger again; same rows as the incremental path. */
export function rebuildProjection(db: Db, kioskId = localKioskId(db)): void {
  db.transaction(() => {
    prepared(db, 'DELETE FROM custody').run();
    const rows = new Map<string, CustodyRow>();
    const events = prepared<CustodyEventInput>(
      db,
      `SELECT ${SURVIVING_EVENT_COLUMNS} FROM ledger_events e
       WHERE e.kiosk_id = ? AND e.device_id IS NOT NULL AND ${STATE_TYPES} AND ${NOT_VOIDED} ORDER BY e.seq`,
    );
    for (const e of events.iterate(kioskId ?? null)) {
      const next = reduceCustody(rows.get(e.deviceId as string), e);
      if (next) rows.set(next.deviceId, next);
    }
    for (const row of rows.values()) writeRow(db, row);
  }).immediate();
}
