import { pathToFileURL } from 'node:url';
import type { LabelContent } from '../../src/core/labels/content';
import { cellAt, layoutById, perPage } from '../../src/core/labels/layouts';
import { addPage, createPdf, finish, fittedText } from '../../src/core/labels/pdfDocument';
import { renderSheet } from '../../src/core/labels/sheetPdf';
import { symbologyFor } from '../../src/core/labels/symbology';
import { noCalibration, type LabelLayoutId } from '../../src/shared/contract/labels';
import { newOwnCode } from '../../src/shared/scan/codes';

/**
 * A 500-label sticker sheet: time to make the PDF and its size, per layout, against a baseline
 * measured in the same run: the same pages with the same text in the same embedded fonts, but no
 * barcodes. The ratio is what the barcodes cost. No assertions: people judge.
 */
const LABELS = 500;
const names = ['Zoë', 'Ömer', 'Łucja', 'Nguyễn', 'Daan', 'Siënna'];
const labels: LabelContent[] = Array.from({ length: LABELS }, (_, i) => ({
  code: newOwnCode(),
  title: names[i % names.length]!,
  subtitle: 'groep 7A',
}));
const now = new Date('2026-09-01T08:00:00Z');

async function textOnly(id: LabelLayoutId): Promise<Uint8Array> {
  const layout = layoutById(id);
  const doc = createPdf({ title: 'bench', width: layout.pageWidth, height: layout.pageHeight, now });
  let page = -1;
  labels.forEach((label, i) => {
    const cell = cellAt(layout, 1, i, noCalibration);
    while (page < cell.page) {
      addPage(doc, layout.pageWidth, layout.pageHeight);
      page++;
    }
    for (const [line, dy] of [[label.code, 2], [label.title, 6], [label.subtitle, 10]] as const) {
      fittedText(doc, line, { x: cell.x + 1.5, y: cell.y + dy, width: cell.width - 3, font: 'regular', maxPt: 8, minPt: 6 });
    }
  });
  return finish(doc);
}

async function median(runs: number, fn: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  await fn(); // warm-up: fonts read, code paths compiled
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = (await fn()).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)]!, bytes };
}

export async function runLabelsBench(): Promise<void> {
  const rows = [];
  for (const id of ['L7651', 'L7160'] as const) {
    const layout = layoutById(id);
    const pages = Math.ceil(LABELS / perPage(layout));
    const base = await median(5, () => textOnly(id));
    const sheet = await median(5, async () => (await renderSheet(layout, labels, { start: 1, calibration: noCalibration, symbology: symbologyFor(layout), now, title: 'bench' })).pdf);
    rows.push(
      { case: `baseline: ${id}, ${pages} pages of text only`, 'median ms': Math.round(base.ms), 'kB': Math.round(base.bytes / 1024), 'vs baseline': '1.0×' },
      {
        case: `${id}: ${LABELS} labels, ${symbologyFor(layout)}`,
        'median ms': Math.round(sheet.ms),
        'kB': Math.round(sheet.bytes / 1024),
        'vs baseline': `${(sheet.ms / base.ms).toFixed(1)}× time, ${(sheet.bytes / base.bytes).toFixed(1)}× size`,
      },
    );
  }
  console.log(`\nSticker sheets — ${LABELS} labels as one PDF (fonts embedded)`);
  console.table(rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runLabelsBench();
