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
  /** The board's log only: "school · kiosk" the event came from (see LogFrame.origin). */
  origin?: string;
}

export interface LogCheckpoint {
  treeSize: number;
  root: Buffer;
  note: string;
}

/** A kiosk in the board's log with its newest checkpoint the central witness countersigned, if any. */
export interface WitnessedKiosk {
  label: string;
  witnessed: { treeSize: number; root: Buffer; witness: string } | null;
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
  /** The board's log across kiosks: a school · kiosk column, taken from the others' width. */
  origin?: boolean;
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
/**
 * The board's columns: each row names where it came from, ids are cut to one line (printedId),
 * a place with its pouch takes two, and the hash fits two lines of 32.
 */
const BOARD_COLUMNS: readonly { key: Column; width: number }[] = [
  { key: 'seq', width: 36 },
  { key: 'time', width: 76 },
  { key: 'origin', width: 80 },
  { key: 'type', width: 86 },
  { key: 'pupil', width: 54 },
  { key: 'device', width: 54 },
  // "medewerker" on one line, the id on the next.
  { key: 'actor', width: 58 },
  { key: 'custodian', width: 78 },
  { key: 'place', width: 78 },
  { key: 'notes', width: WIDTH - 600 },
];
const GAP = 4;

type Part = { text: string; font: 'regular' | 'bold' | 'mono'; size: number; color: string; gap: number };

function cells(row: LogRow): Record<Column, string> {
  return {
    origin: row.origin ?? '',
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
  private readonly columns: readonly { key: Column; width: number }[];

  constructor(
    private readonly doc: Pdf,
    private readonly frame: LogFrame,
    private readonly draw: boolean,
    private readonly pageCount = 0,
  ) {
    this.columns = frame.origin ? BOARD_COLUMNS : COLUMNS;
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
    for (const c of this.columns) {
      useFont(this.doc, c.key === 'type' ? 'bold' : 'regular');
      height = Math.max(height, columnHeight(this.doc, values[c.key], c.width - GAP, maxHeight));
    }
    height += 2 * PAD;
    const turned = this.room(height);
    if (this.draw) {
      let x = MARGIN.left;
      this.doc.fillColor(row.voided ? VOID : INK);
      for (const c of this.columns) {
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
    this.closing([
      [
        { text: words.checkpoint, font: 'bold', size: 12, color: INK, gap: 4 },
        ...(checkpoint
          ? ([
              { text: t.checkpointIntro, font: 'regular', size: 8.5, color: MUTED, gap: 6 },
              ...rootParts(words, checkpoint.treeSize, checkpoint.root),
              { text: words.signedNote, font: 'regular', size: 8, color: MUTED, gap: 0 },
              { text: checkpoint.note.trimEnd(), font: 'mono', size: 7.5, color: INK, gap: 0 },
            ] satisfies Part[])
          : [{ text: t.noCheckpoint, font: 'regular', size: 8.5, color: MUTED, gap: 0 } satisfies Part]),
      ],
    ]);
    return this.page;
  }

  /**
   * The board's log ends, instead of one checkpoint, with each kiosk in it and its newest
   * checkpoint the central witness countersigned (or that there is none yet); the page count.
   */
  endWitnessed(kiosks: readonly WitnessedKiosk[]): number {
    const { t, words } = this.frame;
    const groups: Part[][] = kiosks.map((k) => [
      { text: k.label, font: 'bold', size: 9, color: INK, gap: 2 },
      ...(k.witnessed
        ? ([
            ...rootParts(words, k.witnessed.treeSize, k.witnessed.root),
            { text: t.witnessedBy(k.witnessed.witness), font: 'regular', size: 8, color: MUTED, gap: 8 },
          ] satisfies Part[])
        : [{ text: t.notWitnessed, font: 'regular', size: 8.5, color: MUTED, gap: 8 } satisfies Part]),
    ]);
    const head: Part[] = [
      { text: t.witnessedTitle, font: 'bold', size: 12, color: INK, gap: 4 },
      { text: t.witnessedIntro, font: 'regular', size: 8.5, color: MUTED, gap: 6 },
    ];
    // The heading stays with the first kiosk; each kiosk's lines stay together (a board may list many).
    this.closing([[...head, ...(groups[0] ?? [])], ...groups.slice(1)]);
    return this.page;
  }

  /** Lines after the last row, each group kept together on one page: a checkpoint is read as one thing. */
  private closing(groups: readonly (readonly Part[])[]): void {
    groups.forEach((parts, g) => {
      const heights = parts.map((p) => {
        useFont(this.doc, p.font).fontSize(p.size);
        return this.doc.heightOfString(p.text, { width: WIDTH }) + p.gap;
      });
      const lead = g === 0 ? 14 : 0;
      this.room(lead + heights.reduce((a, b) => a + b, 0), false);
      this.y += lead;
      parts.forEach((p, i) => {
        if (this.draw) useFont(this.doc, p.font).fontSize(p.size).fillColor(p.color).text(p.text, MARGIN.left, this.y, { width: WIDTH });
        this.y += heights[i]!;
      });
    });
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
      for (const c of this.columns) {
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

function rootParts(words: LogFrame['words'], treeSize: number, root: Buffer): Part[] {
  return [
    { text: words.treeSize, font: 'regular', size: 8, color: MUTED, gap: 0 },
    { text: String(treeSize), font: 'regular', size: 9, color: INK, gap: 4 },
    { text: words.rootHex, font: 'regular', size: 8, color: MUTED, gap: 0 },
    { text: root.toString('hex'), font: 'mono', size: 8, color: INK, gap: 4 },
    { text: words.rootBase64, font: 'regular', size: 8, color: MUTED, gap: 0 },
    { text: root.toString('base64'), font: 'mono', size: 8, color: INK, gap: 4 },
  ];
}
