import type { EventSummary } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { appendEvent } from '../../ledger/append';
import { voidableTypes } from '../../ledger/events';
import { voidedBy } from '../../ledger/rows';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { requireActor, requireEvent, summarizeEvent, text } from './common';

export interface CorrectInput {
  /** The event that was wrong: a seq of this kiosk's own chain (a correction voids an event of its own chain). */
  seq: number;
  reason: string;
  actor: string;
}

/**
 * Fixes a mistake without rewriting history: a `corrected` event that voids event `seq`, with a
 * reason. Only custody facts and notes can be voided, each at most once, and a correction itself
 * cannot be voided — so whether an event counts never flips back and forth, and the projection
 * rule ("voided events contribute nothing") stays simple. To undo a wrong correction, record the
 * right event anew.
 */
export function correct(ctx: ServiceContext, input: CorrectInput): { event: EventSummary; voided: EventSummary } {
  const reason = text(input.reason);
  if (!reason) throw new AppError('INVALID_ARGUMENT', { field: 'reason' });
  return writeTransaction(ctx, () => {
    requireActor(ctx, input.actor, { pupilAllowed: false });
    const target = requireEvent(ctx, input.seq);
    if (!voidableTypes.has(target.type)) throw new AppError('NOT_VOIDABLE', { type: target.type });
    const earlier = voidedBy(ctx.db, target.seq, ctx.kioskId);
    if (earlier !== undefined) throw new AppError('ALREADY_VOIDED', { voidedBySeq: earlier });
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'corrected',
      actor: input.actor,
      deviceId: target.deviceId,
      pupilId: target.pupilId,
      voidsSeq: target.seq,
      details: { voidedType: target.type },
      payload: { reason },
    });
    return { event: summarizeEvent(event), voided: summarizeEvent(target) };
  });
}
