import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAt, labelLayouts, perPage } from '../../../src/core/labels/layouts';
import { makeLabelSheet, setLabelCalibration } from '../../../src/core/labels/sheet';
import { symbologyFor } from '../../../src/core/labels/symbology';
import { noCalibration, type LabelLayoutId, type LabelSource } from '../../../src/shared/contract/labels';
import { createImageDecoder } from '../../../src/shared/scan/imageDecode';
import { crop, pdfText, rasterize, requireTools, zbarRead } from '../../support/pdfRaster';
import { labelFixture, type LabelFixture } from './labelFixture';

/**
 * Label round trip: every layout is printed to PDF, rasterised at 300 dpi as a printer would, cut
 * into its cells by the layout's own geometry, and each cell read by our decoder and by zbar.
 */
const decoder = createImageDecoder({ tryHarder: true });
const ours = (image: { width: number; height: number; data: Uint8Array }) => decoder.decodeRgba(image.width, image.height, image.data)?.text ?? null;

const cases: { layout: LabelLayoutId; source: LabelSource['kind']; start: number }[] = [
  { layout: 'L7651', source: 'group', start: 1 },
  { layout: 'L7160', source: 'group', start: 5 },
  { layout: 'L7163', source: 'pouches', start: 1 },
  { layout: '3x8', source: 'group', start: 23 },
  { layout: 'single62', source: 'group', start: 1 },
];

describe('label round trip (pdftoppm at 300 dpi, our decoder and zbarimg)', () => {
  let f: LabelFixture;
  beforeAll(() => {
    requireTools();
    f = labelFixture(12);
  });
  afterAll(() => f?.close());

  it('covers every layout', () => {
    expect(new Set(cases.map((c) => c.layout))).toEqual(new Set(labelLayouts.map((l) => l.id)));
  });

  for (const { layout: id, source: kind, start } of cases) {
    const layout = labelLayouts.find((l) => l.id === id)!;
    it(`${id} (${symbologyFor(layout)}, from label ${start}): every code scans back exactly, in its own cell, by both decoders`, async () => {
      const source: LabelSource = kind === 'pouches' ? { kind, groep: '7A' } : { kind: 'group', groep: '7A' };
      const sheet = await makeLabelSheet(f.core.services.context, { layout: id, source, start }, f.officeId);
      const expected = kind === 'pouches' ? f.pouchCodes : f.stickers.map((s) => s.code);
      expect(sheet.codes).toEqual(expected);
      const pages = rasterize(sheet.pdf);
      expect(pages).toHaveLength(Math.ceil((start - 1 + expected.length) / perPage(layout)));
      expect(sheet.pageCount).toBe(pages.length);

      const cells = expected.map((_, i) => cellAt(layout, start, i, noCalibration));
      const images = cells.map((cell) => crop(pages[cell.page]!, cell));
      expect(images.map(ours)).toEqual(expected);
      expect(zbarRead(images)).toEqual(expected);

      // The labels a partly used sheet already lacks stay blank.
      const skipped = Array.from({ length: start - 1 }, (_, i) => crop(pages[0]!, cellAt(layout, 1, i, noCalibration)));
      expect(skipped.map(ours)).toEqual(skipped.map(() => null));

      const text = pdfText(sheet.pdf);
      for (const code of expected) expect(text).toContain(code);
      if (kind === 'group') for (const s of f.stickers) expect(text).toContain(s.roepnaam);
      else for (let n = 1; n <= expected.length; n++) expect(text).toContain(`Vak ${n}`);
    });
  }

  it('a calibrated printer: shifted and stretched, each code is still in its (moved) cell', async () => {
    const calibration = { offsetX: 1.8, offsetY: -1.2, pitchX: 0.6, pitchY: -0.4 };
    setLabelCalibration(f.core.services.context, 'L7160', calibration, f.officeId);
    try {
      const sheet = await makeLabelSheet(f.core.services.context, { layout: 'L7160', source: { kind: 'group', groep: '7A' }, start: 1 }, f.officeId);
      const pages = rasterize(sheet.pdf);
      const layout = labelLayouts.find((l) => l.id === 'L7160')!;
      const images = sheet.codes.map((_, i) => {
        const cell = cellAt(layout, 1, i, calibration);
        return crop(pages[cell.page]!, cell);
      });
      expect(images.map(ours)).toEqual(sheet.codes);
      expect(zbarRead(images)).toEqual(sheet.codes);
    } finally {
      setLabelCalibration(f.core.services.context, 'L7160', noCalibration, f.officeId);
    }
  });
});
