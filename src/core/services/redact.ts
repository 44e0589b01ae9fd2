import { AppError } from '../../shared/errors';
import type { Actor } from '../ledger/events';
import { erasePayloads } from '../ledger/erase';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { requireRole } from './staff';

export const redactionReasons = ['retention', 'request'] as const;
export type RedactionReason = (typeof redactionReasons)[number];

/**
 * Erasing personal data from the ledger (AVG) on the office's authority: the ledger's
 * `erasePayloads` clears the payload texts and salts of this kiosk's chain and records a
 * `payload_redacted` event naming them.
 * (The retention policy that decides *which* events is the retention issue's; it calls this.)
 */
export function redactPayloads(
  ctx: ServiceContext,
  input: { seqs: readonly number[]; reason: RedactionReason; actor: Actor },
): { redacted: number[]; seq: number | null } {
  if (!redactionReasons.includes(input.reason)) throw new AppError('INVALID_ARGUMENT', { field: 'reason' });
  return writeTransaction(ctx, () => {
    requireRole(ctx, input.actor, ['office', 'admin']);
    const { erased, seq } = erasePayloads(ledgerWriter(ctx), {
      seqs: input.seqs,
      recordAs: 'payload_redacted',
      actor: input.actor,
      details: { reason: input.reason },
    });
    return { redacted: erased, seq };
  });
}
