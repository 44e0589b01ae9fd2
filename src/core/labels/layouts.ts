import type { LabelCalibration, LabelLayoutId } from '../../shared/contract/labels';

/**
 * Label stock as data, in millimetres, from the makers' templates. `left`/`top` are the first
 * label's top-left corner on the page; `pitchX`/`pitchY` the step from one label to the next
 * (label plus gap). Printers and sheets disagree by up to 1.3 mm: the office corrects that with a
 * calibration (see calibrationPage.ts), never by editing these numbers.
 */
export interface LabelLayout {
  id: LabelLayoutId;
  name: string;
  pageWidth: number;
  pageHeight: number;
  columns: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  left: number;
  top: number;
  pitchX: number;
  pitchY: number;
}

export const A4 = { width: 210, height: 297 } as const;

export const labelLayouts: readonly LabelLayout[] = [
  {
    id: 'L7651',
    name: 'Avery L7651 — 65 per A4, 38,1 × 21,2 mm',
    pageWidth: A4.width,
    pageHeight: A4.height,
    columns: 5,
    rows: 13,
    labelWidth: 38.1,
    labelHeight: 21.2,
    left: 4.75,
    top: 10.7,
    pitchX: 40.6,
    pitchY: 21.2,
  },
  {
    id: 'L7160',
    name: 'Avery L7160 — 21 per A4, 63,5 × 38,1 mm',
    pageWidth: A4.width,
    pageHeight: A4.height,
    columns: 3,
    rows: 7,
    labelWidth: 63.5,
    labelHeight: 38.1,
    left: 7.25,
    top: 15.15,
    pitchX: 66,
    pitchY: 38.1,
  },
  {
    id: 'L7163',
    name: 'Avery L7163 — 14 per A4, 99,1 × 38,1 mm',
    pageWidth: A4.width,
    pageHeight: A4.height,
    columns: 2,
    rows: 7,
    labelWidth: 99.1,
    labelHeight: 38.1,
    left: 4.65,
    top: 15.15,
    pitchX: 101.6,
    pitchY: 38.1,
  },
  {
    id: '3x8',
    name: '3 × 8 — 24 per A4, 70 × 37 mm',
    pageWidth: A4.width,
    pageHeight: A4.height,
    columns: 3,
    rows: 8,
    labelWidth: 70,
    labelHeight: 37,
    left: 0,
    top: 0.5,
    pitchX: 70,
    pitchY: 37,
  },
  {
    // Brother DK-11209 and similar: the printer driver's page is the label itself.
    id: 'single62',
    name: 'Losse labels 62 × 29 mm (labelprinter)',
    pageWidth: 62,
    pageHeight: 29,
    columns: 1,
    rows: 1,
    labelWidth: 62,
    labelHeight: 29,
    left: 0,
    top: 0,
    pitchX: 62,
    pitchY: 29,
  },
];

export function layoutById(id: LabelLayoutId): LabelLayout {
  const layout = labelLayouts.find((l) => l.id === id);
  if (!layout) throw new RangeError(`unknown label layout ${id}`);
  return layout;
}

export const perPage = (layout: LabelLayout): number => layout.columns * layout.rows;

export interface Cell {
  page: number;
  /** 1-based position on its sheet, row by row from the top left: what "start" counts. */
  position: number;
  column: number;
  row: number;
  /** Top-left corner on the page, in mm, after calibration. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where label `index` (0-based, in printing order) lands when printing begins at `start`. */
export function cellAt(layout: LabelLayout, start: number, index: number, calibration: LabelCalibration): Cell {
  const slot = start - 1 + index;
  const count = perPage(layout);
  const page = Math.floor(slot / count);
  const onPage = slot % count;
  const column = onPage % layout.columns;
  const row = Math.floor(onPage / layout.columns);
  return {
    page,
    position: onPage + 1,
    column,
    row,
    x: layout.left + calibration.offsetX + column * (layout.pitchX + calibration.pitchX),
    y: layout.top + calibration.offsetY + row * (layout.pitchY + calibration.pitchY),
    width: layout.labelWidth,
    height: layout.labelHeight,
  };
}

export const MM_TO_PT = 72 / 25.4;
