import type { EventType } from '../../shared/contract/eventTypes';
import { prepared } from '../db/statements';
import { appendEvent, type LedgerWriter } from './append';
import { redactionTypes, type Actor } from './events';
import { eraseMediaOf } from './media';
import { toRanges } from './verify';

export interface ErasureRequest {
  seqs: readonly number[];
  /** The record that names what was erased: a request (AVG) or the retention policy. */
  recordAs: Extract<EventType, 'payload_redacted' | 'retention_purge'>;
  actor: Actor;
  /** Non-personal, hashed with the record (e.g. why). */
  details?: Record<string, string | number | boolean>;
}

/**
 * The one way personal data leaves the ledger. Clears the payload text and its salt of the given
 * events of the writer's own chain, in the same UPDATE: the payload hashes stay in the chain, so
 * it still verifies, but without the salt such a hash can no longer be checked against a guessed
 * name or note (version-2 events; version-1 events never had a salt). The images an event kept
 * (a photo, a signature) lose their bytes in the same step; their hashes stay in the event.
 * Appends one redaction record naming the erased seqs, which verify requires of every empty
 * payload. Events without a payload,
 * already erased, or themselves redaction records are skipped. Runs inside the caller's
 * transaction, like `appendEvent`, so the erasure and its record commit together.
 */
export function erasePayloads(writer: LedgerWriter, request: ErasureRequest): { erased: number[]; seq: number | null } {
  const { db } = writer;
  if (!db.inTransaction) throw new Error('erasePayloads must run inside a transaction');
  const select = prepared<{ type: string; body: string | null }>(
    db,
    `SELECT e.type, p.body FROM ledger_events e JOIN ledger_payloads p ON p.kiosk_id = e.kiosk_id AND p.seq = e.seq
     WHERE e.kiosk_id = ? AND e.seq = ?`,
  );
  const clear = prepared(db, 'UPDATE ledger_payloads SET body = NULL, salt = NULL WHERE kiosk_id = ? AND seq = ?');
  const erased: number[] = [];
  for (const seq of [...new Set(request.seqs)].sort((a, b) => a - b)) {
    const row = select.get(writer.kioskId, seq);
    if (!row || row.body === null || redactionTypes.has(row.type)) continue;
    clear.run(writer.kioskId, seq);
    eraseMediaOf(db, writer.kioskId, seq);
    erased.push(seq);
  }
  if (erased.length === 0) return { erased, seq: null };
  const record = appendEvent(writer, {
    type: request.recordAs,
    actor: request.actor,
    details: { ...request.details, seqs: toRanges(erased) },
  });
  return { erased, seq: record.seq };
}
