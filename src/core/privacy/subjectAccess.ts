import { AppError } from '../../shared/errors';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { readIdentity } from '../kiosk/identity';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { requireRole } from '../services/staff';
import { collectSubjectAccess } from './collect';
import { subjectCsv, subjectPdf } from './render';
import { subjectRows } from './rows';

export interface SubjectAccessRequest {
  pupilId: string;
  format: 'pdf' | 'csv';
  actor: Actor;
}

export interface SubjectAccessFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  events: number;
  /** The `export_made` event that records it. */
  recordSeq: number;
}

/**
 * A pupil's data on request (AVG art. 15), made by the office: a PDF for the parent to read or a
 * CSV, and recorded as `export_made` about that pupil (format and counts; the pupil id in the
 * event, no names), so the next request shows this one too.
 */
export async function makeSubjectAccess(ctx: ServiceContext, request: SubjectAccessRequest): Promise<SubjectAccessFile> {
  if (request.format !== 'pdf' && request.format !== 'csv') throw new AppError('INVALID_ARGUMENT', { field: 'format' });
  requireRole(ctx, request.actor, ['office', 'admin']);
  const data = collectSubjectAccess(ctx, request.pupilId);
  const rows = subjectRows(data);
  const now = ctx.now();
  const bytes =
    request.format === 'csv'
      ? subjectCsv(rows)
      : await subjectPdf(rows, { pupilId: request.pupilId, kioskName: readIdentity(ctx.db)?.name ?? ctx.kioskId, now });
  const recordSeq = writeTransaction(ctx, () =>
    appendEvent(ledgerWriter(ctx), {
      type: 'export_made',
      actor: request.actor,
      pupilId: request.pupilId,
      details: { kind: 'subject_access', format: request.format, events: data.events.length, devices: data.devices.length },
    }).seq,
  );
  const stamp = now.toISOString().slice(0, 10);
  return {
    fileName: `inzage-${request.pupilId.slice(0, 8)}-${stamp}.${request.format}`,
    mime: request.format === 'csv' ? 'text/csv' : 'application/pdf',
    bytes,
    events: data.events.length,
    recordSeq,
  };
}
