import type { reportMethods } from '../../shared/contract/reports';
import type { Core } from '../index';
import { makeCustodyReport } from '../report/makeReport';
import { reportSubjects } from '../report/subjects';
import type { Handlers } from './gateway';

type ReportMethod = keyof typeof reportMethods;

/** The chain-of-custody report for the screen: the same report as the CLI's `report`. */
export function createReportHandlers(core: Core): Pick<Handlers, ReportMethod> {
  return {
    reportSubjects: ({ groep }) => reportSubjects(core.services.context, groep),
    async makeCustodyReport({ scope, language }, { actor }) {
      const report = await makeCustodyReport(core.services.context, { scope, actor: actor.staffId, ...(language ? { language } : {}) });
      return {
        fileName: report.fileName,
        base64: Buffer.from(report.pdf).toString('base64'),
        pageCount: report.pageCount,
        events: report.events,
        verified: report.verified,
        checkpoint: report.checkpoint,
      };
    },
  };
}
