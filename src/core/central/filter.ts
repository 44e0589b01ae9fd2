import type { ClientBase } from 'pg';

/** Which of the board's events: by school, kiosk, time, type, device or pupil (all optional, all combined). */
export interface CentralEventFilter {
  school?: string;
  kioskIds?: readonly string[];
  /** ISO 8601 UTC, inclusive lower and exclusive upper bound on occurred_at. */
  from?: string;
  to?: string;
  types?: readonly string[];
  /** The kiosk's own ids: the central database holds no names, only what the chain hashed. */
  deviceId?: string;
  pupilId?: string;
}

/**
 * The WHERE clause of a filter over `central.events e JOIN central.kiosks k`, with the values as
 * literals escaped by the driver: the same text serves a COPY (which takes no parameters) and a
 * paged list, so the export and the screen can never disagree on what a filter means.
 */
export function centralWhere(client: ClientBase, filter: CentralEventFilter, extra: string[] = []): string {
  const lit = (v: string) => client.escapeLiteral(v);
  const where = [...extra];
  if (filter.school !== undefined) where.push(`k.school = ${lit(filter.school)}`);
  if (filter.kioskIds) where.push(`e.kiosk_id IN (${filter.kioskIds.map(lit).join(', ') || 'NULL'})`);
  if (filter.from !== undefined) where.push(`e.occurred_at >= ${lit(filter.from)}`);
  if (filter.to !== undefined) where.push(`e.occurred_at < ${lit(filter.to)}`);
  if (filter.types) where.push(`e.type IN (${filter.types.map(lit).join(', ') || 'NULL'})`);
  if (filter.deviceId !== undefined) where.push(`e.device_id = ${lit(filter.deviceId)}`);
  if (filter.pupilId !== undefined) where.push(`e.pupil_id = ${lit(filter.pupilId)}`);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}
