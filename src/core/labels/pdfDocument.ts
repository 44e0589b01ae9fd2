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
  for (const name of ['bold', 'mono'] as const satisfies FontName[]) doc.registerFont(name, fontBytes(name));
  return doc;
}

/**
 * Switches font. The regular face is the one the document was opened with, asked for by its
 * path: registered again under a name, pdfkit would find it equal to the open one, reuse that,
 * and forget to cache the name, so it would parse the whole font file again at every switch.
 */
export function useFont(doc: Pdf, name: FontName): Pdf {
  return doc.font(name === 'regular' ? fontPath('regular') : name);
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
  useFont(doc, box.font);
  const width = mm(box.width);
  // Width grows with the size: one measurement gives the size that fits.
  const atMax = doc.fontSize(box.maxPt).widthOfString(text);
  const size = Math.max(box.minPt, Math.min(box.maxPt, Math.floor(((box.maxPt * width) / atMax) * 2) / 2));
  doc.fontSize(size);
  let shown = text;
  let shownWidth = doc.widthOfString(shown);
  while (shown.length > 1 && shownWidth > width) {
    shown = `${[...shown].slice(0, -2).join('')}…`;
    shownWidth = doc.widthOfString(shown);
  }
  // Placed by hand rather than with pdfkit's `width`/`align`, which runs its line wrapper for
  // every label: a tenth of the time for a 500-label sheet.
  const left = box.align === 'left' ? 0 : (width - shownWidth) / 2;
  doc.text(shown, mm(box.x) + left, mm(box.y), { lineBreak: false });
  return size;
}
