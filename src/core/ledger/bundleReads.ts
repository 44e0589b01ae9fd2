import type { Db } from '../db/open';
import { prepared, preparedRaw } from '../db/statements';

/**
 * The hashes of a chain's first `size` events, back to back in one buffer (32 bytes each, seq 1
 * first): the Merkle tree's leaves, from which a bundle's subtrees and proofs are computed. One
 * buffer rather than a million small ones: 32 MB at a million events.
 */
export function chainLeaves(db: Db, kioskId: string, size: number): Buffer {
  const leaves = Buffer.alloc(size * 32);
  let count = 0;
  const rows = preparedRaw(db, 'SELECT seq, hash FROM ledger_events WHERE kiosk_id = ? AND seq <= ? ORDER BY seq');
  for (const [seq, hash] of rows.iterate(kioskId, size) as IterableIterator<[number, Buffer]>) {
    if (seq !== count + 1 || hash.length !== 32) break;
    hash.copy(leaves, count * 32);
    count++;
  }
  if (count !== size) throw new Error(`chain ${kioskId} has no event ${count + 1} (tree size ${size} asked)`);
  return leaves;
}

/**
 * An event's payload as stored: undefined when it has none, body and salt null once retention
 * erased it. What a bundle carries so a reader can check the text against the event's hash.
 */
export function payloadParts(db: Db, kioskId: string, seq: number): { salt: Buffer | null; body: string | null } | undefined {
  return prepared<{ salt: Buffer | null; body: string | null }>(db, 'SELECT salt, body FROM ledger_payloads WHERE kiosk_id = ? AND seq = ?').get(
    kioskId,
    seq,
  );
}
