import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNote, parseVerifierKey } from '../../../src/core/evidence/signedNote';
import { exportEvents, type ExportRequest } from '../../../src/core/export/exportEvents';
import { kioskVerifierKey } from '../../../src/core/kiosk/signer';
import { newestEvent } from '../../../src/core/ledger/readModel';
import { chainTreeHead } from '../../../src/core/ledger/treeHead';
import { classFixture, PINS, type ClassFixture } from '../support/custodyFixture';

async function exported(f: ClassFixture, request: Partial<ExportRequest>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await exportEvents(f.s.context, { format: 'csv', filter: {}, language: 'nl', actor: f.office.staffId, ...request }, out);
  return { bytes: Buffer.concat(chunks), report };
}

const csvRows = (bytes: Buffer) => parse(bytes.toString('utf8'), { delimiter: ';', bom: true }) as string[][];

describe('exporting the log', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 3 });
    // Tuesday 17 November 2026, 08:15 on the kiosk's own clock (its time zone).
    f.clock.set(new Date(2026, 10, 17, 8, 15).toISOString());
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.s.scan({ code: 'STK-2', mode: 'hand-in', actor: 'pupil' });
    f.clock.advance(3600_000);
    f.s.confiscate({ deviceId: f.phones[2]!.deviceId, actor: f.teacher.staffId, reason: 'filmen', witnessStaffId: f.witness.staffId, witnessPin: PINS.witness });
    f.s.releaseToGuardian({ deviceId: f.phones[2]!.deviceId, actor: f.office.staffId, guardianName: '=HYPERLINK("http://x","klik")' });
  });
  afterEach(() => f.close());

  it('CSV opens in Dutch Excel: UTF-8 with BOM, semicolons, Dutch headers, dd-mm-jjjj HH:mm', async () => {
    const { bytes, report } = await exported(f, {});
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = csvRows(bytes);
    expect(header?.slice(0, 3)).toEqual(['Volgnummer', 'Tijd', 'Gebeurtenis']);
    expect(rows).toHaveLength(report.rows);
    expect(rows.find((r) => r[2] === 'Ingeleverd')?.[1]).toBe('17-11-2026 08:15');
  });

  it('a cell a person typed that starts with = + - @ is written as text, never as a formula', async () => {
    const rows = csvRows((await exported(f, {})).bytes);
    expect(rows.find((r) => r[2] === 'Meegegeven aan ouder')?.[10]).toBe('\'=HYPERLINK("http://x","klik")');
  });

  it('filters by event type, device, group and day', async () => {
    const types = async (request: Partial<ExportRequest>) => csvRows((await exported(f, request)).bytes).slice(1).map((r) => r[2]);
    expect(await types({ filter: { types: ['handed_in'] } })).toEqual(['Ingeleverd', 'Ingeleverd']);
    // A device's whole history: its registration and sticker, then what happened to it.
    expect(await types({ filter: { deviceId: f.phones[2]!.deviceId } })).toEqual([
      'Apparaat geregistreerd',
      'Sticker of tag gekoppeld',
      'In beslag genomen',
      'Meegegeven aan ouder',
    ]);
    expect(await types({ filter: { groep: 'nobody' } })).toEqual([]);
    expect(await types({ filter: { from: '2026-11-18' } })).toEqual([]);
    expect(await types({ filter: { from: '2026-11-17', to: '2026-11-17', types: ['handed_in'] } })).toEqual(['Ingeleverd', 'Ingeleverd']);
    expect((await types({ filter: { groep: '7B', types: ['handed_in'] } })).length).toBe(2);
  });

  it('is made against a checkpoint the kiosk signs first, and is itself recorded', async () => {
    const { report } = await exported(f, {});
    const kioskId = f.core.kiosk().kioskId;
    expect(report.checkpoint!.treeSize).toBe(newestEvent(f.core.db, { kioskId })!.seq - 1);
    expect(openNote(report.checkpoint!.note, [parseVerifierKey(kioskVerifierKey(f.core.db))]).text).toContain(
      chainTreeHead(f.core.db, kioskId, report.checkpoint!.treeSize).root.toString('base64'),
    );
    expect(newestEvent(f.core.db, { kioskId })).toMatchObject({ type: 'export_made', details: { format: 'csv', rows: report.rows } });
  });

  it('XLSX has a real date column, numbers as numbers, a frozen header and a filter', async () => {
    const { bytes } = await exported(f, { format: 'xlsx', language: 'en' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Seq');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(typeof sheet.getRow(2).getCell(1).value).toBe('number');
    const handIn = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(3).value === 'Handed in')!;
    const time = handIn.getCell(2).value as Date;
    expect(time).toBeInstanceOf(Date);
    expect([time.getUTCDate(), time.getUTCHours(), time.getUTCMinutes()]).toEqual([17, 8, 15]);
  });

  it('the office or an administrator may export; a teacher may not', async () => {
    await expect(exported(f, { actor: f.teacher.staffId })).rejects.toMatchObject({ code: 'NOT_AUTHORISED' });
  });
});
