import type { LabelCalibration, LabelSymbology } from '../../shared/contract/labels';
import type { LabelContent } from './content';
import { cellAt, type Cell, type LabelLayout } from './layouts';
import { addPage, createPdf, finish, fittedText, mm, type Pdf } from './pdfDocument';
import { barcodeShape, CODE128_MODULE_MM, QR_MODULE_MM, QR_QUIET_MODULES } from './symbology';

export interface SheetOptions {
  start: number;
  calibration: LabelCalibration;
  symbology: LabelSymbology;
  now: Date;
  title: string;
}

/** Keeps bars and text this far inside the label: die-cut sheets sit up to 1.3 mm off. */
const INSET = 1.5;
const PT_TO_MM = 25.4 / 72;

/** The labels in printing order from position `start` of the first sheet, as a PDF. */
export async function renderSheet(layout: LabelLayout, labels: readonly LabelContent[], options: SheetOptions): Promise<{ pdf: Uint8Array; pageCount: number }> {
  const doc = createPdf({ title: options.title, width: layout.pageWidth, height: layout.pageHeight, now: options.now });
  let page = -1;
  labels.forEach((label, index) => {
    const cell = cellAt(layout, options.start, index, options.calibration);
    while (page < cell.page) {
      addPage(doc, layout.pageWidth, layout.pageHeight);
      page++;
    }
    if (options.symbology === 'code128') drawLinearLabel(doc, cell, label);
    else drawSquareLabel(doc, cell, label);
  });
  return { pdf: await finish(doc), pageCount: page + 1 };
}

function fillRects(doc: Pdf, shape: ReturnType<typeof barcodeShape>, x: number, y: number, moduleW: number, moduleH: number): void {
  for (const r of shape.rects) doc.rect(mm(x + r.x * moduleW), mm(y + r.y * moduleH), mm(r.w * moduleW), mm(r.h * moduleH));
  doc.fillColor('black').fill();
}

/** Code 128 across the top, centred (its quiet zones are the white either side), text below. */
function drawLinearLabel(doc: Pdf, cell: Cell, label: LabelContent): void {
  const shape = barcodeShape('code128', label.code);
  const textHeight = 10.5;
  const barHeight = Math.min(15, Math.max(8, cell.height - 2 * INSET - textHeight));
  const width = shape.width * CODE128_MODULE_MM;
  fillRects(doc, shape, cell.x + (cell.width - width) / 2, cell.y + INSET, CODE128_MODULE_MM, barHeight);
  const textWidth = cell.width - 2 * INSET;
  let y = cell.y + INSET + barHeight + 0.6;
  fittedText(doc, label.code, { x: cell.x + INSET, y, width: textWidth, font: 'mono', maxPt: 8, minPt: 6 });
  y += 8 * PT_TO_MM + 0.4;
  const size = fittedText(doc, label.title, { x: cell.x + INSET, y, width: textWidth, font: 'bold', maxPt: 11, minPt: 7 });
  y += (label.title ? size : 0) * PT_TO_MM + 0.6;
  fittedText(doc, label.subtitle, { x: cell.x + INSET, y, width: textWidth, font: 'regular', maxPt: 7, minPt: 6 });
}

/** QR code on the left, vertically centred; name, group and the code to its right. */
function drawSquareLabel(doc: Pdf, cell: Cell, label: LabelContent): void {
  const shape = barcodeShape('qrcode', label.code);
  const quiet = QR_QUIET_MODULES * QR_MODULE_MM;
  const side = shape.width * QR_MODULE_MM;
  // The whole quiet zone inside the label: the gap beside it may be coloured backing.
  const qrX = cell.x + quiet;
  fillRects(doc, shape, qrX, cell.y + (cell.height - side) / 2, QR_MODULE_MM, QR_MODULE_MM);
  const textX = qrX + side + quiet;
  const textWidth = cell.x + cell.width - INSET - textX;
  let y = cell.y + INSET + 1.2;
  const size = fittedText(doc, label.title, { x: textX, y, width: textWidth, font: 'bold', maxPt: 10, minPt: 6, align: 'left' });
  y += (label.title ? size * PT_TO_MM + 1 : 0);
  fittedText(doc, label.subtitle, { x: textX, y, width: textWidth, font: 'regular', maxPt: 7, minPt: 5, align: 'left' });
  fittedText(doc, label.code, { x: textX, y: cell.y + cell.height - INSET - 3.2, width: textWidth, font: 'mono', maxPt: 6, minPt: 5, align: 'left' });
}
