import type { ClientBase } from 'pg';
import { centralWhere, type CentralEventFilter } from './filter';

export interface CentralEvent {
  school: string;
  kioskName: string;
  kioskId: string;
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
}

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
  const r = await client.query<{
    school: string; kiosk_name: string; kiosk_id: string; seq: string; occurred_at: string; type: string; actor: string;
    custodian: string | null; device_id: string | null; pupil_id: string | null; location_id: string | null; pouch_id: string | null;
    voids_seq: string | null;
  }>(
    `SELECT k.school, k.name AS kiosk_name, e.kiosk_id, e.seq, e.occurred_at, e.type, e.actor, e.custodian, e.device_id,
            e.pupil_id, e.location_id, e.pouch_id, e.voids_seq
       FROM central.events e JOIN central.kiosks k USING (kiosk_id)
       ${centralWhere(client, filter, after)}
      ORDER BY e.occurred_at DESC, e.kiosk_id DESC, e.seq DESC
      LIMIT $1`,
    [page.limit + 1],
  );
  const events = r.rows.slice(0, page.limit).map((row) => ({
    school: row.school,
    kioskName: row.kiosk_name,
    kioskId: row.kiosk_id,
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    type: row.type,
    actor: row.actor,
    custodian: row.custodian,
    deviceId: row.device_id,
    pupilId: row.pupil_id,
    locationId: row.location_id,
    pouchId: row.pouch_id,
    voidsSeq: row.voids_seq === null ? null : Number(row.voids_seq),
  }));
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
