import { createHash } from 'node:crypto';
import type { LabelCalibration, LabelCalibrations, LabelLayoutId, LabelLayoutSummary, LabelSheetRequest } from '../../shared/contract/labels';
import { noCalibration } from '../../shared/contract/labels';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { readSettings, updateSettings } from '../settings/store';
import { renderCalibrationPage } from './calibrationPage';
import { labelContents, type LabelContent } from './content';
import { labelLayouts, layoutById, perPage } from './layouts';
import { renderSheet } from './sheetPdf';
import { symbologyFor } from './symbology';

export interface PdfOutput {
  fileName: string;
  pdf: Uint8Array;
  pageCount: number;
}

export function calibrationOf(ctx: ServiceContext, layout: LabelLayoutId): LabelCalibration {
  return readSettings(ctx.db).labelCalibration[layout] ?? noCalibration;
}

export function layoutSummaries(ctx: ServiceContext): LabelLayoutSummary[] {
  const calibrations = readSettings(ctx.db).labelCalibration;
  return labelLayouts.map((l) => ({
    id: l.id,
    name: l.name,
    pageWidthMm: l.pageWidth,
    pageHeightMm: l.pageHeight,
    columns: l.columns,
    rows: l.rows,
    perPage: perPage(l),
    labelWidthMm: l.labelWidth,
    labelHeightMm: l.labelHeight,
    leftMm: l.left,
    topMm: l.top,
    pitchXMm: l.pitchX,
    pitchYMm: l.pitchY,
    symbology: symbologyFor(l),
    calibration: calibrations[l.id] ?? noCalibration,
  }));
}

/**
 * A sticker sheet. Printing is not custody, so it is no custody event; but a sheet of a group's
 * stickers or pouches carries pupils' first names (or their pouches) out of the kiosk on paper,
 * so it is recorded like any export (`export_made`, format pdf): who, which layout and group, the
 * file's SHA-256, and whose stickers by id and count (never the names), so a sheet found later
 * can be matched to when it was made. Fresh codes identify nobody and are recorded when they
 * are assigned.
 */
export async function makeLabelSheet(
  ctx: ServiceContext,
  request: LabelSheetRequest,
  actor: Actor,
): Promise<PdfOutput & { labelCount: number; codes: string[] }> {
  const layout = layoutById(request.layout);
  if (request.start > perPage(layout)) throw new AppError('INVALID_ARGUMENT', { field: 'start', rule: `1..${perPage(layout)}` });
  const labels = labelContents(ctx, request.source);
  const { pdf, pageCount } = await renderSheet(layout, labels, {
    start: request.start,
    calibration: calibrationOf(ctx, layout.id),
    symbology: symbologyFor(layout),
    now: ctx.now(),
    title: `Inleverpunt — stickers ${layout.id}`,
  });
  const source = request.source;
  if (source.kind !== 'newCodes') {
    const ids = (pick: (l: LabelContent) => string | undefined) => [...new Set(labels.map(pick).filter((id) => id !== undefined))];
    const pupilIds = ids((l) => l.ids?.pupilId);
    writeTransaction(ctx, () =>
      appendEvent(ledgerWriter(ctx), {
        type: 'export_made',
        actor,
        details: {
          what: 'label_sheet',
          format: 'pdf',
          layout: layout.id,
          source: source.kind,
          groep: source.groep,
          // The same fields as the log's exports, so the office's list of exports shows it alike.
          filter: { groep: source.groep },
          rows: labels.length,
          labelCount: labels.length,
          pages: pageCount,
          pupilIds,
          pupilCount: pupilIds.length,
          ...(source.kind === 'group' ? { deviceIds: ids((l) => l.ids?.deviceId) } : { pouchIds: ids((l) => l.ids?.pouchId) }),
          sha256: createHash('sha256').update(pdf).digest('hex'),
        },
      }),
    );
  }
  const what = source.kind === 'newCodes' ? `nieuwe-codes-${labels.length}` : `${source.kind === 'group' ? 'stickers' : 'vakken'}-${source.groep}`;
  return {
    fileName: `${what}-${layout.id}-${ctx.now().toISOString().slice(0, 10)}.pdf`.replace(/[^\w.-]+/g, '_'),
    pdf,
    pageCount,
    labelCount: labels.length,
    codes: labels.map((l) => l.code),
  };
}

export async function makeCalibrationPage(ctx: ServiceContext, layoutId: LabelLayoutId): Promise<PdfOutput> {
  const layout = layoutById(layoutId);
  const { pdf, pageCount } = await renderCalibrationPage(layout, calibrationOf(ctx, layoutId), ctx.now());
  return { fileName: `kalibratie-${layout.id}.pdf`, pdf, pageCount };
}

/** One layout's correction, stored in the settings (and so recorded as a settings change). */
export function setLabelCalibration(
  ctx: ServiceContext,
  layout: LabelLayoutId,
  calibration: LabelCalibration,
  actorStaffId: string,
): LabelCalibration {
  const current: LabelCalibrations = readSettings(ctx.db).labelCalibration;
  updateSettings(ctx, actorStaffId, { labelCalibration: { ...current, [layout]: calibration } });
  return calibration;
}
