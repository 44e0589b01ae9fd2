import type { EventType } from '../../shared/contract/eventTypes';
import type { Db } from '../db/open';
import { prepared, preparedRaw } from '../db/statements';
import type { EventRow } from './rows';
import { sqlTypeList } from './typeList';

/**
 * The ledger as everything outside it reads it: the day overview, corrections, the CLI's
 * `list events`, and the coming exports and reports. Filters are optional and combine with AND;
 * the kiosk is one of them, so a database holding several kiosks' ledgers reads the same way.
 */
export interface EventQuery {
  kioskId?: string;
  deviceId?: string;
  pupilId?: string;
  /** Any of these pupils (a group's, for an export). */
  pupilIds?: readonly string[];
  types?: readonly EventType[];
  /** Up to and including this seq: an export stops at the checkpoint it was signed against. */
  upToSeq?: number;
  /** `occurred_at >= from`; ISO-8601 UTC like the stored value, so a string comparison. */
  from?: string;
  /** `occurred_at < to`. */
  to?: string;
  /** Leave out events a correction voided. */
  standingOnly?: boolean;
}

/**
 * Keyset paging by seq, never OFFSET: a page costs the same at the millionth event, and events
 * appended while someone pages do not shift the pages already read.
 */
export interface PageQuery extends EventQuery {
  /** 'newest-first' (the default) continues with `beforeSeq`, 'oldest-first' with `afterSeq`. */
  order?: 'newest-first' | 'oldest-first';
  beforeSeq?: number;
  afterSeq?: number;
  /** 1…MAX_PAGE, default 50. */
  limit?: number;
}

export const MAX_PAGE = 1000;
const DEFAULT_PAGE = 50;

/** One stored event with what a reader needs next to it: who voided it and its payload. */
export interface StoredEvent {
  kioskId: string;
  seq: number;
  eventId: string;
  type: EventType;
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
  /** The personal part; null when the event has none or it was erased. */
  payload: Record<string, unknown> | null;
  /** It had a payload and that payload was erased. */
  redacted: boolean;
}

export interface EventPage {
  events: StoredEvent[];
  /** The cursor for the next page (`beforeSeq` or `afterSeq`), null when this page was the last. */
  next: number | null;
}

/** An event's own columns (as `rows.ts` reads them, less the hashes), and what the joins add. */
export type StoredEventRow = Omit<EventRow, 'payload_hash' | 'prev_hash' | 'hash' | 'encoding'> & {
  voided_by: number | null;
  has_payload: number;
  body: string | null;
};

/** Select list and joins for `StoredEvent`; `e` is the event, also used by the custody reads. */
export const STORED_EVENT_SELECT = `SELECT e.kiosk_id, e.seq, e.event_id, e.type, e.occurred_at, e.actor, e.custodian,
    e.device_id, e.pupil_id, e.location_id, e.pouch_id, e.voids_seq, v.seq AS voided_by, e.details,
    p.seq IS NOT NULL AS has_payload, p.body`;
export const STORED_EVENT_JOINS = `LEFT JOIN ledger_payloads p ON p.kiosk_id = e.kiosk_id AND p.seq = e.seq
  LEFT JOIN ledger_events v ON v.kiosk_id = e.kiosk_id AND v.voids_seq = e.seq`;

export function toStoredEvent(r: StoredEventRow): StoredEvent {
  return {
    kioskId: r.kiosk_id,
    seq: r.seq,
    eventId: r.event_id,
    // Only the vocabulary is ever appended (appendEvent takes an EventType).
    type: r.type as EventType,
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
  };
}

interface Where {
  sql: string;
  params: Record<string, string | number>;
}

/** Only the filters given become SQL; the primary key, newest first, serves a device's or a pupil's history (see migration 008). */
function where(query: EventQuery, page: { beforeSeq?: number; afterSeq?: number } = {}): Where {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  const add = (clause: string, name: string, value: string | number | undefined) => {
    if (value === undefined) return;
    clauses.push(clause);
    params[name] = value;
  };
  add('e.kiosk_id = @kioskId', 'kioskId', query.kioskId);
  add('e.device_id = @deviceId', 'deviceId', query.deviceId);
  add('e.pupil_id = @pupilId', 'pupilId', query.pupilId);
  add('e.pupil_id IN (SELECT value FROM json_each(@pupilIds))', 'pupilIds', query.pupilIds && JSON.stringify(query.pupilIds));
  add('e.seq <= @upToSeq', 'upToSeq', query.upToSeq);
  add('e.occurred_at >= @from', 'from', query.from);
  add('e.occurred_at < @to', 'to', query.to);
  add('e.seq < @beforeSeq', 'beforeSeq', page.beforeSeq);
  add('e.seq > @afterSeq', 'afterSeq', page.afterSeq);
  if (query.types !== undefined) clauses.push(`e.type IN ${sqlTypeList(query.types)}`);
  if (query.standingOnly) clauses.push('v.seq IS NULL');
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/** One page of events matching `query`. */
export function readEvents(db: Db, query: PageQuery = {}): EventPage {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_PAGE), 1), MAX_PAGE);
  const newestFirst = (query.order ?? 'newest-first') === 'newest-first';
  const w = where(query, newestFirst ? { beforeSeq: query.beforeSeq } : { afterSeq: query.afterSeq });
  const events = prepared<StoredEventRow>(
    db,
    `${STORED_EVENT_SELECT} FROM ledger_events e ${STORED_EVENT_JOINS}
     ${w.sql} ORDER BY e.seq ${newestFirst ? 'DESC' : 'ASC'} LIMIT @limit`,
  )
    .all({ ...w.params, limit })
    .map(toStoredEvent);
  const last = events[events.length - 1];
  return { events, next: events.length === limit && last ? last.seq : null };
}

/**
 * One event as a long export writes it, as an array in this column order: the read model's
 * columns less the event id and details, the payload text as stored (null when none or erased),
 * and the event's own hash in lowercase hex. An array straight from SQLite, because at a million
 * rows an object per event (and the garbage behind it) costs more than the query itself.
 */
export type EventRecord = readonly [
  kioskId: string,
  seq: number,
  type: EventType,
  occurredAt: string,
  actor: string,
  custodian: string | null,
  deviceId: string | null,
  pupilId: string | null,
  locationId: string | null,
  pouchId: string | null,
  voidsSeq: number | null,
  voidedBySeq: number | null,
  body: string | null,
  hash: string,
];

/**
 * Most records one call reads. A batch of 1,000 (a few hundred kB) rather than 5,000: a batch
 * lives while it is written, so a bigger one survives V8's young-generation collections and is
 * promoted, and the old generation then grew to ~200 MB before being collected (peak RSS of a
 * 200,000-event export: 309 MB at 5,000, 182 MB at 1,000, same time).
 */
export const MAX_RECORD_BATCH = 1000;

/**
 * The next batch of events matching `query` after `afterSeq`, oldest first: what an export of a
 * million events reads, a batch per call (never one statement held open across the export's
 * awaits, so the kiosk's other calls go on in between). Columns come back already named as the
 * record has them, and nothing is parsed that an export does not write.
 */
export function readEventRecords(db: Db, query: EventQuery, afterSeq: number, limit = MAX_RECORD_BATCH): EventRecord[] {
  const w = where(query, { afterSeq });
  // Arrays, and the hash as hex from SQLite: at a million rows, named rows and a Buffer per hash
  // cost more than the query itself.
  const rows = preparedRaw(
    db,
    `SELECT e.kiosk_id, e.seq, e.type, e.occurred_at, e.actor, e.custodian, e.device_id, e.pupil_id, e.location_id,
       e.pouch_id, e.voids_seq, v.seq, p.body, lower(hex(e.hash))
     FROM ledger_events e ${STORED_EVENT_JOINS}
     ${w.sql} ORDER BY e.seq ASC LIMIT @limit`,
  ).all({ ...w.params, limit: Math.min(Math.max(Math.trunc(limit), 1), MAX_RECORD_BATCH) });
  // The select list above is EventRecord's columns, in its order.
  return rows as unknown as EventRecord[];
}

/** How many events match `query` (a count, not a page). */
export function countMatching(db: Db, query: EventQuery = {}): number {
  const w = where(query);
  const joins = query.standingOnly ? 'LEFT JOIN ledger_events v ON v.kiosk_id = e.kiosk_id AND v.voids_seq = e.seq' : '';
  return (
    prepared<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ledger_events e ${joins} ${w.sql}`).get(w.params)?.n ?? 0
  );
}

/** The newest event matching `query`, if any. */
export function newestEvent(db: Db, query: EventQuery = {}): StoredEvent | undefined {
  return readEvents(db, { ...query, limit: 1 }).events[0];
}
