import type { Writable } from 'node:stream';
import type { ClientBase } from 'pg';
import type { ExportLanguage } from '../export/columns';
import { xlsxTableSink, type SheetColumn } from '../export/writers';
import { centralEventsQuery } from './export';
import type { CentralEventFilter } from './filter';

type Key =
  | 'school' | 'kiosk' | 'kiosk_id' | 'seq' | 'occurred_at' | 'type' | 'actor' | 'custodian' | 'device_id'
  | 'pupil_id' | 'location_id' | 'pouch_id' | 'voids_seq' | 'details' | 'hash';

/** The same columns as the CSV (centralEventsQuery), in the office's language. */
const COLUMNS: readonly (Omit<SheetColumn<Key>, 'header'> & { nl: string; en: string })[] = [
  { key: 'school', nl: 'School', en: 'School', width: 22, kind: 'text' },
  { key: 'kiosk', nl: 'Kiosk', en: 'Kiosk', width: 18, kind: 'text' },
  { key: 'kiosk_id', nl: 'Kiosk-id', en: 'Kiosk id', width: 38, kind: 'text' },
  { key: 'seq', nl: 'Volgnummer', en: 'Seq', width: 11, kind: 'number' },
  { key: 'occurred_at', nl: 'Tijd', en: 'Time', width: 17, kind: 'date' },
  { key: 'type', nl: 'Gebeurtenis', en: 'Event', width: 20, kind: 'text' },
  { key: 'actor', nl: 'Door', en: 'By', width: 18, kind: 'text' },
  { key: 'custodian', nl: 'In bewaring bij', en: 'Held by', width: 18, kind: 'text' },
  { key: 'device_id', nl: 'Apparaat', en: 'Device', width: 24, kind: 'text' },
  { key: 'pupil_id', nl: 'Leerling', en: 'Pupil', width: 24, kind: 'text' },
  { key: 'location_id', nl: 'Plaats', en: 'Place', width: 18, kind: 'text' },
  { key: 'pouch_id', nl: 'Vak', en: 'Pouch', width: 10, kind: 'text' },
  { key: 'voids_seq', nl: 'Herstelt', en: 'Voids', width: 9, kind: 'number' },
  { key: 'details', nl: 'Details', en: 'Details', width: 40, kind: 'text' },
  { key: 'hash', nl: 'Hash', en: 'Hash', width: 66, kind: 'text' },
];

/** Rows per FETCH: a batch is one sheet write; memory holds one batch, never the board's millions. */
const BATCH = 2000;

type Raw = Record<Key, string | null>;

/**
 * The cross-kiosk log as XLSX, the same rows in the same order as the CSV, written by the
 * kiosk's own streaming XLSX writer. The rows come through a server-side cursor inside one
 * read-only transaction: one snapshot from the first row to the last (a sync arriving meanwhile
 * is not half in the file), and one batch in memory at a time.
 */
export async function exportCentralXlsx(
  client: ClientBase,
  out: Writable,
  filter: CentralEventFilter = {},
  options: { language: ExportLanguage } = { language: 'nl' },
): Promise<number> {
  const sink = xlsxTableSink<Key>(out, {
    columns: COLUMNS.map((c) => ({ key: c.key, header: c[options.language], width: c.width, kind: c.kind })),
    sheetName: options.language === 'nl' ? 'Bestuur' : 'Board',
  });
  let rows = 0;
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query(`DECLARE board_export NO SCROLL CURSOR FOR ${centralEventsQuery(client, filter)}`);
    for (;;) {
      const batch = await client.query<Raw>(`FETCH ${BATCH} FROM board_export`);
      if (batch.rows.length === 0) break;
      await sink.write(
        batch.rows.map((r) => ({
          ...r,
          seq: Number(r.seq),
          voids_seq: r.voids_seq === null ? null : Number(r.voids_seq),
        })),
      );
      rows += batch.rows.length;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await sink.close();
  return rows;
}
