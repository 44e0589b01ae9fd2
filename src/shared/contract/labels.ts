import { z } from 'zod';
import { method } from './define';

/**
 * Sticker sheets: the office prints the app's own codes on Avery sheets or single labels. The PDF
 * travels as base64 (the test bridge speaks JSON), like the images in media.ts.
 */
export const labelLayoutIds = ['L7651', 'L7160', 'L7163', '3x8', 'single62'] as const;
export const LabelLayoutId = z.enum(labelLayoutIds);
export type LabelLayoutId = z.infer<typeof LabelLayoutId>;

export const LabelSymbology = z.enum(['code128', 'qrcode']);
export type LabelSymbology = z.infer<typeof LabelSymbology>;

/**
 * A printer's correction for one layout, in mm: the whole grid moved by (offsetX, offsetY), and
 * each step from one label to the next made longer (positive) or shorter by pitchX / pitchY.
 * Sheets from different makers disagree by up to 1.3 mm, so ±5 mm and ±2 mm are plenty.
 */
export const LabelCalibration = z.strictObject({
  offsetX: z.number().min(-5).max(5),
  offsetY: z.number().min(-5).max(5),
  pitchX: z.number().min(-2).max(2),
  pitchY: z.number().min(-2).max(2),
});
export type LabelCalibration = z.infer<typeof LabelCalibration>;

export const noCalibration: LabelCalibration = { offsetX: 0, offsetY: 0, pitchX: 0, pitchY: 0 };

/** Per layout; a layout never calibrated prints at its nominal positions. */
export const LabelCalibrations = z.partialRecord(LabelLayoutId, LabelCalibration);
export type LabelCalibrations = z.infer<typeof LabelCalibrations>;

/** Enough for a school's year of new stickers in one go; a 500-label sheet is the benchmark. */
export const MAX_NEW_CODES = 1000;

const Groep = z.string().trim().min(1).max(20);

/** What goes on the labels. */
export const LabelSource = z.discriminatedUnion('kind', [
  /** The stickers of the group's pupils' devices: each with the pupil's first name and group. */
  z.strictObject({ kind: z.literal('group'), groep: Groep }),
  /** Fresh codes, printed now and given to a device when it is registered. */
  z.strictObject({ kind: z.literal('newCodes'), count: z.number().int().min(1).max(MAX_NEW_CODES) }),
  /** The pouch tags of the group's pupils' pouches: each with the pouch number. */
  z.strictObject({ kind: z.literal('pouches'), groep: Groep }),
]);
export type LabelSource = z.infer<typeof LabelSource>;

export const LabelSheetRequest = z.strictObject({
  layout: LabelLayoutId,
  source: LabelSource,
  /** The first free label on a partly used sheet, counted 1.. row by row from the top left. */
  start: z.number().int().min(1).max(200).default(1),
});
export type LabelSheetRequest = z.infer<typeof LabelSheetRequest>;

export const LabelLayoutSummary = z.object({
  id: LabelLayoutId,
  name: z.string(),
  pageWidthMm: z.number(),
  pageHeightMm: z.number(),
  columns: z.number().int(),
  rows: z.number().int(),
  perPage: z.number().int(),
  labelWidthMm: z.number(),
  labelHeightMm: z.number(),
  /** The first label's top-left corner and the step to the next, for the screen's picture. */
  leftMm: z.number(),
  topMm: z.number(),
  pitchXMm: z.number(),
  pitchYMm: z.number(),
  symbology: LabelSymbology,
  calibration: LabelCalibration,
});
export type LabelLayoutSummary = z.infer<typeof LabelLayoutSummary>;

export const PdfFile = z.object({
  fileName: z.string(),
  base64: z.base64(),
  pageCount: z.number().int(),
});

export const labelMethods = {
  /** The layouts with what fits on them and this kiosk's calibration of each, and the groups to print for. */
  labelLayouts: method(
    'office',
    z.strictObject({}),
    z.object({ layouts: z.array(LabelLayoutSummary), groups: z.array(z.string()) }),
  ),
  /** A sticker sheet as PDF; a sheet with pupils' names or pouches is recorded as an export. */
  makeLabelSheet: method('office', LabelSheetRequest, PdfFile.extend({ labelCount: z.number().int() })),
  /** A plain-paper page with crosshairs at each label's corners, to hold over a label sheet. */
  makeCalibrationPage: method('office', z.strictObject({ layout: LabelLayoutId }), PdfFile),
  /** Stores one layout's correction (recorded as a settings change). */
  setLabelCalibration: method(
    'office',
    z.strictObject({ layout: LabelLayoutId, calibration: LabelCalibration }),
    z.object({ layout: LabelLayoutId, calibration: LabelCalibration }),
  ),
};
