import type { Pdf } from '../labels/pdfDocument';

/**
 * How tall `text` is in a column `width` wide, at most `maxHeight` (what `columnText` draws).
 * Most values fit on one line, and pdfkit's line wrapper, run for every one of them, is most of
 * the time of a long report or log.
 */
export function columnHeight(doc: Pdf, text: string, width: number, maxHeight = Infinity): number {
  if (doc.widthOfString(text) <= width && !text.includes('\n')) return doc.currentLineHeight(true);
  return Math.min(doc.heightOfString(text, { width }), maxHeight);
}

/**
 * Text in a column `width` wide: wrapped where it must be, placed on one line where it fits; cut
 * with an ellipsis past `maxHeight`, so one long note cannot take a page. Returns its height.
 */
export function columnText(doc: Pdf, text: string, x: number, y: number, width: number, maxHeight = Infinity): number {
  if (doc.widthOfString(text) <= width && !text.includes('\n')) {
    doc.text(text, x, y, { lineBreak: false });
    return doc.currentLineHeight(true);
  }
  const height = Math.min(doc.heightOfString(text, { width }), maxHeight);
  doc.text(text, x, y, Number.isFinite(maxHeight) ? { width, height, ellipsis: true } : { width });
  return height;
}
