import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { redactionTypes } from './events';

/**
 * Erases the personal part of events of one kiosk's chain: the payload's text and its salt, in
 * the same UPDATE. Without the salt the payload hash left in the chain can no longer be checked
 * against a guessed name or note (version-2 events; version-1 events never had a salt), while
 * every event hash still verifies. Skips events without a payload, already erased, or themselves
 * redaction records, and returns the seqs it erased in order. The caller records them in a
 * redaction event in the same transaction: verify refuses an empty payload that no redaction event
 * of the same chain names.
 */
export function erasePayloads(db: Db, kioskId: string, seqs: readonly number[]): number[] {
  if (!db.inTransaction) throw new Error('erasePayloads must run inside a transaction');
  const select = prepared<{ type: string; body: string | null }>(
    db,
    `SELECT e.type, p.body FROM ledger_events e JOIN ledger_payloads p ON p.kiosk_id = e.kiosk_id AND p.seq = e.seq
     WHERE e.kiosk_id = ? AND e.seq = ?`,
  );
  const clear = prepared(db, 'UPDATE ledger_payloads SET body = NULL, salt = NULL WHERE kiosk_id = ? AND seq = ?');
  const erased: number[] = [];
  for (const seq of [...new Set(seqs)].sort((a, b) => a - b)) {
    const row = select.get(kioskId, seq);
    if (!row || row.body === null || redactionTypes.has(row.type)) continue;
    clear.run(kioskId, seq);
    erased.push(seq);
  }
  return erased;
}
