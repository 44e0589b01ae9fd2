import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

export interface CentralEventFilter {
  school?: string;
  kioskIds?: readonly string[];
  /** ISO 8601 UTC, inclusive lower and exclusive upper bound on occurred_at. */
  from?: string;
  to?: string;
}

/**
 * The cross-kiosk log as CSV, made by the server itself (COPY … TO STDOUT) and streamed to `out`:
 * a board's millions of events never sit in memory, and the bytes are PostgreSQL's own CSV.
 * Filter values go in as literals, escaped by the driver: COPY takes no parameters.
 */
export function centralEventsQuery(client: ClientBase, filter: CentralEventFilter = {}): string {
  const where: string[] = [];
  if (filter.school !== undefined) where.push(`k.school = ${client.escapeLiteral(filter.school)}`);
  if (filter.kioskIds) where.push(`e.kiosk_id IN (${filter.kioskIds.map((id) => client.escapeLiteral(id)).join(', ') || 'NULL'})`);
  if (filter.from !== undefined) where.push(`e.occurred_at >= ${client.escapeLiteral(filter.from)}`);
  if (filter.to !== undefined) where.push(`e.occurred_at < ${client.escapeLiteral(filter.to)}`);
  return `SELECT k.school, k.name AS kiosk, e.kiosk_id, e.seq, e.occurred_at, e.type, e.actor, e.custodian, e.device_id,
      e.pupil_id, e.location_id, e.pouch_id, e.voids_seq, e.details, encode(e.hash, 'hex') AS hash
    FROM central.events e JOIN central.kiosks k USING (kiosk_id)
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY k.school, k.name, e.kiosk_id, e.seq`;
}

export async function exportCentralCsv(client: ClientBase, out: Writable, filter: CentralEventFilter = {}): Promise<number> {
  const stream = client.query(copyTo(`COPY (${centralEventsQuery(client, filter)}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
  await pipeline(stream, out);
  return stream.rowCount;
}
