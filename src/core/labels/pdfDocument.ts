import PDFDocument from 'pdfkit';
import { fontBytes, fontPath, type FontName } from './fonts';
import { MM_TO_PT } from './layouts';

export type Pdf = InstanceType<typeof PDFDocument>;

export const mm = (value: number): number => value * MM_TO_PT;

/**
 * A pdfkit document with the embedded fonts registered, pages of `width` × `height` mm. The
 * first font is given at construction so pdfkit never loads its Helvetica metrics from disk.
 */
export function createPdf(input: { title: string; width: number; height: number; now: Date }): Pdf {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [mm(input.width), mm(input.height)],
    margin: 0,
    font: fontPath('regular'),
    info: { Title: input.title, Creator: 'Inleverpunt', Producer: 'Inleverpunt', CreationDate: input.now },
  });
  for (const name of ['regular', 'bold', 'mono'] as const satisfies FontName[]) doc.registerFont(name, fontBytes(name));
  return doc;
}

export function addPage(doc: Pdf, width: number, height: number): void {
  doc.addPage({ size: [mm(width), mm(height)], margin: 0 });
}

/** Ends the document and collects what pdfkit streams out. */
export function finish(doc: Pdf): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Writes `text` on one line centred in `width` mm (or left-aligned), at the largest size from
 * `maxPt` down to `minPt` that fits; what still does not fit at `minPt` is cut with an ellipsis.
 */
export function fittedText(
  doc: Pdf,
  text: string,
  box: { x: number; y: number; width: number; font: FontName; maxPt: number; minPt: number; align?: 'center' | 'left' },
): number {
  if (!text) return 0;
  doc.font(box.font);
  let size = box.maxPt;
  const width = mm(box.width);
  while (size > box.minPt && doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
  doc.fontSize(size);
  let shown = text;
  while (shown.length > 1 && doc.widthOfString(shown) > width) shown = `${[...shown].slice(0, -2).join('')}…`;
  doc.text(shown, mm(box.x), mm(box.y), { width, align: box.align ?? 'center', lineBreak: false });
  return size;
}
