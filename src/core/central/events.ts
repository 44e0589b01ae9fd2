import type { ClientBase } from 'pg';
import type { EventHeader } from '../ledger/hash';
import { centralWhere, type CentralEventFilter } from './filter';

/** A row of the board's list: an event's own fields, and where it comes from. */
export type CentralEvent = Pick<
  EventHeader,
  'kioskId' | 'seq' | 'occurredAt' | 'type' | 'actor' | 'custodian' | 'deviceId' | 'pupilId' | 'locationId' | 'pouchId' | 'voidsSeq'
> & { school: string; kioskName: string };

/** Where a page ended: the next page starts after this event (newest first). */
export interface CentralCursor {
  occurredAt: string;
  kioskId: string;
  seq: number;
}

export interface CentralEventPage {
  events: CentralEvent[];
  next: CentralCursor | null;
}

/**
 * The board's events, newest first, one page at a time. Paged by the last row seen rather than an
 * offset, so page 500 of two million events costs what page 1 costs and a sync arriving while the
 * office reads does not shift rows between pages.
 */
export async function listCentralEvents(
  client: ClientBase,
  filter: CentralEventFilter,
  page: { limit: number; after?: CentralCursor },
): Promise<CentralEventPage> {
  const after = page.after
    ? [`(e.occurred_at, e.kiosk_id, e.seq) < (${client.escapeLiteral(page.after.occurredAt)}, ${client.escapeLiteral(page.after.kioskId)}, ${Math.trunc(page.after.seq)})`]
    : [];
  // The names come back as the contract spells them; bigints come back from pg as text.
  const r = await client.query<Omit<CentralEvent, 'seq' | 'voidsSeq'> & { seq: string; voidsSeq: string | null }>(
    `SELECT k.school, k.name AS "kioskName", e.kiosk_id AS "kioskId", e.seq, e.occurred_at AS "occurredAt", e.type, e.actor,
            e.custodian, e.device_id AS "deviceId", e.pupil_id AS "pupilId", e.location_id AS "locationId",
            e.pouch_id AS "pouchId", e.voids_seq AS "voidsSeq"
       FROM central.events e JOIN central.kiosks k USING (kiosk_id)
       ${centralWhere(client, filter, after)}
      ORDER BY e.occurred_at DESC, e.kiosk_id DESC, e.seq DESC
      LIMIT $1`,
    [page.limit + 1],
  );
  const events: CentralEvent[] = r.rows
    .slice(0, page.limit)
    .map((row) => ({ ...row, seq: Number(row.seq), voidsSeq: row.voidsSeq === null ? null : Number(row.voidsSeq) }));
  const last = events.at(-1);
  return { events, next: r.rows.length > page.limit && last ? { occurredAt: last.occurredAt, kioskId: last.kioskId, seq: last.seq } : null };
}

/** The schools and kiosks the board holds: what the office's filters offer. */
export async function centralKiosks(client: ClientBase): Promise<{ kioskId: string; school: string; name: string }[]> {
  const r = await client.query<{ kiosk_id: string; school: string; name: string }>(
    'SELECT kiosk_id, school, name FROM central.kiosks ORDER BY school, name, kiosk_id',
  );
  return r.rows.map((row) => ({ kioskId: row.kiosk_id, school: row.school, name: row.name }));
}
