import { AppError } from '../../shared/errors';
import { appendEvent } from '../ledger/append';
import { erasePayloads } from '../ledger/erase';
import type { Actor } from '../ledger/events';
import { toRanges } from '../ledger/verify';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { requireRole } from './staff';

export const redactionReasons = ['retention', 'request'] as const;
export type RedactionReason = (typeof redactionReasons)[number];

/**
 * The one documented way to erase personal data from the ledger (AVG): the payload text and salt
 * of the given events of this kiosk's chain are cleared — their payload hashes stay in the chain,
 * so it still verifies, and without the salt cannot confirm a guess — and a
 * `payload_redacted` event names the erased seqs, which verify requires of every empty payload.
 * Events without a payload, already erased, or themselves redaction records are skipped.
 * (The retention policy that decides *which* events is the retention issue's; it calls this.)
 */
export function redactPayloads(
  ctx: ServiceContext,
  input: { seqs: readonly number[]; reason: RedactionReason; actor: Actor },
): { redacted: number[]; seq: number | null } {
  if (!redactionReasons.includes(input.reason)) throw new AppError('INVALID_ARGUMENT', { field: 'reason' });
  return writeTransaction(ctx, () => {
    requireRole(ctx, input.actor, ['office', 'admin']);
    const redacted = erasePayloads(ctx.db, ctx.kioskId, input.seqs);
    if (redacted.length === 0) return { redacted, seq: null };
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'payload_redacted',
      actor: input.actor,
      details: { reason: input.reason, seqs: toRanges(redacted) },
    });
    return { redacted, seq: event.seq };
  });
}
