import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import { isBlankRow, type Table } from './table';

/**
 * The first worksheet of an Excel workbook as text cells, with the sheet's row numbers. A cell's
 * text is what Excel shows: a pupil number typed as text keeps its zeros; one stored as a number
 * has already lost them in the file itself.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_UNREADABLE', { format: 'xlsx', reason: 'xlsx_unreadable' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_UNREADABLE', { format: 'xlsx', reason: 'empty' });
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(row.getCell(col).text ?? '');
    rows.push({ line: rowNumber, cells });
  });
  const nonBlank = rows.filter((r) => !isBlankRow(r.cells));
  const header = nonBlank[0];
  if (!header) throw new AppError('IMPORT_UNREADABLE', { format: 'xlsx', reason: 'empty' });
  return { headers: header.cells.map((c) => c.trim()), headerLine: header.line, exactColumns: false, rows: nonBlank.slice(1) };
}
