import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { prepared } from '../db/statements';
import { checkpointText, kioskOrigin } from '../evidence/checkpoint';
import type { ExportLanguage } from '../export/columns';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { verifyLedger } from '../ledger/verify';
import { signCheckpoint } from '../services/checkpoints';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';
import { readSettings } from '../settings/store';
import { reportModel } from './model';
import { renderReport } from './pdf';
import { scopedEvents, type ReportScope } from './scope';

export interface ReportRequest {
  scope: ReportScope;
  /** The kiosk's language when not given. */
  language?: ExportLanguage;
  actor: Actor;
}

export interface CustodyReport {
  fileName: string;
  pdf: Uint8Array;
  pageCount: number;
  /** How many events the report lists. */
  events: number;
  verified: boolean;
  checkpoint: { treeSize: number; note: string };
}

/**
 * The chain-of-custody report for one device or one incident. Like an export it is made against
 * a checkpoint the kiosk signs first (the report lists nothing after it), the whole chain is
 * verified for it, and making it is recorded (`export_made`, what: custody_report; ids and
 * counts, no names). A teacher may make one about an incident in their class, as the office may.
 */
export async function makeCustodyReport(ctx: ServiceContext, request: ReportRequest): Promise<CustodyReport> {
  requireRole(ctx, request.actor, ['teacher', 'office', 'admin']);
  const language = request.language ?? readSettings(ctx.db).language;
  if (request.scope.kind === 'device' && !deviceKnown(ctx, request.scope.deviceId)) throw new AppError('UNKNOWN_DEVICE');
  const signed = signCheckpoint(ctx, 'export');
  const scoped = scopedEvents(ctx, request.scope, signed.treeSize);
  const verify = verifyLedger(ctx.db, { kioskId: ctx.kioskId });
  const model = reportModel(ctx, {
    language,
    scoped,
    verify,
    madeBy: request.actor,
    checkpoint: {
      treeSize: signed.treeSize,
      root: signed.root,
      note: signed.note,
      text: checkpointText({ origin: kioskOrigin(ctx.kioskId), size: signed.treeSize, root: signed.root }),
    },
  });
  const { pdf, pageCount } = await renderReport(model, ctx.now());
  const scope = request.scope;
  const reportFilter = scope.kind === 'device' ? { deviceId: scope.deviceId } : { incidentSeq: scope.seq, deviceId: scoped.deviceId };
  writeTransaction(ctx, () =>
    appendEvent(ledgerWriter(ctx), {
      type: 'export_made',
      actor: request.actor,
      details: {
        what: 'custody_report',
        format: 'pdf',
        scope: scope.kind,
        ...reportFilter,
        // As every export records it: what the file covers, and the file's own fingerprint.
        filter: reportFilter,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        events: scoped.events.length,
        pages: pageCount,
        verified: verify.ok,
        checkpointTreeSize: signed.treeSize,
      },
    }),
  );
  const day = ctx.now().toISOString().slice(0, 10);
  return {
    fileName: scope.kind === 'device' ? `bewaarrapport-toestel-${day}.pdf` : `bewaarrapport-incident-${scope.seq}-${day}.pdf`,
    pdf,
    pageCount,
    events: scoped.events.length,
    verified: verify.ok,
    checkpoint: { treeSize: signed.treeSize, note: signed.note },
  };
}

function deviceKnown(ctx: ServiceContext, deviceId: string): boolean {
  // Inactive devices too: a phone that has left the school still has its history.
  return prepared(ctx.db, 'SELECT 1 FROM devices WHERE device_id = ?').get(deviceId) !== undefined;
}
