import type { Db } from '../../../../src/core/db/open';
import { hashEvent } from '../../../../src/core/ledger/hash';
import { chainSince } from '../../../../src/core/ledger/importChain';
import { getEvent } from '../../../../src/core/ledger/rows';

/** What someone with the kiosk's disk does: changes an old event and recomputes every hash after it. */
export function rewriteHistory(db: Db, kioskId: string, fromSeq: number): void {
  const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ledger_events'").pluck().all() as string[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t}`);
  let prev = getEvent(db, fromSeq - 1, kioskId)!.hash;
  const update = db.prepare('UPDATE ledger_events SET details = ?, prev_hash = ?, hash = ? WHERE kiosk_id = ? AND seq = ?');
  for (const { event } of chainSince(db, kioskId, fromSeq - 1)) {
    const details = event.seq === fromSeq ? '{"rewritten":true}' : event.details;
    const hash = hashEvent({ ...event, details, prevHash: prev });
    update.run(details, prev, hash, kioskId, event.seq);
    prev = hash;
  }
}
