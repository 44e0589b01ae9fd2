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

/**
 * A font's layout cache that keeps what the last two generations of pages used. pdfkit keeps the glyph run of
 * every word it has laid out for the life of the document (EmbeddedFont.layoutCache, a plain
 * object it reads and writes by the word): in a log of hundreds of pages nearly every row brings
 * a new word (its number, its time), and the cache held 1.6 MB per 1,000 events. Emptying it at
 * every page turn kept the heap flat but laid out the words every page repeats (event types,
 * names, column heads) again on each, 1.3× the time; here a word found in the previous
 * generation moves into this one, so what keeps being used stays and the rest goes. The price:
 * a word only one row has (its number) is laid out in both passes of the log instead of once,
 * 10–20 % of the log's time at 25,000 events (test/bench/pdfLog.ts), for a heap that stays flat.
 */
/** Ten pages a generation: a word some pages use again (a pupil's name) stays; emptied every page, the log took 1.3× the time. */
const PAGES_PER_GENERATION = 10;

class PageLayoutCache {
  private current = new Map<string, unknown>();
  private previous = new Map<string, unknown>();
  private pages = 0;

  constructor(start: Record<string, unknown>) {
    for (const [word, run] of Object.entries(start)) this.current.set(word, run);
  }

  get(word: string): unknown {
    const now = this.current.get(word);
    if (now !== undefined) return now;
    const before = this.previous.get(word);
    if (before !== undefined) this.current.set(word, before);
    return before;
  }

  set(word: string, run: unknown): void {
    this.current.set(word, run);
  }

  /** A page turned: every PAGES_PER_GENERATION pages the older generation goes. */
  turn(): void {
    if (++this.pages % PAGES_PER_GENERATION !== 0) return;
    this.previous = this.current;
    this.current = new Map();
  }

  /** What pdfkit gets as its `layoutCache`: the same reads and writes by the word. */
  asObject(): Record<string, unknown> {
    return new Proxy(Object.create(null) as Record<string, unknown>, {
      get: (_, word) => (typeof word === 'string' ? this.get(word) : undefined),
      set: (_, word, run) => {
        if (typeof word === 'string') this.set(word, run);
        return true;
      },
    });
  }
}

type LaidOutFont = { layoutCache?: Record<string, unknown> };
const pageCaches = new WeakMap<LaidOutFont, PageLayoutCache>();

/**
 * At a page turn of a long document: every font the document has used so far forgets, now and
 * then, the words the last pages did not use (see PageLayoutCache). The text laid out is the same.
 */
export function turnLayoutCaches(doc: Pdf): void {
  const fonts = new Set(Object.values((doc as unknown as { _fontFamilies?: Record<string, LaidOutFont> })._fontFamilies ?? {}));
  for (const font of fonts) {
    let cache = pageCaches.get(font);
    if (!cache) {
      // pdfkit made it without a cache (fontLayoutCache: false), or it is not an embedded font.
      if (!font.layoutCache) continue;
      cache = new PageLayoutCache(font.layoutCache);
      pageCaches.set(font, cache);
      font.layoutCache = cache.asObject();
    }
    cache.turn();
  }
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
