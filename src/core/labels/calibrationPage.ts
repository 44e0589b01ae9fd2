import type { LabelCalibration } from '../../shared/contract/labels';
import { cellAt, perPage, type LabelLayout } from './layouts';
import { addPage, createPdf, finish, fittedText, mm, useFont, type Pdf } from './pdfDocument';

const ARM = 3;

/**
 * A page for plain paper: a crosshair at each corner of each label where the app will print it
 * (nominal position plus the current correction), every label's number, and millimetre rulers
 * along the top and left edges. Held against the light over a label sheet, it shows how far the
 * printer is off; the office enters that as the correction and prints the page again.
 */
export async function renderCalibrationPage(
  layout: LabelLayout,
  calibration: LabelCalibration,
  now: Date,
): Promise<{ pdf: Uint8Array; pageCount: number }> {
  const doc = createPdf({ title: `Inleverpunt — kalibratie ${layout.id}`, width: layout.pageWidth, height: layout.pageHeight, now });
  addPage(doc, layout.pageWidth, layout.pageHeight);
  doc.lineWidth(0.25).strokeColor('black');
  for (let i = 0; i < perPage(layout); i++) {
    const cell = cellAt(layout, 1, i, calibration);
    for (const [cx, cy] of [
      [cell.x, cell.y],
      [cell.x + cell.width, cell.y],
      [cell.x, cell.y + cell.height],
      [cell.x + cell.width, cell.y + cell.height],
    ] as const) {
      doc.moveTo(mm(cx - ARM), mm(cy)).lineTo(mm(cx + ARM), mm(cy));
      doc.moveTo(mm(cx), mm(cy - ARM)).lineTo(mm(cx), mm(cy + ARM));
    }
    doc.stroke();
    fittedText(doc, String(cell.position), {
      x: cell.x,
      y: cell.y + cell.height / 2 - 1.5,
      width: cell.width,
      font: 'regular',
      maxPt: 8,
      minPt: 5,
    });
  }
  rulers(doc, layout);
  const c = calibration;
  const note = `${layout.id}: x ${signed(c.offsetX)} mm, y ${signed(c.offsetY)} mm, steek x ${signed(c.pitchX)} mm, steek y ${signed(c.pitchY)} mm — print op 100 %, niet "passend maken".`;
  const wide = layout.pageWidth > 100;
  fittedText(doc, note, {
    x: 8,
    y: wide ? layout.pageHeight - 6 : layout.pageHeight / 2 + 2,
    width: layout.pageWidth - 16,
    font: 'regular',
    maxPt: 8,
    minPt: 3,
  });
  return { pdf: await finish(doc), pageCount: 1 };
}

const signed = (n: number): string => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1)).replace('.', ',');

/** A tick every millimetre, longer every 5, numbered every 10: along the top and the left edge. */
function rulers(doc: Pdf, layout: LabelLayout): void {
  doc.lineWidth(0.15).strokeColor('#444444');
  for (let x = 0; x <= layout.pageWidth; x++) {
    const length = x % 10 === 0 ? 3 : x % 5 === 0 ? 2 : 1;
    doc.moveTo(mm(x), 0).lineTo(mm(x), mm(length));
  }
  for (let y = 0; y <= layout.pageHeight; y++) {
    const length = y % 10 === 0 ? 3 : y % 5 === 0 ? 2 : 1;
    doc.moveTo(0, mm(y)).lineTo(mm(length), mm(y));
  }
  doc.stroke();
  useFont(doc, 'regular').fontSize(4).fillColor('#444444');
  for (let x = 10; x < layout.pageWidth; x += 10) doc.text(String(x), mm(x - 3), mm(3.2), { width: mm(6), align: 'center', lineBreak: false });
  for (let y = 10; y < layout.pageHeight; y += 10) doc.text(String(y), mm(3.2), mm(y - 0.7), { lineBreak: false });
  doc.fillColor('black');
}
