import type { Db } from '../db/open';
import { preparedRaw } from '../db/statements';
import { TreeBuilder } from '../evidence/merkle';
import { ledgerHead } from './rows';

export interface TreeHead {
  kioskId: string;
  /** How many events the tree covers: seqs 1 to size. */
  size: number;
  root: Buffer;
  /** The inclusion proof of the event at `size` (see TreeBuilder.newestLeafProof); empty for size 0. */
  newestLeafProof: Buffer[];
}

/**
 * The RFC 6962 tree head of a kiosk's chain at `size` events (its whole chain by default), over
 * the events' hashes in seq order. One pass over the hash column (about 1 s per million events);
 * a kiosk's chain is a few thousand events a year.
 */
export function chainTreeHead(db: Db, kioskId: string, size?: number): TreeHead {
  const upTo = size ?? ledgerHead(db, kioskId).seq;
  const tree = new TreeBuilder();
  const rows = preparedRaw(db, 'SELECT seq, hash FROM ledger_events WHERE kiosk_id = ? AND seq <= ? ORDER BY seq');
  for (const [seq, hash] of rows.iterate(kioskId, upTo) as IterableIterator<[number, Buffer]>) {
    if (seq !== tree.size + 1) break;
    tree.add(hash);
  }
  if (tree.size !== upTo) throw new Error(`chain ${kioskId} has no event ${tree.size + 1} (tree size ${upTo} asked)`);
  return { kioskId, size: upTo, root: tree.root(), newestLeafProof: tree.newestLeafProof() };
}
