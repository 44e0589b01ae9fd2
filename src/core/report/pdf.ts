import PDFDocument from 'pdfkit';
import { fontBytes, fontPath } from '../labels/fonts';
import { barcodeShape } from '../labels/symbology';
import type { ReportEvent, ReportModel } from './model';
import { columnText } from './pdfText';

type Pdf = InstanceType<typeof PDFDocument>;
/** pdfkit's own image reader, for an image's size before it is placed; its types leave it out. */
interface OpensImages {
  openImage(src: Buffer): { width: number; height: number };
}

// A4 in points, with margins a ring binder and a footer leave free.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 50, bottom: 64, left: 56, right: 56 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 120;
const EVENT_INDENT = 44;
const IMAGE_BOX = { width: 170, height: 128 };
const QR_MODULE_PT = 2.6;
const INK = '#111111';
const MUTED = '#555555';
const VOID = '#a40000';

const regular = (doc: Pdf) => doc.font(fontPath('regular'));
const bold = (doc: Pdf) => doc.font('bold');
const mono = (doc: Pdf) => doc.font('mono');
const bottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit on this one. */
function keep(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heading(doc: Pdf, text: string): void {
  keep(doc, 60);
  doc.moveDown(0.8);
  bold(doc).fontSize(13).fillColor(INK).text(text, MARGIN.left, doc.y, { width: WIDTH });
  doc
    .moveTo(MARGIN.left, doc.y + 2)
    .lineTo(MARGIN.left + WIDTH, doc.y + 2)
    .lineWidth(0.6)
    .strokeColor('#888888')
    .stroke();
  doc.moveDown(0.5);
}

/** A label in the left column, its value wrapped beside it. */
function field(doc: Pdf, label: string, value: string, indent = 0): void {
  const valueWidth = WIDTH - indent - LABEL_WIDTH;
  regular(doc).fontSize(9.5);
  // Room for one line first; a value that wraps onto the next page is carried by pdfkit.
  keep(doc, doc.currentLineHeight(true) + 2);
  const top = doc.y;
  const labelHeight = columnText(regular(doc).fillColor(MUTED), label, MARGIN.left + indent, top, LABEL_WIDTH - 6);
  const valueHeight = columnText(regular(doc).fillColor(INK), value || ' ', MARGIN.left + indent + LABEL_WIDTH, top, valueWidth);
  doc.y = top + Math.max(labelHeight, valueHeight) + 2;
}

function paragraph(
  doc: Pdf,
  text: string,
  options: { color?: string; size?: number; font?: 'regular' | 'bold' | 'mono'; indent?: number } = {},
): void {
  (options.font === 'bold' ? bold : options.font === 'mono' ? mono : regular)(doc);
  const indent = options.indent ?? 0;
  doc.fontSize(options.size ?? 9.5).fillColor(options.color ?? INK).text(text, MARGIN.left + indent, doc.y, { width: WIDTH - indent });
}

function eventBlock(doc: Pdf, e: ReportEvent, model: ReportModel): void {
  const { t } = model;
  const hasImage = e.images.some((i) => i.bytes);
  keep(doc, 34 + e.lines.length * 13 + (hasImage ? IMAGE_BOX.height + 16 : 0));
  doc.moveDown(0.4);
  const top = doc.y;
  bold(doc).fontSize(10).fillColor(e.voidedBy !== null ? VOID : INK);
  doc.text(`#${e.seq}`, MARGIN.left, top, { width: EVENT_INDENT, lineBreak: false });
  doc.text(e.time, MARGIN.left + EVENT_INDENT, top, { width: LABEL_WIDTH, lineBreak: false });
  const typeHeight = columnText(doc, e.type, MARGIN.left + EVENT_INDENT + LABEL_WIDTH, top, WIDTH - EVENT_INDENT - LABEL_WIDTH);
  doc.y = top + typeHeight;
  doc.moveDown(0.15);
  const note = { font: 'bold', size: 9.5, indent: EVENT_INDENT } as const;
  if (e.voidedBy !== null) paragraph(doc, `${t.voidedBy(e.voidedBy)}${e.voidReason ? `: ${e.voidReason}` : ''}`, { ...note, color: VOID });
  if (e.voids !== null) paragraph(doc, t.voids(e.voids), note);
  for (const [label, value] of e.lines) field(doc, label, value, EVENT_INDENT);
  const images = e.images;
  if (images.length > 0) {
    keep(doc, IMAGE_BOX.height + 16);
    const y = doc.y + 4;
    let tallest = 24;
    images.forEach((image, i) => {
      const x = MARGIN.left + EVENT_INDENT + i * (IMAGE_BOX.width + 16);
      regular(doc).fontSize(8.5).fillColor(MUTED).text(image.label, x, y, { width: IMAGE_BOX.width, lineBreak: false });
      if (image.bytes) {
        // Drawn at its own proportions inside the box, so a wide signature leaves no empty band.
        const opened = (doc as unknown as OpensImages).openImage(image.bytes);
        const scale = Math.min(IMAGE_BOX.width / opened.width, (IMAGE_BOX.height - 12) / opened.height);
        doc.image(image.bytes, x, y + 12, { width: opened.width * scale, height: opened.height * scale });
        tallest = Math.max(tallest, 12 + opened.height * scale);
      } else {
        regular(doc).fontSize(8.5).fillColor(MUTED).text(t.imageErased, x, y + 12, { width: IMAGE_BOX.width });
      }
    });
    doc.y = y + tallest + 4;
  }
  doc.x = MARGIN.left;
  doc
    .moveTo(MARGIN.left, doc.y + 3)
    .lineTo(MARGIN.left + WIDTH, doc.y + 3)
    .lineWidth(0.3)
    .strokeColor('#cccccc')
    .stroke();
  doc.y += 5;
}

function checkpointSection(doc: Pdf, model: ReportModel): void {
  const { t, checkpoint } = model;
  // The explanation, the QR code and the numbers stay together on one page.
  keep(doc, 220);
  heading(doc, t.checkpoint);
  paragraph(doc, t.checkpointIntro, { color: MUTED, size: 9 });
  doc.moveDown(0.4);
  const qr = barcodeShape('qrcode', checkpoint.text);
  const quiet = 4 * QR_MODULE_PT;
  const side = qr.width * QR_MODULE_PT + 2 * quiet;
  keep(doc, side + 10);
  const top = doc.y;
  const qrX = MARGIN.left + WIDTH - side;
  for (const r of qr.rects) {
    doc.rect(qrX + quiet + r.x * QR_MODULE_PT, top + quiet + r.y * QR_MODULE_PT, r.w * QR_MODULE_PT, r.h * QR_MODULE_PT);
  }
  doc.fillColor('#000000').fill();
  const textWidth = WIDTH - side - 12;
  const line = (label: string, value: string, font: 'regular' | 'mono') => {
    regular(doc).fontSize(8.5).fillColor(MUTED).text(label, MARGIN.left, doc.y, { width: textWidth });
    (font === 'mono' ? mono : regular)(doc).fontSize(font === 'mono' ? 8 : 9.5).fillColor(INK).text(value, MARGIN.left, doc.y, { width: textWidth });
    doc.moveDown(0.3);
  };
  doc.y = top;
  line(t.treeSize, String(checkpoint.treeSize), 'regular');
  line(t.rootBase64, checkpoint.root.toString('base64'), 'mono');
  line(t.rootHex, checkpoint.root.toString('hex'), 'mono');
  doc.y = Math.max(doc.y, top + side) + 4;
  regular(doc).fontSize(8.5).fillColor(MUTED).text(t.signedNote, MARGIN.left, doc.y, { width: WIDTH });
  mono(doc).fontSize(7.5).fillColor(INK).text(checkpoint.note.trimEnd(), MARGIN.left, doc.y, { width: WIDTH });
}

function signatureSection(doc: Pdf, model: ReportModel): void {
  const { t } = model;
  const boxHeight = 112;
  keep(doc, 60 + boxHeight);
  heading(doc, t.signatures);
  paragraph(doc, t.signaturesIntro, { color: MUTED, size: 9 });
  doc.moveDown(0.5);
  const top = doc.y;
  const gap = 12;
  const boxWidth = (WIDTH - 2 * gap) / 3;
  t.signatureLines.forEach((who, i) => {
    const x = MARGIN.left + i * (boxWidth + gap);
    doc.rect(x, top, boxWidth, boxHeight).lineWidth(0.6).strokeColor('#888888').stroke();
    bold(doc).fontSize(9).fillColor(INK).text(who, x + 6, top + 6, { width: boxWidth - 12, lineBreak: false });
    // Name and date need a line each; a signature needs room.
    [t.nameLine, t.dateLine, t.signLine].forEach((label, j) => {
      const y = top + [32, 56, 100][j]!;
      regular(doc).fontSize(8).fillColor(MUTED).text(label, x + 6, y - 9, { width: boxWidth - 12, lineBreak: false });
      doc.moveTo(x + 6, y + 6).lineTo(x + boxWidth - 6, y + 6).lineWidth(0.4).strokeColor('#aaaaaa').stroke();
    });
  });
  doc.y = top + boxHeight + 6;
}

/** "pagina N van M" on every page, written once all pages exist (pdfkit's buffered pages). */
function footers(doc: Pdf, model: ReportModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit open another page.
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 40;
    regular(doc).fontSize(8).fillColor(MUTED);
    // pdfkit cuts with an ellipsis only within a height: a long subject (a device id) stays on one line.
    doc.text(`${model.title} — ${model.subject[0]?.[1] ?? ''}`, MARGIN.left, y, { width: WIDTH * 0.7, height: doc.currentLineHeight(), ellipsis: true });
    doc.text(model.t.page(i - range.start + 1, range.count), MARGIN.left, y, { width: WIDTH, align: 'right', lineBreak: false });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}

/**
 * The chain-of-custody report as an A4 PDF: who, what and where for every event, the pictures
 * themselves, the verification and the signed checkpoint with its QR code, and room to sign.
 * DejaVu Sans is embedded, so every pupil's name prints as written.
 */
export function renderReport(model: ReportModel, now: Date): Promise<{ pdf: Uint8Array; pageCount: number }> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: fontPath('regular'),
    info: { Title: `${model.title} — ${model.subject[0]?.[1] ?? ''}`, Creator: 'Inleverpunt', Producer: 'Inleverpunt', CreationDate: now },
  });
  doc.registerFont('bold', fontBytes('bold'));
  doc.registerFont('mono', fontBytes('mono'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  bold(doc).fontSize(18).fillColor(INK).text(model.title, MARGIN.left, MARGIN.top, { width: WIDTH });
  paragraph(doc, model.scopeLine, { color: MUTED, size: 11 });
  doc.moveDown(0.6);
  for (const [label, value] of model.header) field(doc, label, value);
  doc.moveDown(0.4);
  for (const [label, value] of model.subject) field(doc, label, value);
  if (model.notice) {
    doc.moveDown(0.3);
    paragraph(doc, model.notice, { color: MUTED, size: 9 });
  }

  heading(doc, model.t.verification);
  paragraph(doc, model.verification.text, { font: 'bold', color: model.verification.ok ? '#0b5d1e' : VOID, size: 10 });

  if (model.insurer) {
    heading(doc, model.t.insurer);
    for (const [label, value] of model.insurer) field(doc, label, value);
  }

  heading(doc, model.t.events);
  paragraph(doc, model.t.eventsIntro(model.events.length), { color: MUTED, size: 9 });
  for (const e of model.events) eventBlock(doc, e, model);

  heading(doc, model.t.supervision);
  paragraph(doc, model.t.supervisionIntro, { color: MUTED, size: 9 });
  for (const name of model.supervision) paragraph(doc, `• ${name}`);

  checkpointSection(doc, model);
  signatureSection(doc, model);
  footers(doc, model);
  const pageCount = doc.bufferedPageRange().count;
  doc.end();
  return done.then((pdf) => ({ pdf, pageCount }));
}
