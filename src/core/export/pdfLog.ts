import { addPage, turnLayoutCaches, useFont, type Pdf } from '../labels/pdfDocument';
import { columnHeight, columnText } from '../report/pdfText';
import type { PdfLogTexts } from './pdfLogTexts';

/** One printed line of the log, its cells already in words. */
export interface LogRow {
  seq: number;
  time: string;
  type: string;
  /** "VERVALLEN — hersteld door #12" beside a voided event, "Herstelt #11" beside its correction. */
  mark: string | null;
  voided: boolean;
  pupil: string;
  device: string;
  actor: string;
  custodian: string;
  place: string;
  notes: string;
}

export interface LogCheckpoint {
  treeSize: number;
  root: Buffer;
  note: string;
}

export interface LogFrame {
  t: PdfLogTexts;
  /** The checkpoint's words and "pagina N van M", shared with the custody report. */
  words: { checkpoint: string; treeSize: string; rootHex: string; rootBase64: string; signedNote: string; page(n: number, of: number): string };
  /** Label and value lines under the title on the first page: school, kiosk, selection… */
  header: readonly [string, string][];
  /** On top of every later page and in every footer: "Bewaarlogboek — school — kiosk". */
  running: string;
  events: number;
}

// A4 landscape in points (297 × 210 mm).
export const LOG_PAGE = { widthMm: 297, heightMm: 210 };
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = { top: 34, bottom: 46, left: 36, right: 36 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const INK = '#111111';
const MUTED = '#555555';
const VOID = '#a40000';
const SIZE = 7.5;
const PAD = 2.5;
/** A cell wraps to at most this many lines; past that an ellipsis (the CSV has the whole text). */
const MAX_LINES = 6;

type Column = keyof PdfLogTexts['columns'];
const COLUMNS: readonly { key: Column; width: number }[] = [
  // Room for "#1000000": an office's combined database runs into the millions.
  { key: 'seq', width: 46 },
  { key: 'time', width: 76 },
  { key: 'type', width: 104 },
  { key: 'pupil', width: 100 },
  { key: 'device', width: 100 },
  { key: 'actor', width: 72 },
  { key: 'custodian', width: 74 },
  { key: 'place', width: 80 },
  { key: 'notes', width: WIDTH - 652 },
];
const GAP = 4;

function cells(row: LogRow): Record<Column, string> {
  return {
    seq: `#${row.seq}`,
    time: row.time,
    type: row.mark ? `${row.type}\n${row.mark}` : row.type,
    pupil: row.pupil,
    device: row.device,
    actor: row.actor,
    custodian: row.custodian,
    place: row.place,
    notes: row.notes,
  };
}

/**
 * The custody log laid out on landscape A4, page by page. Each page goes out as soon as the next
 * one starts (pdfkit without buffered pages), so a log of any length passes through the memory
 * of one page. "pagina N van M" needs M before page 1 is written: the same layout is run twice,
 * first only measuring (`draw` false) to count the pages, then drawing — both from the same
 * rows in the same order, read from the ledger a batch at a time.
 */
export class CustodyLogLayout {
  private page = 1;
  private y = 0;

  constructor(
    private readonly doc: Pdf,
    private readonly frame: LogFrame,
    private readonly draw: boolean,
    private readonly pageCount = 0,
  ) {
    this.y = this.firstPageTop();
    if (draw) this.footer();
    this.y += this.tableHeader(this.y);
  }

  /** The first page is added before measuring starts: pdfkit measures against a page. */
  static openFirstPage(doc: Pdf): void {
    addPage(doc, LOG_PAGE.widthMm, LOG_PAGE.heightMm);
  }

  row(row: LogRow): boolean {
    const values = cells(row);
    useFont(this.doc, 'regular').fontSize(SIZE);
    const maxHeight = MAX_LINES * this.doc.currentLineHeight(true);
    let height = 0;
    for (const c of COLUMNS) {
      useFont(this.doc, c.key === 'type' ? 'bold' : 'regular');
      height = Math.max(height, columnHeight(this.doc, values[c.key], c.width - GAP, maxHeight));
    }
    height += 2 * PAD;
    const turned = this.room(height);
    if (this.draw) {
      let x = MARGIN.left;
      this.doc.fillColor(row.voided ? VOID : INK);
      for (const c of COLUMNS) {
        useFont(this.doc, c.key === 'type' ? 'bold' : 'regular').fontSize(SIZE);
        columnText(this.doc, values[c.key], x, this.y + PAD, c.width - GAP, maxHeight);
        x += c.width;
      }
      this.rule(this.y + height, 0.3, '#cccccc');
    }
    this.y += height;
    return turned;
  }

  /** The signed checkpoint the log was made against (or why there is none), after the last row; the page count. */
  end(checkpoint: LogCheckpoint | null): number {
    const { t, words } = this.frame;
    const parts: { text: string; font: 'regular' | 'bold' | 'mono'; size: number; color: string; gap: number }[] = [
      { text: words.checkpoint, font: 'bold', size: 12, color: INK, gap: 4 },
      ...(checkpoint
        ? [
            { text: t.checkpointIntro, font: 'regular' as const, size: 8.5, color: MUTED, gap: 6 },
            { text: words.treeSize, font: 'regular' as const, size: 8, color: MUTED, gap: 0 },
            { text: String(checkpoint.treeSize), font: 'regular' as const, size: 9, color: INK, gap: 4 },
            { text: words.rootHex, font: 'regular' as const, size: 8, color: MUTED, gap: 0 },
            { text: checkpoint.root.toString('hex'), font: 'mono' as const, size: 8, color: INK, gap: 4 },
            { text: words.rootBase64, font: 'regular' as const, size: 8, color: MUTED, gap: 0 },
            { text: checkpoint.root.toString('base64'), font: 'mono' as const, size: 8, color: INK, gap: 4 },
            { text: words.signedNote, font: 'regular' as const, size: 8, color: MUTED, gap: 0 },
            { text: checkpoint.note.trimEnd(), font: 'mono' as const, size: 7.5, color: INK, gap: 0 },
          ]
        : [{ text: t.noCheckpoint, font: 'regular' as const, size: 8.5, color: MUTED, gap: 0 }]),
    ];
    const heights = parts.map((p) => {
      useFont(this.doc, p.font).fontSize(p.size);
      return this.doc.heightOfString(p.text, { width: WIDTH }) + p.gap;
    });
    // Kept together on one page: the checkpoint is read as one thing.
    this.room(14 + heights.reduce((a, b) => a + b, 0), false);
    this.y += 14;
    parts.forEach((p, i) => {
      if (this.draw) useFont(this.doc, p.font).fontSize(p.size).fillColor(p.color).text(p.text, MARGIN.left, this.y, { width: WIDTH });
      this.y += heights[i]!;
    });
    return this.page;
  }

  /** A new page when `height` no longer fits on this one; true if one was started. */
  private room(height: number, withTableHeader = true): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.page++;
    // In both passes: the measuring pass lays out every row too.
    turnLayoutCaches(this.doc);
    if (this.draw) {
      addPage(this.doc, LOG_PAGE.widthMm, LOG_PAGE.heightMm);
      this.footer();
      useFont(this.doc, 'regular').fontSize(SIZE).fillColor(MUTED).text(this.frame.running, MARGIN.left, MARGIN.top, { lineBreak: false });
    }
    this.y = MARGIN.top + 16;
    if (withTableHeader) this.y += this.tableHeader(this.y);
    return true;
  }

  private firstPageTop(): number {
    const { doc, frame, draw } = this;
    let y = MARGIN.top;
    useFont(doc, 'bold').fontSize(16);
    if (draw) doc.fillColor(INK).text(frame.t.title, MARGIN.left, y, { lineBreak: false });
    y += doc.currentLineHeight(true) + 6;
    const labelWidth = 90;
    for (const [label, value] of frame.header) {
      useFont(doc, 'regular').fontSize(9);
      if (draw) doc.fillColor(MUTED).text(label, MARGIN.left, y, { lineBreak: false });
      const height = draw
        ? columnText(doc.fillColor(INK), value, MARGIN.left + labelWidth, y, WIDTH - labelWidth, 4 * doc.currentLineHeight(true))
        : columnHeight(doc, value, WIDTH - labelWidth, 4 * doc.currentLineHeight(true));
      y += height + 1.5;
    }
    useFont(doc, 'regular').fontSize(8.5);
    const intro = frame.t.intro(frame.events);
    if (draw) doc.fillColor(MUTED).text(intro, MARGIN.left, y + 4, { width: WIDTH });
    return y + 4 + doc.heightOfString(intro, { width: WIDTH }) + 8;
  }

  private tableHeader(y: number): number {
    useFont(this.doc, 'bold').fontSize(SIZE);
    const height = this.doc.currentLineHeight(true) + 2 * PAD;
    if (this.draw) {
      let x = MARGIN.left;
      this.doc.fillColor(INK);
      for (const c of COLUMNS) {
        this.doc.text(this.frame.t.columns[c.key], x, y + PAD, { lineBreak: false });
        x += c.width;
      }
      this.rule(y + height, 0.8, '#555555');
    }
    return height;
  }

  private footer(): void {
    const y = PAGE.height - 28;
    useFont(this.doc, 'regular').fontSize(8).fillColor(MUTED);
    this.doc.text(this.frame.running, MARGIN.left, y, { width: WIDTH * 0.7, lineBreak: false, ellipsis: true });
    this.doc.text(this.frame.words.page(this.page, this.pageCount), MARGIN.left, y, { width: WIDTH, align: 'right', lineBreak: false });
  }

  private rule(y: number, width: number, color: string): void {
    this.doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + WIDTH, y).lineWidth(width).strokeColor(color).stroke();
  }
}
