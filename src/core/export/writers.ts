import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { formatTime, safeText, wallClockDate, type DateStyle } from './cells';
import { EXPORT_COLUMNS, type ExportLanguage, type ExportRow } from './columns';

/** Where rows go, a page at a time; `write` resolves when the output has taken the row in. */
export interface RowSink {
  write(row: ExportRow): Promise<void>;
  close(): Promise<void>;
}

export interface CsvOptions {
  language: ExportLanguage;
  /** ';' is what a Dutch Excel splits on when the file is opened by double-click. */
  delimiter: ';' | ',';
  dates: DateStyle;
}

/** CSV in UTF-8 with a BOM (without one Excel reads UTF-8 as Windows-1252 and mangles "Zoë"). */
export function csvSink(out: Writable, options: CsvOptions): RowSink {
  const csv = stringify({ bom: true, delimiter: options.delimiter, record_delimiter: 'windows' });
  csv.pipe(out);
  const put = (record: (string | number)[]) =>
    new Promise<void>((resolve, reject) => {
      if (csv.write(record)) return resolve();
      // Both listeners go once either fires: a million rows must not pile up error listeners.
      const onError = (error: Error) => {
        csv.off('drain', onDrain);
        reject(error);
      };
      const onDrain = () => {
        csv.off('error', onError);
        resolve();
      };
      csv.once('drain', onDrain).once('error', onError);
    });
  let header = false;
  return {
    async write(row) {
      if (!header) {
        header = true;
        await put(EXPORT_COLUMNS.map((c) => c[options.language]));
      }
      await put(
        EXPORT_COLUMNS.map(({ key }) => {
          const value = row[key];
          if (key === 'occurredAt') return formatTime(String(value), options.dates);
          if (value === null) return '';
          return typeof value === 'number' ? value : safeText(value);
        }),
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!header) csv.write(EXPORT_COLUMNS.map((c) => c[options.language]));
        out.once('finish', resolve).once('error', reject);
        csv.end();
      }),
  };
}

/**
 * XLSX written as it goes (exceljs's streaming writer commits each row), so memory stays flat at
 * a million events: a real date column, numbers as numbers, everything else as text, a frozen
 * header row with a filter on it.
 */
export function xlsxSink(out: Writable, options: { language: ExportLanguage; sheetName: string }): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({
    header: c[options.language],
    key: c.key,
    width: c.width,
    ...(c.key === 'occurredAt' ? { style: { numFmt: 'dd-mm-yyyy hh:mm' } } : {}),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  return {
    async write(row) {
      const values = EXPORT_COLUMNS.map(({ key }) => {
        const value = row[key];
        if (key === 'occurredAt') return wallClockDate(String(value));
        // Text cells are never formulas in XLSX (they are stored as strings), but a copy-paste
        // into another sheet would turn "=…" into one again: the same apostrophe as the CSV.
        return typeof value === 'string' ? safeText(value) : value;
      });
      sheet.addRow(values).commit();
      await Promise.resolve();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
