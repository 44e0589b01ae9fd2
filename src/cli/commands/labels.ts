import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { layoutById, perPage } from '../../core/labels/layouts';
import { calibrationOf, makeCalibrationPage, makeLabelSheet, setLabelCalibration } from '../../core/labels/sheet';
import { symbologyFor } from '../../core/labels/symbology';
import { LabelCalibration, LabelLayoutId, labelLayoutIds, MAX_NEW_CODES, type LabelSource } from '../../shared/contract/labels';
import { output, type CliCommand, type CliContext } from '../command';
import { openCliCore } from '../database';

const LAYOUTS = labelLayoutIds.join('|');
const USAGE = [
  `labels (--group G | --pouches G | --new-codes N) --layout ${LAYOUTS} [--start N] --out FILE.pdf`,
  `labels --calibration --layout ${LAYOUTS} --out FILE.pdf`,
].join('\n       npm run cli -- ');
const CALIBRATE_USAGE = `labels calibrate --layout ${LAYOUTS} [--x MM] [--y MM] [--pitch-x MM] [--pitch-y MM]  (a negative value as --y=-1.2)`;

function usage(ctx: CliContext, text: string, problem?: string): number {
  ctx.io.stderr(`${problem ? `${problem}\n` : ''}Usage: npm run cli -- ${text}\n`);
  return 2;
}

function layoutOf(value: string | undefined): LabelLayoutId | null {
  const parsed = LabelLayoutId.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function wholeNumber(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/**
 * Sticker sheets from the terminal: the same PDF as the office screen, written to a file. Who can
 * run this can read the database file already, so a sheet with names is recorded as the 'system'.
 */
export const labels: CliCommand = {
  name: 'labels',
  summary: "Print a sticker sheet (PDF): a group's device stickers, its pouch labels or fresh codes; or a calibration page",
  usage: USAGE,
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        group: { type: 'string' },
        pouches: { type: 'string' },
        'new-codes': { type: 'string' },
        calibration: { type: 'boolean', default: false },
        layout: { type: 'string' },
        start: { type: 'string', default: '1' },
        out: { type: 'string' },
      },
    });
    const layoutId = layoutOf(values.layout);
    if (!layoutId) return usage(ctx, USAGE, `--layout must be one of ${LAYOUTS}.`);
    if (!values.out) return usage(ctx, USAGE, '--out FILE.pdf is required.');
    const layout = layoutById(layoutId);
    const chosen = [values.group, values.pouches, values['new-codes'], values.calibration || undefined].filter((v) => v !== undefined);
    if (chosen.length !== 1) return usage(ctx, USAGE, 'Give exactly one of --group, --pouches, --new-codes or --calibration.');
    const start = wholeNumber(values.start, 1, perPage(layout));
    if (start === null) return usage(ctx, USAGE, `--start must be a label position from 1 to ${perPage(layout)} on ${layoutId}.`);
    let source: LabelSource | null = null;
    if (values.group !== undefined) source = { kind: 'group', groep: values.group.trim() };
    else if (values.pouches !== undefined) source = { kind: 'pouches', groep: values.pouches.trim() };
    else if (values['new-codes'] !== undefined) {
      const count = wholeNumber(values['new-codes'], 1, MAX_NEW_CODES);
      if (count === null) return usage(ctx, USAGE, `--new-codes must be a whole number from 1 to ${MAX_NEW_CODES}.`);
      source = { kind: 'newCodes', count };
    }
    if (source && 'groep' in source && !source.groep) return usage(ctx, USAGE, 'The group must not be empty.');

    const core = openCliCore(ctx.dbPath);
    try {
      const c = core.services.context;
      if (!source) {
        const page = await makeCalibrationPage(c, layoutId);
        await writeFile(values.out, page.pdf);
        const data = { file: values.out, layout: layoutId, calibration: calibrationOf(c, layoutId), pageCount: page.pageCount };
        output(ctx, data, () => `Calibration page for ${layoutId} written to ${values.out}. Print it at 100 % (no "fit to page").`);
        return 0;
      }
      const sheet = await makeLabelSheet(c, { layout: layoutId, source, start }, SYSTEM_ACTOR);
      await writeFile(values.out, sheet.pdf);
      const data = {
        file: values.out,
        layout: layoutId,
        symbology: symbologyFor(layout),
        start,
        labelCount: sheet.labelCount,
        pageCount: sheet.pageCount,
        // Fresh codes are new to everyone: a script registers them later. Existing ones it knows.
        ...(source.kind === 'newCodes' ? { codes: sheet.codes } : {}),
      };
      output(ctx, data, () =>
        [
          `${sheet.labelCount} labels (${symbologyFor(layout) === 'qrcode' ? 'QR' : 'Code 128'}) on ${sheet.pageCount} page(s) of ${layoutId}, from label ${start}, written to ${values.out}.`,
          ...(source.kind === 'newCodes' ? sheet.codes : []),
        ].join('\n'),
      );
      return 0;
    } finally {
      core.close();
    }
  },
};

/** Stores a printer's correction for one layout; values not given stay as they are. */
export const labelsCalibrate: CliCommand = {
  name: 'labels calibrate',
  summary: "Set a layout's printer correction in mm (x/y offset, pitch), recorded as a settings change",
  usage: CALIBRATE_USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: { layout: { type: 'string' }, x: { type: 'string' }, y: { type: 'string' }, 'pitch-x': { type: 'string' }, 'pitch-y': { type: 'string' } },
    });
    const layoutId = layoutOf(values.layout);
    if (!layoutId) return usage(ctx, CALIBRATE_USAGE, `--layout must be one of ${LAYOUTS}.`);
    const core = openCliCore(ctx.dbPath);
    try {
      const c = core.services.context;
      const current = calibrationOf(c, layoutId);
      const mm = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v.replace(',', '.')));
      const next = LabelCalibration.safeParse({
        offsetX: mm(values.x, current.offsetX),
        offsetY: mm(values.y, current.offsetY),
        pitchX: mm(values['pitch-x'], current.pitchX),
        pitchY: mm(values['pitch-y'], current.pitchY),
      });
      if (!next.success) return usage(ctx, CALIBRATE_USAGE, 'Offsets are numbers from -5 to 5 mm, pitch corrections from -2 to 2 mm.');
      const saved = setLabelCalibration(c, layoutId, next.data, SYSTEM_ACTOR);
      output(ctx, { layout: layoutId, calibration: saved }, () =>
        `${layoutId}: x ${saved.offsetX} mm, y ${saved.offsetY} mm, pitch x ${saved.pitchX} mm, pitch y ${saved.pitchY} mm`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
