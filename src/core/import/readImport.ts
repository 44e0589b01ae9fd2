import { createHash } from 'node:crypto';
import type { ColumnMapping, ImportFormat, ImportProblem, LeftOutField } from '../../shared/contract/pupilImport';
import { readCsv } from './csv';
import { decodeText } from './decode';
import { detectFormat } from './detect';
import { readEdexml } from './edexml';
import { guessMapping, mapRows } from './mapping';
import { checkPupils, type ImportedPupil } from './pupilRecord';
import type { Table } from './table';
import { readXlsx } from './xlsx';

export interface ImportFileInput {
  fileName: string;
  bytes: Uint8Array;
  /** For CSV/XLSX; without it the guessed mapping is used. */
  mapping?: ColumnMapping | undefined;
}

/** A file read and checked, before it is compared with the kiosk's pupils. */
export interface ImportRead {
  format: ImportFormat;
  version: string | null;
  fileSha256: string;
  columns: string[] | null;
  mapping: ColumnMapping | null;
  /** The pupils without problems; the import is refused while `problems` is not empty. */
  pupils: ImportedPupil[];
  problems: ImportProblem[];
  leftOut: LeftOutField[];
}

/** Reads any supported file into pupils; only the XLSX reader is asynchronous. */
export async function readImportFile(input: ImportFileInput): Promise<ImportRead> {
  const format = detectFormat(input.fileName, input.bytes);
  const fileSha256 = createHash('sha256').update(input.bytes).digest('hex');
  if (format === 'edexml') {
    const read = readEdexml(decodeText(input.bytes).text);
    const checked = checkPupils(read.pupils);
    return finish({
      format,
      version: read.version,
      fileSha256,
      columns: null,
      mapping: null,
      pupils: checked.pupils,
      problems: [...read.problems, ...checked.problems],
      leftOut: read.leftOut,
    });
  }
  const table = format === 'xlsx' ? await readXlsx(input.bytes) : readCsv(input.bytes);
  const mapping = input.mapping ?? guessMapping(table.headers);
  const mapped = mapRows(table, mapping);
  const checked = checkPupils(mapped.pupils);
  return finish({
    format,
    version: null,
    fileSha256,
    columns: table.headers,
    mapping,
    pupils: checked.pupils,
    problems: [...mapped.problems, ...checked.problems],
    leftOut: unmappedColumns(table, mapping),
  });
}

function finish(read: ImportRead): ImportRead {
  read.problems.sort((a, b) => a.line - b.line);
  if (read.pupils.length === 0 && read.problems.length === 0) read.problems.push({ line: 0, field: null, reason: 'no_pupils' });
  return read;
}

/** Columns the kiosk does not keep (a birth date, an address), by header and how many rows filled them. */
function unmappedColumns(table: Table, mapping: ColumnMapping): LeftOutField[] {
  const mapped = new Set(Object.values(mapping));
  return table.headers.flatMap((header, i) => {
    if (!header || mapped.has(header)) return [];
    const count = table.rows.filter((r) => (r.cells[i] ?? '').trim() !== '').length;
    return count > 0 ? [{ field: header, count }] : [];
  });
}
