import { AppError } from '../../shared/errors';
import { scrubFreedBytes, withSecureDelete } from '../db/secureErase';
import { erasePayloads } from '../ledger/erase';
import type { Actor } from '../ledger/events';
import { readChainForRetention } from '../ledger/retentionReads';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../services/context';
import { changeDevice, listDevices } from '../services/devices';
import { changePupil, getPupil } from '../services/pupils';
import { requireRole } from '../services/staff';
import { anonymisePupilRow } from './anonymise';
import { livePayloadsOf, openCasesOf } from './plan';

export const MAX_REQUEST_REASON = 200;

export interface ErasureOnRequest {
  pupilId: string;
  /** Why (e.g. "verzoek ouders, brief 12 maart"): chained in the record and never erased, so no names. */
  reason: string;
  actor: Actor;
}

export interface ErasureResult {
  erased: number;
  recordSeq: number | null;
  walEmptied: boolean | null;
}

/**
 * Erasure on request (AVG art. 17) through the same path as the retention purge: the pupil is
 * deactivated (with their devices), every payload about them is erased and recorded in one
 * `payload_redacted` event, their names leave the pupil list, and the file is scrubbed.
 * Refused while a case about them is open: a confiscation or an incident must be closable first
 * (art. 17(3)(e): the school may need it to answer a claim).
 */
export function erasePupilOnRequest(ctx: ServiceContext, request: ErasureOnRequest): ErasureResult {
  const reason = request.reason.trim();
  if (reason.length === 0 || reason.length > MAX_REQUEST_REASON) throw new AppError('INVALID_ARGUMENT', { field: 'reason' });
  const result = withSecureDelete(ctx.db, () =>
    writeTransaction(ctx, () => {
      requireRole(ctx, request.actor, ['office', 'admin']);
      const pupil = getPupil(ctx, request.pupilId);
      if (!pupil) throw new AppError('UNKNOWN_PUPIL');
      const open = openCasesOf(readChainForRetention(ctx.db, ctx.kioskId), pupil.pupilId);
      if (open.length > 0) throw new AppError('CASE_OPEN', { cases: open.length });
      for (const device of listDevices(ctx, { pupilId: pupil.pupilId })) {
        if (device.active) changeDevice(ctx, device.deviceId, { active: false }, request.actor);
      }
      if (pupil.active) changePupil(ctx, pupil.pupilId, { active: false }, request.actor);
      const seqs = livePayloadsOf(readChainForRetention(ctx.db, ctx.kioskId), pupil.pupilId);
      const { erased, seq } = erasePayloads(ledgerWriter(ctx), {
        seqs,
        recordAs: 'payload_redacted',
        actor: request.actor,
        details: { reason: 'request', pupilId: pupil.pupilId, grounds: reason },
      });
      anonymisePupilRow(ctx.db, pupil.pupilId);
      return { erased: erased.length, recordSeq: seq };
    }),
  );
  return { ...result, walEmptied: scrubFreedBytes(ctx.db).walEmptied };
}
