import type { Writable } from 'node:stream';
import { drained } from './drained';
import { formatTime, safeText, wallClockDate, type DateStyle } from './cells';
import { ZipStream } from './zipStream';
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
  const quoted = (text: string) => (needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  // One test for both rules: most cells hold none of these characters and are written as they are.
  const special = delimiter === ';' ? /[;"\r\n=+\-@\t]/ : /[,"\r\n=+\-@\t]/;
  const cell = (text: string) => (special.test(text) ? quoted(safeText(text)) : text);
  const time = minuteMemo((iso) => formatTime(iso, options.dates), options.dates === 'nl');
  const line = (row: ExportRow) => {
    let text = '';
    for (const { key } of EXPORT_COLUMNS) {
      const value = row[key];
      if (key !== 'seq') text += delimiter;
      // A time (digits, '-', ':', 'T', '.', 'Z'), the kiosk's id (a UUID) and the hash (hex) are
      // never quoted nor a formula: written as they are.
      if (key === 'occurredAt') text += time(String(value));
      else if (key === 'kioskId' || key === 'hash') text += value as string;
      else if (typeof value === 'number') text += String(value);
      else if (value !== null) text += cell(value);
    }
    return `${text}\r\n`;
  };
  let started = false;
  const start = () => {
    if (started) return '';
    started = true;
    return `\ufeff${EXPORT_COLUMNS.map((c) => quoted(c[options.language])).join(delimiter)}\r\n`;
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

/** A spreadsheet column: its header, width, and what its cells hold (a date is an ISO 8601 text). */
export interface SheetColumn<K extends string> {
  key: K;
  header: string;
  width: number;
  kind: 'date' | 'number' | 'text';
}

export type SheetRow<K extends string> = Readonly<Record<K, string | number | null>>;

/** The kiosk's own log as XLSX: its columns in the office's language (see `xlsxTableSink`). */
export function xlsxSink(out: Writable, options: { language: ExportLanguage; sheetName: string }): RowSink {
  const columns = EXPORT_COLUMNS.map((c) => ({
    key: c.key,
    header: c[options.language],
    width: c.width,
    kind: c.key === 'occurredAt' ? ('date' as const) : NUMBER_KEYS.has(c.key) ? ('number' as const) : ('text' as const),
  }));
  return xlsxTableSink<keyof ExportRow>(out, { columns, sheetName: options.sheetName });
}

/**
 * XLSX written as it goes: the sheet's XML is made here a batch at a time and deflated into the
 * archive (zipStream.ts), so memory stays flat at a million events; exceljs's streaming writer
 * took minutes and a gigabyte for the same rows. A real date column, numbers as numbers, text
 * as text (inline strings in text-formatted columns), a frozen header row with a filter on it.
 * One writer for every table the app exports (the kiosk's log, the board's cross-kiosk log).
 */
export function xlsxTableSink<K extends string>(
  out: Writable,
  options: { columns: readonly SheetColumn<K>[]; sheetName: string },
): { write(rows: readonly SheetRow<K>[]): Promise<void>; close(): Promise<void> } {
  const { columns } = options;
  if (columns.length > 26) throw new Error('xlsxTableSink: at most 26 columns (A–Z)');
  const letters = columns.map((_, i) => String.fromCharCode(65 + i));
  const zip = new ZipStream(out);
  let sheet: Promise<{ write(text: string): Promise<void>; close(): Promise<void> }> | null = null;
  let rowNumber = 1;
  const begin = () => {
    sheet ??= zip.open('xl/worksheets/sheet1.xml').then(async (entry) => {
      await entry.write(sheetStart(columns, letters));
      return entry;
    });
    return sheet;
  };
  const time = wallClockSerial();
  return {
    async write(rows) {
      const entry = await begin();
      let xml = '';
      for (const row of rows) {
        rowNumber++;
        xml += `<row r="${rowNumber}">`;
        for (let i = 0; i < columns.length; i++) {
          const { key, kind } = columns[i] as SheetColumn<K>;
          const value = row[key];
          const ref = `${letters[i]}${rowNumber}`;
          if (value === null || value === '') continue;
          if (kind === 'date') xml += `<c r="${ref}" s="1"><v>${time(String(value))}</v></c>`;
          else if (kind === 'number' && typeof value === 'number') xml += `<c r="${ref}"><v>${value}</v></c>`;
          // Text cells are never formulas in XLSX (they are stored as strings), but a copy-paste
          // into another sheet would turn "=…" into one again: the same apostrophe as the CSV.
          else xml += `<c r="${ref}" s="3" t="inlineStr"><is><t xml:space="preserve">${xmlText(safeText(String(value)))}</t></is></c>`;
        }
        xml += '</row>';
      }
      await entry.write(xml);
    },
    async close() {
      const entry = await begin();
      const range = `A1:${letters[columns.length - 1]}${rowNumber}`;
      await entry.write(`</sheetData><autoFilter ref="${range}"/></worksheet>`);
      await entry.close();
      for (const [name, xml] of workbookParts(options.sheetName, range)) await zip.add(name, xml);
      await zip.finish();
    },
  };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML character data; characters XML 1.0 cannot hold at all are left out. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text)) return text;
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * The wall-clock time as a spreadsheet serial (days since 1899-12-30, no time zone): the cell
 * shows the time the school saw. The offset is looked up once per hour of events.
 */
function wallClockSerial(): (iso: string) => number {
  let hour = '';
  let offsetMs = 0;
  return (iso) => {
    if (iso.slice(0, 13) !== hour) {
      hour = iso.slice(0, 13);
      offsetMs = wallClockDate(iso).getTime() - Date.parse(iso);
    }
    return (Date.parse(iso) + offsetMs) / 86_400_000 + 25_569;
  };
}

function sheetStart(columns: readonly SheetColumn<string>[], letters: readonly string[]): string {
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.kind === 'date' ? ' style="1"' : c.kind === 'text' ? ' style="3"' : ''}/>`)
    .join('');
  const header = columns.map((c, i) => `<c r="${letters[i]}1" s="2" t="inlineStr"><is><t>${xmlText(c.header)}</t></is></c>`).join('');
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`
  );
}

const NUMBER_KEYS = new Set<keyof ExportRow>(['seq', 'voids', 'voidedBy']);

/** The parts around the sheet: content types, relationships, the workbook (with the filter's name) and the styles. */
function workbookParts(sheetName: string, range: string): [string, string][] {
  const name = xmlText(sheetName.replaceAll("'", "''"));
  const absolute = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
        `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${name}'!${absolute}</definedName></definedNames></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy hh:mm"/></numFmts>` +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
        '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ],
  ];
}
