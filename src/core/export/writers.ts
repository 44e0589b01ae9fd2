import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatTime, safeText, wallClockDate, type DateStyle } from './cells';
import { EXPORT_COLUMNS, type ExportLanguage, type ExportRow } from './columns';

/** Where rows go, a batch at a time; `write` resolves when the output is ready for the next batch. */
export interface RowSink {
  write(rows: readonly ExportRow[]): Promise<void>;
  close(): Promise<void>;
}

export interface CsvOptions {
  language: ExportLanguage;
  /** ';' is what a Dutch Excel splits on when the file is opened by double-click. */
  delimiter: ';' | ',';
  dates: DateStyle;
}

/**
 * CSV in UTF-8 with a BOM (without one Excel reads UTF-8 as Windows-1252 and mangles "Zoë"),
 * RFC 4180 quoting, CRLF line ends. A batch becomes one string and one write, and the next
 * batch waits for the output to drain: a million rows cost a million lines, not a million
 * promises and stream chunks, and memory holds one batch.
 */
export function csvSink(out: Writable, options: CsvOptions): RowSink {
  const { delimiter } = options;
  const needsQuotes = delimiter === ';' ? /[;"\r\n]/ : /[,"\r\n]/;
  const cell = (text: string) => (needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const time = minuteMemo((iso) => formatTime(iso, options.dates), options.dates === 'nl');
  const line = (row: ExportRow) => {
    let text = '';
    for (const { key } of EXPORT_COLUMNS) {
      const value = row[key];
      if (key !== 'seq') text += delimiter;
      if (key === 'occurredAt') text += cell(time(String(value)));
      else if (typeof value === 'number') text += String(value);
      else if (value !== null) text += cell(safeText(value));
    }
    return `${text}\r\n`;
  };
  let started = false;
  const start = () => {
    if (started) return '';
    started = true;
    return `\ufeff${EXPORT_COLUMNS.map((c) => cell(c[options.language])).join(delimiter)}\r\n`;
  };
  return {
    async write(rows) {
      let text = start();
      for (const row of rows) text += line(row);
      if (!out.write(text)) await drained(out);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        out.once('finish', resolve).once('error', reject);
        out.end(start());
      }),
  };
}

/**
 * A per-minute memo of a time format: dd-mm-jjjj HH:mm is the same for every event of a minute,
 * and the ISO text's first 16 characters name the minute (time zones are offset by whole minutes).
 */
function minuteMemo(format: (iso: string) => string, byMinute: boolean): (iso: string) => string {
  if (!byMinute) return format;
  let key = '';
  let value = '';
  return (iso) => {
    const minute = iso.slice(0, 16);
    if (minute !== key) {
      key = minute;
      value = format(iso);
    }
    return value;
  };
}

/** Resolves when `out` has room again, or rejects if it fails first (one listener pair per wait). */
export function drained(out: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      out.off('drain', onDrain);
      reject(error);
    };
    const onDrain = () => {
      out.off('error', onError);
      resolve();
    };
    out.once('drain', onDrain).once('error', onError);
  });
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
    async write(rows) {
      for (const row of rows) {
        const values = EXPORT_COLUMNS.map(({ key }) => {
          const value = row[key];
          if (key === 'occurredAt') return wallClockDate(String(value));
          // Text cells are never formulas in XLSX (they are stored as strings), but a copy-paste
          // into another sheet would turn "=…" into one again: the same apostrophe as the CSV.
          return typeof value === 'string' ? safeText(value) : value;
        });
        sheet.addRow(values).commit();
      }
      await Promise.resolve();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
