import type { labelMethods } from '../../shared/contract/labels';
import type { Core } from '../index';
import { groupsWithPupils } from '../labels/content';
import { layoutSummaries, makeCalibrationPage, makeLabelSheet, setLabelCalibration, type PdfOutput } from '../labels/sheet';
import type { Handlers } from './gateway';

type LabelMethod = keyof typeof labelMethods;

const asFile = (out: PdfOutput) => ({ fileName: out.fileName, base64: Buffer.from(out.pdf).toString('base64'), pageCount: out.pageCount });

/** The office's sticker sheets; the PDF crosses the boundary as base64 (see contract/labels). */
export function createLabelHandlers(core: Core): Pick<Handlers, LabelMethod> {
  const ctx = () => core.services.context;
  return {
    labelLayouts: () => ({ layouts: layoutSummaries(ctx()), groups: groupsWithPupils(ctx()) }),
    async makeLabelSheet(request, { actor }) {
      const sheet = await makeLabelSheet(ctx(), request, actor.staffId);
      return { ...asFile(sheet), labelCount: sheet.labelCount };
    },
    makeCalibrationPage: async ({ layout }) => asFile(await makeCalibrationPage(ctx(), layout)),
    setLabelCalibration: ({ layout, calibration }, { actor }) => ({
      layout,
      calibration: setLabelCalibration(ctx(), layout, calibration, actor.staffId),
    }),
  };
}
