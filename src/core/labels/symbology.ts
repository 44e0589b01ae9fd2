import bwipjs from 'bwip-js/node';
import type { LabelSymbology } from '../../shared/contract/labels';
import { OWN_CODE_LENGTH } from '../../shared/scan/codes';
import type { LabelLayout } from './layouts';

/**
 * Which barcode fits which label, decided by physics rather than by taste.
 *
 * Code 128 needs 11 modules per character plus start, check and stop (35) and a quiet zone of
 * 10 modules each side: 176 modules for our 11-character codes. We print its module at 0.339 mm
 * (4 dots of a 300 dpi printer, 8 of a 600 dpi one): cheap office lasers smear a 0.25 mm module
 * (3 dots) enough to make bars unreadable, and whole dots keep every bar the same width.
 * 176 × 0.339 mm = 59.7 mm: that fits the 62, 63.5, 70 and 99.1 mm wide labels, not L7651's 38.1.
 *
 * Where Code 128 does not fit, a QR code (version 1, 21 × 21 modules, error correction Q) at
 * 0.508 mm per module (6 dots at 300 dpi) plus its 4-module quiet zone: 14.7 mm square. QR and
 * not Data Matrix, although Data Matrix would be smaller: both our own decoder and an independent
 * one (zbar, what many scanner apps use) read QR, so every sheet can be checked by two.
 */
export const CODE128_MODULE_MM = 4 * (25.4 / 300);
export const CODE128_QUIET_MODULES = 10;
export const QR_MODULE_MM = 6 * (25.4 / 300);
export const QR_QUIET_MODULES = 4;

/** Width of a Code 128 of an `n`-character code-set-B text, quiet zones included, in modules. */
export const code128Modules = (characters: number): number => 11 * characters + 35 + 2 * CODE128_QUIET_MODULES;

export function symbologyFor(layout: Pick<LabelLayout, 'labelWidth'>): LabelSymbology {
  return code128Modules(OWN_CODE_LENGTH) * CODE128_MODULE_MM <= layout.labelWidth ? 'code128' : 'qrcode';
}

/** Dark rectangles in module units, origin top left; the PDF writer scales them to millimetres. */
export interface BarcodeShape {
  /** Width and height of the symbol itself in modules (quiet zones not included). */
  width: number;
  height: number;
  rects: { x: number; y: number; w: number; h: number }[];
}

/**
 * The symbol from bwip-js's encoder as rectangles, so the PDF holds sharp vector bars at exactly
 * the module size above. A Code 128's height is 1 module here: the writer stretches it.
 */
export function barcodeShape(symbology: LabelSymbology, text: string): BarcodeShape {
  if (symbology === 'code128') {
    const [encoded] = bwipjs.raw('code128', text, '') as { sbs: number[] }[];
    if (!encoded) throw new Error('bwip-js returned no Code 128');
    const rects: BarcodeShape['rects'] = [];
    let x = 0;
    encoded.sbs.forEach((width, i) => {
      // sbs alternates bar, space, bar, … starting with a bar.
      if (i % 2 === 0) rects.push({ x, y: 0, w: width, h: 1 });
      x += width;
    });
    return { width: x, height: 1, rects };
  }
  const [matrix] = bwipjs.raw('qrcode', text, 'eclevel=Q') as { pixs: number[]; pixx: number; pixy: number }[];
  if (!matrix) throw new Error('bwip-js returned no QR code');
  const rects: BarcodeShape['rects'] = [];
  for (let y = 0; y < matrix.pixy; y++) {
    // One rectangle per horizontal run of dark modules: fewer operators, a smaller file.
    for (let x = 0; x < matrix.pixx; ) {
      if (matrix.pixs[y * matrix.pixx + x] !== 1) {
        x++;
        continue;
      }
      const from = x;
      while (x < matrix.pixx && matrix.pixs[y * matrix.pixx + x] === 1) x++;
      rects.push({ x: from, y, w: x - from, h: 1 });
    }
  }
  return { width: matrix.pixx, height: matrix.pixy, rects };
}
