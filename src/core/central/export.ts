import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { centralWhere, type CentralEventFilter } from './filter';

export type { CentralEventFilter } from './filter';

export interface CentralCsvOptions {
  /**
   * For a double-click in Dutch Excel: a byte-order mark, `;` between cells, and a cell that
   * would start with = + - @ (a formula: school and kiosk names are typed by people) led by '.
   * Off, the bytes are PostgreSQL's plain CSV (what the CLI writes, for tools).
   */
  excel?: boolean;
}

const TEXT_COLUMNS = ['k.school', 'k.name', 'e.actor', 'e.custodian', 'e.details'];
const asText = (column: string) => `CASE WHEN ${column} ~ '^[=+@-]' THEN '''' || ${column} ELSE ${column} END`;

/**
 * The cross-kiosk log as CSV, made by the server itself (COPY … TO STDOUT) and streamed to `out`:
 * a board's millions of events never sit in memory, and the bytes are PostgreSQL's own CSV.
 * Filter values go in as literals, escaped by the driver: COPY takes no parameters.
 */
export function centralEventsQuery(client: ClientBase, filter: CentralEventFilter = {}, options: CentralCsvOptions = {}): string {
  const col = (c: string) => (options.excel && TEXT_COLUMNS.includes(c) ? asText(c) : c);
  return `SELECT ${col('k.school')} AS school, ${col('k.name')} AS kiosk, e.kiosk_id, e.seq, e.occurred_at, e.type,
      ${col('e.actor')} AS actor, ${col('e.custodian')} AS custodian, e.device_id, e.pupil_id, e.location_id, e.pouch_id,
      e.voids_seq, ${col('e.details')} AS details, encode(e.hash, 'hex') AS hash
    FROM central.events e JOIN central.kiosks k USING (kiosk_id)
    ${centralWhere(client, filter)}
    ORDER BY k.school, k.name, e.kiosk_id, e.seq`;
}

export async function exportCentralCsv(
  client: ClientBase,
  out: Writable,
  filter: CentralEventFilter = {},
  options: CentralCsvOptions = {},
): Promise<number> {
  const format = options.excel ? "FORMAT csv, HEADER true, DELIMITER ';'" : 'FORMAT csv, HEADER true';
  const stream = client.query(copyTo(`COPY (${centralEventsQuery(client, filter, options)}) TO STDOUT WITH (${format})`));
  if (options.excel) out.write('\uFEFF');
  await pipeline(stream, out);
  return stream.rowCount;
}
