import type { EventSummary } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { appendEvent } from '../../ledger/append';
import { voidableTypes, type LedgerEvent } from '../../ledger/events';
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
    return voidEvent(ctx, requireEvent(ctx, input.seq), input.actor, reason);
  });
}

/**
 * How long "Ongedaan maken" at the door stays possible, in the core: longer than the screen
 * offers it, so a tap at the last moment still lands, and short enough that the next pupil cannot
 * undo the previous one's note.
 */
export const DOOR_UNDO_MS = 30_000;

/**
 * The door's own undo of a damage tap just made: the same correction event, made by whoever made
 * the note (the pupil, or the staff member unlocked at the kiosk), and only within DOOR_UNDO_MS.
 */
export function undoDoorNote(
  ctx: ServiceContext,
  input: { seq: number; actor: string; reason: string },
): { event: EventSummary; voided: EventSummary } {
  return writeTransaction(ctx, () => {
    requireActor(ctx, input.actor, { pupilAllowed: true });
    const target = requireEvent(ctx, input.seq);
    if (target.type !== 'condition_noted') throw new AppError('NOT_VOIDABLE', { type: target.type });
    // Someone else's note is not this person's to undo: it looks as if the moment has passed.
    const age = ctx.now().getTime() - Date.parse(target.occurredAt);
    if (target.actor !== input.actor || age > DOOR_UNDO_MS) throw new AppError('UNDO_TOO_LATE');
    return voidEvent(ctx, target, input.actor, input.reason);
  });
}

function voidEvent(
  ctx: ServiceContext,
  target: LedgerEvent,
  actor: string,
  reason: string,
): { event: EventSummary; voided: EventSummary } {
  if (!voidableTypes.has(target.type)) throw new AppError('NOT_VOIDABLE', { type: target.type });
  const earlier = voidedBy(ctx.db, target.seq, ctx.kioskId);
  if (earlier !== undefined) throw new AppError('ALREADY_VOIDED', { voidedBySeq: earlier });
  const event = appendEvent(ledgerWriter(ctx), {
    type: 'corrected',
    actor,
    deviceId: target.deviceId,
    pupilId: target.pupilId,
    voidsSeq: target.seq,
    details: { voidedType: target.type },
    payload: { reason },
  });
  return { event: summarizeEvent(event), voided: summarizeEvent(target) };
}
