import { describe, expect, it } from 'vitest';
import { cellAt, labelLayouts, layoutById, perPage } from '../../../src/core/labels/layouts';
import { barcodeShape, CODE128_MODULE_MM, code128Modules, QR_MODULE_MM, QR_QUIET_MODULES, symbologyFor } from '../../../src/core/labels/symbology';
import { noCalibration } from '../../../src/shared/contract/labels';
import { newOwnCode, OWN_CODE_LENGTH } from '../../../src/shared/scan/codes';
import { seededBytes } from './labelFixture';

describe('label layouts', () => {
  it('hold the counts and sizes of the issue: 65, 21, 14, 24 per A4 and single 62 mm labels', () => {
    const summary = labelLayouts.map((l) => [l.id, perPage(l), l.labelWidth, l.labelHeight]);
    expect(summary).toEqual([
      ['L7651', 65, 38.1, 21.2],
      ['L7160', 21, 63.5, 38.1],
      ['L7163', 14, 99.1, 38.1],
      ['3x8', 24, 70, 37],
      ['single62', 1, 62, 29],
    ]);
  });

  it('every label of every layout lies on its page, and no two labels overlap', () => {
    for (const layout of labelLayouts) {
      const cells = Array.from({ length: perPage(layout) }, (_, i) => cellAt(layout, 1, i, noCalibration));
      for (const c of cells) {
        expect(c.page).toBe(0);
        expect(c.x).toBeGreaterThanOrEqual(0);
        expect(c.y).toBeGreaterThanOrEqual(0);
        expect(c.x + c.width).toBeLessThanOrEqual(layout.pageWidth + 1e-9);
        expect(c.y + c.height).toBeLessThanOrEqual(layout.pageHeight + 1e-9);
      }
      expect(layout.pitchX).toBeGreaterThanOrEqual(layout.labelWidth);
      expect(layout.pitchY).toBeGreaterThanOrEqual(layout.labelHeight);
    }
  });

  it('A4 sheets are centred on the page, as their makers cut them', () => {
    for (const layout of labelLayouts.filter((l) => l.pageWidth === 210)) {
      const last = cellAt(layout, 1, perPage(layout) - 1, noCalibration);
      expect(210 - (last.x + last.width)).toBeCloseTo(layout.left, 5);
      expect(297 - (last.y + last.height)).toBeCloseTo(layout.top, 5);
    }
  });

  it('a start position skips the used labels row by row and carries over to the next sheet', () => {
    const l7160 = layoutById('L7160');
    expect(cellAt(l7160, 5, 0, noCalibration)).toMatchObject({ page: 0, position: 5, row: 1, column: 1 });
    expect(cellAt(l7160, 5, 17, noCalibration)).toMatchObject({ page: 1, position: 1, row: 0, column: 0 });
  });

  it('a calibration moves the grid and stretches each step from label to label', () => {
    const layout = layoutById('L7651');
    const c = { offsetX: 1, offsetY: -0.5, pitchX: 0.2, pitchY: -0.1 };
    const cell = cellAt(layout, 1, layout.columns + 2, c); // row 1, column 2
    expect(cell.x).toBeCloseTo(layout.left + 1 + 2 * (layout.pitchX + 0.2), 9);
    expect(cell.y).toBeCloseTo(layout.top - 0.5 + 1 * (layout.pitchY - 0.1), 9);
  });
});

describe('what physically fits on a label', () => {
  it('a Code 128 of an 11-character code is about 44 mm at a 0.25 mm module, quiet zones included', () => {
    expect(code128Modules(OWN_CODE_LENGTH) * 0.25).toBeCloseTo(44, 0);
  });

  it("bwip-js encodes our codes in exactly that many modules (the symbology choice's premise)", () => {
    const random = seededBytes(3);
    for (let i = 0; i < 50; i++) {
      expect(barcodeShape('code128', newOwnCode(random)).width + 20).toBe(code128Modules(OWN_CODE_LENGTH));
    }
  });

  it('Code 128 where it fits at 0.339 mm a module, QR on L7651', () => {
    expect(Object.fromEntries(labelLayouts.map((l) => [l.id, symbologyFor(l)]))).toEqual({
      L7651: 'qrcode',
      L7160: 'code128',
      L7163: 'code128',
      '3x8': 'code128',
      single62: 'code128',
    });
    for (const l of labelLayouts.filter((x) => symbologyFor(x) === 'code128')) {
      expect(code128Modules(OWN_CODE_LENGTH) * CODE128_MODULE_MM).toBeLessThanOrEqual(l.labelWidth);
    }
  });

  it('the QR code of one of our codes is version 1 (21 × 21) and fits L7651 with its quiet zone', () => {
    const shape = barcodeShape('qrcode', newOwnCode(seededBytes(4)));
    expect([shape.width, shape.height]).toEqual([21, 21]);
    const side = (shape.width + 2 * QR_QUIET_MODULES) * QR_MODULE_MM;
    expect(side).toBeLessThan(layoutById('L7651').labelHeight);
    expect(QR_MODULE_MM).toBeGreaterThanOrEqual(0.25);
  });
});
