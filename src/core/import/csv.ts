import { parse } from 'csv-parse/sync';
import { AppError } from '../../shared/errors';
import { decodeText } from './decode';
import { isBlankRow, type Table } from './table';

/**
 * A CSV class list: Dutch Excel writes `;`, others `,`; the header line decides (the one that
 * occurs more often outside quotes). Rows keep their line numbers; a row with another number of
 * cells than the header is kept as is, so the mapping step can name it.
 */
export function readCsv(bytes: Uint8Array): Table {
  const { text } = decodeText(bytes);
  const delimiter = guessDelimiter(firstLine(text));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : undefined;
    throw new AppError('IMPORT_UNREADABLE', { format: 'csv', reason: 'csv_malformed', ...(line !== undefined ? { line } : {}) });
  }
  const rows = records.map((r) => ({ line: r.info.lines, cells: r.record }));
  const headerIndex = rows.findIndex((r) => !isBlankRow(r.cells));
  if (headerIndex < 0) throw new AppError('IMPORT_UNREADABLE', { format: 'csv', reason: 'empty' });
  const header = rows[headerIndex]!;
  return {
    headers: header.cells.map((c) => c.trim()),
    headerLine: header.line,
    exactColumns: true,
    rows: rows.slice(headerIndex + 1).filter((r) => !isBlankRow(r.cells)),
  };
}

function firstLine(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return '';
  const end = text.indexOf('\n', start);
  return end < 0 ? text.slice(start) : text.slice(start, end);
}

function guessDelimiter(line: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}
