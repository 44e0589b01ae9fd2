import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import { AppError } from '../../shared/errors';
import { custodyEvents, type CentralReportScope } from '../central/custodyEvents';
import { kioskVerification } from '../central/verify';
import { cosignedNote } from '../central/witness';
import { prepared } from '../db/statements';
import { checkpointText, kioskOrigin } from '../evidence/checkpoint';
import type { ExportLanguage } from '../export/columns';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';
import { centralReportModel } from './centralModel';
import type { CustodyReport } from './makeReport';
import { renderReport } from './pdf';

export interface CentralReportRequest {
  kioskId: string;
  scope: CentralReportScope;
  language: ExportLanguage;
  /** The name printed as its maker; null: the CLI (printed as "system"). */
  madeBy: string | null;
  now: Date;
}

/**
 * The kiosk's report with the file's SHA-256; `verified` is the kiosk's chain, checkpoints and
 * cosignatures in the central database, and `checkpoint` the witnessed (cosigned) note.
 */
export interface CentralReport extends CustodyReport {
  sha256: string;
}

/**
 * The chain-of-custody report of one device or incident of one kiosk, from the central database.
 * Made against the kiosk's newest checkpoint the witness countersigned (nothing after it is
 * listed, so every event in it is covered by a root both the kiosk and the board signed), with
 * that kiosk's chain verified again for it. Nothing is written to the central database.
 */
export async function centralCustodyReport(client: ClientBase, request: CentralReportRequest): Promise<CentralReport> {
  const { kioskId } = request;
  const registered = await client.query<{ kiosk_id: string; school: string; name: string }>(
    'SELECT kiosk_id, school, name FROM central.kiosks WHERE kiosk_id = $1',
    [kioskId],
  );
  const kiosk = registered.rows[0];
  if (!kiosk) throw new AppError('CENTRAL_UNKNOWN_KIOSK');
  const witnessed = await cosignedNote(client, kioskId);
  if (!witnessed) throw new AppError('CENTRAL_NOT_WITNESSED', { witnessedSize: null });
  const signed = await client.query<{ root: Buffer }>('SELECT root FROM central.checkpoints WHERE kiosk_id = $1 AND tree_size = $2', [
    kioskId,
    witnessed.treeSize,
  ]);
  const root = signed.rows[0]?.root;
  if (!root) throw new AppError('CENTRAL_NOT_WITNESSED', { witnessedSize: null });
  const custody = await custodyEvents(client, kioskId, request.scope, witnessed.treeSize);
  const verification = await kioskVerification(client, kioskId, { now: () => request.now });
  if (!verification) throw new AppError('CENTRAL_UNKNOWN_KIOSK');
  const model = centralReportModel({
    language: request.language,
    kiosk: { kioskId, school: kiosk.school, name: kiosk.name },
    custody,
    verification,
    checkpoint: {
      treeSize: witnessed.treeSize,
      root,
      note: witnessed.note,
      text: checkpointText({ origin: kioskOrigin(kioskId), size: witnessed.treeSize, root }),
    },
    madeBy: request.madeBy,
    now: request.now,
  });
  const { pdf, pageCount } = await renderReport(model, request.now);
  const day = request.now.toISOString().slice(0, 10);
  const scope = request.scope;
  return {
    fileName: scope.kind === 'device' ? `bestuur-bewaarrapport-apparaat-${day}.pdf` : `bestuur-bewaarrapport-incident-${scope.seq}-${day}.pdf`,
    pdf,
    pageCount,
    events: custody.events.length,
    verified: verification.ok,
    checkpoint: { treeSize: witnessed.treeSize, note: witnessed.note },
    sha256: createHash('sha256').update(pdf).digest('hex'),
  };
}

/**
 * The board's report as the office makes it on its PC: made from the central database and
 * recorded in this PC's own ledger as `export_made` (what: custody_report, the board scope with
 * kiosk and device or incident, events, pages, the file's SHA-256), as a board export is.
 */
export async function boardCustodyReport(
  ctx: ServiceContext,
  client: ClientBase,
  request: Omit<CentralReportRequest, 'madeBy' | 'now'> & { actor: Actor },
): Promise<CentralReport> {
  requireRole(ctx, request.actor, ['office', 'admin']);
  const name = prepared<{ display_name: string }>(ctx.db, 'SELECT display_name FROM staff WHERE staff_id = ?').get(request.actor)?.display_name;
  const report = await centralCustodyReport(client, { ...request, madeBy: name ?? request.actor, now: ctx.now() });
  const scope = request.scope;
  const filter = {
    scope: 'board',
    kioskId: request.kioskId,
    ...(scope.kind === 'device' ? { deviceId: scope.deviceId } : { incidentSeq: scope.seq }),
  };
  writeTransaction(ctx, () =>
    appendEvent(ledgerWriter(ctx), {
      type: 'export_made',
      actor: request.actor,
      details: {
        what: 'custody_report',
        format: 'pdf',
        scope: 'board',
        filter,
        sha256: report.sha256,
        events: report.events,
        pages: report.pageCount,
        verified: report.verified,
        // The other kiosk's witnessed checkpoint, not one of this PC's (checkpointTreeSize would say that).
        witnessedTreeSize: report.checkpoint.treeSize,
      },
    }),
  );
  return report;
}
