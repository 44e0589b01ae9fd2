import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listExports } from '../../../src/core/export/exportHistory';
import { labelContents } from '../../../src/core/labels/content';
import { calibrationOf, layoutSummaries, makeCalibrationPage, makeLabelSheet, setLabelCalibration } from '../../../src/core/labels/sheet';
import { cellAt, layoutById, perPage } from '../../../src/core/labels/layouts';
import { listEvents } from '../../../src/core/services/custody/queries';
import { isValidOwnCode, newOwnCode } from '../../../src/shared/scan/codes';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { inkAt, pdfText, rasterize } from '../../support/pdfRaster';
import { labelFixture, seededBytes, type LabelFixture } from './labelFixture';

describe('what goes on a sticker sheet', () => {
  let f: LabelFixture;
  beforeEach(() => {
    f = labelFixture(6);
  });
  afterEach(() => f.close());
  const ctx = () => f.core.services.context;

  it("a group's sheet holds its pupils' active stickers in Dutch class-list order, with first name and group", () => {
    const labels = labelContents(ctx(), { kind: 'group', groep: '7A' });
    expect(labels.map((l) => l.code)).toEqual(f.stickers.map((s) => s.code));
    expect(labels[0]).toMatchObject({ code: f.stickers[0]!.code, title: f.stickers[0]!.roepnaam, subtitle: 'groep 7A' });
  });

  it('pouch labels carry the pouch number and the bag, in pouch order', () => {
    const labels = labelContents(ctx(), { kind: 'pouches', groep: '7A' });
    expect(labels.map((l) => l.code)).toEqual(f.pouchCodes);
    expect(labels.map((l) => l.title)).toEqual(f.pouchCodes.map((_, i) => `Vak ${i + 1}`));
    expect(labels[0]!.subtitle).toBe('Telefoontas 7A');
  });

  it('fresh codes are valid, all different, and never a code this kiosk already knows', () => {
    const taken = f.stickers[0]!.code;
    const replay = seededBytes(99);
    let first = true;
    const draw = () => {
      if (first) {
        first = false;
        return taken;
      }
      return newOwnCode(replay);
    };
    const labels = labelContents(ctx(), { kind: 'newCodes', count: 40 }, draw);
    expect(labels).toHaveLength(40);
    expect(new Set(labels.map((l) => l.code)).size).toBe(40);
    expect(labels.every((l) => isValidOwnCode(l.code))).toBe(true);
    expect(labels.map((l) => l.code)).not.toContain(taken);
  });

  it('a group with nothing to print says so', () => {
    expect(() => labelContents(ctx(), { kind: 'group', groep: '5C' })).toThrow(expect.objectContaining({ code: 'NOTHING_TO_PRINT' }));
  });

  it("a sheet with a group's names is recorded as an export: the file's SHA-256 and whose stickers by id, no names; fresh codes are not", async () => {
    const before = listEvents(ctx(), { limit: 1 }).events[0]!.seq;
    const sheet = await makeLabelSheet(ctx(), { layout: 'L7160', source: { kind: 'group', groep: '7A' }, start: 1 }, f.officeId);
    await makeLabelSheet(ctx(), { layout: 'L7160', source: { kind: 'newCodes', count: 3 }, start: 1 }, f.officeId);
    const after = listEvents(ctx(), { limit: 5 }).events.filter((e) => e.seq > before);
    expect(after.map((e) => e.type)).toEqual(['export_made']);
    const pupils = f.core.db.prepare("SELECT pupil_id FROM pupils WHERE groep = '7A'").pluck().all() as string[];
    const phones = f.core.db
      .prepare("SELECT device_id FROM devices d JOIN pupils p ON p.pupil_id = d.owner_pupil_id WHERE p.groep = '7A'")
      .pluck()
      .all() as string[];
    const details = after[0]!.details as Record<string, unknown>;
    expect(details).toMatchObject({
      what: 'label_sheet',
      format: 'pdf',
      layout: 'L7160',
      source: 'group',
      groep: '7A',
      filter: { groep: '7A' },
      rows: 6,
      labelCount: 6,
      pages: sheet.pageCount,
      pupilCount: 6,
      sha256: createHash('sha256').update(sheet.pdf).digest('hex'),
    });
    expect([...(details.pupilIds as string[])].sort()).toEqual([...pupils].sort());
    expect([...(details.deviceIds as string[])].sort()).toEqual([...phones].sort());
    expect(JSON.stringify(after[0])).not.toContain(f.stickers[0]!.roepnaam);
    expect(sheet.fileName).toBe('stickers-7A-L7160-2026-09-01.pdf');
    expect(verifyLedger(f.core.db).ok).toBe(true);
    // In the office's list of exports beside the logs, as a sticker sheet of 6 labels.
    expect(listExports(ctx())[0]).toMatchObject({ what: 'label_sheet', format: 'pdf', rows: 6, filter: { groep: '7A' }, sha256: details.sha256 });
  });

  it("a sheet of a group's pouch labels records the pouches and their pupils by id", async () => {
    const sheet = await makeLabelSheet(ctx(), { layout: 'L7651', source: { kind: 'pouches', groep: '7A' }, start: 1 }, f.officeId);
    const details = listEvents(ctx(), { limit: 1 }).events[0]!.details as Record<string, unknown>;
    const pouches = f.core.db
      .prepare("SELECT po.pouch_id FROM pouches po JOIN pupils p ON p.pupil_id = po.pupil_id WHERE p.groep = '7A'")
      .pluck()
      .all() as string[];
    expect(details).toMatchObject({ what: 'label_sheet', source: 'pouches', labelCount: sheet.labelCount, pupilCount: 6, sha256: createHash('sha256').update(sheet.pdf).digest('hex') });
    expect([...(details.pouchIds as string[])].sort()).toEqual([...pouches].sort());
    expect(details).not.toHaveProperty('deviceIds');
  });

  it('a start position beyond the sheet is refused', async () => {
    await expect(
      makeLabelSheet(ctx(), { layout: 'L7163', source: { kind: 'group', groep: '7A' }, start: 15 }, f.officeId),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'start' } });
  });

  it('a calibration is kept per layout, shown with the layouts, and recorded as a settings change', () => {
    const c = { offsetX: 0.5, offsetY: -1, pitchX: 0.1, pitchY: 0 };
    setLabelCalibration(ctx(), 'L7651', c, f.officeId);
    expect(calibrationOf(ctx(), 'L7651')).toEqual(c);
    expect(calibrationOf(ctx(), 'L7160')).toEqual({ offsetX: 0, offsetY: 0, pitchX: 0, pitchY: 0 });
    expect(layoutSummaries(ctx()).find((l) => l.id === 'L7651')).toMatchObject({ perPage: 65, symbology: 'qrcode', calibration: c });
    expect(listEvents(ctx(), { limit: 1 }).events[0]).toMatchObject({ type: 'settings_changed', details: { keys: ['labelCalibration'] } });
  });

  it('the calibration page has a crosshair at every label corner where the printer will put it', async () => {
    const c = { offsetX: 1.5, offsetY: 1, pitchX: 0.3, pitchY: 0.2 };
    setLabelCalibration(ctx(), 'L7160', c, f.officeId);
    const page = await makeCalibrationPage(ctx(), 'L7160');
    expect(page.pageCount).toBe(1);
    const [raster] = rasterize(page.pdf);
    const layout = layoutById('L7160');
    for (const i of [0, perPage(layout) - 1]) {
      const cell = cellAt(layout, 1, i, c);
      expect(inkAt(raster!, cell.x, cell.y)).toBeGreaterThan(100);
      expect(inkAt(raster!, cell.x + cell.width, cell.y + cell.height)).toBeGreaterThan(100);
      // …and not where the uncorrected corner would be.
      expect(inkAt(raster!, cell.x - c.offsetX - 1, cell.y + 1)).toBeLessThan(50);
    }
    const text = pdfText(page.pdf);
    expect(text).toContain('21');
    expect(text).toContain('x +1,5 mm');
  });
});
