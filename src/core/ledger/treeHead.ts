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

/** A tree the caller already trusts (a signed checkpoint whose kept proof checked out), to extend rather than rebuild. */
export interface KnownTree {
  treeSize: number;
  newestLeafProof: readonly Buffer[];
}

/**
 * The RFC 6962 tree head of a kiosk's chain at `size` events (its whole chain by default), over
 * the events' hashes in seq order. From scratch that is one pass over the hash column (seconds
 * at a million events); given a known tree no larger than `size`, only the events after it are read.
 */
export function chainTreeHead(db: Db, kioskId: string, size?: number, known?: KnownTree): TreeHead {
  const upTo = size ?? ledgerHead(db, kioskId).seq;
  const tree = (known && known.treeSize <= upTo && resumed(db, kioskId, known)) || new TreeBuilder();
  const rows = preparedRaw(db, 'SELECT seq, hash FROM ledger_events WHERE kiosk_id = ? AND seq > ? AND seq <= ? ORDER BY seq');
  for (const [seq, hash] of rows.iterate(kioskId, tree.size, upTo) as IterableIterator<[number, Buffer]>) {
    if (seq !== tree.size + 1) break;
    tree.add(hash);
  }
  if (tree.size !== upTo) throw new Error(`chain ${kioskId} has no event ${tree.size + 1} (tree size ${upTo} asked)`);
  return { kioskId, size: upTo, root: tree.root(), newestLeafProof: tree.newestLeafProof() };
}

function resumed(db: Db, kioskId: string, known: KnownTree): TreeBuilder | null {
  if (known.treeSize === 0) return new TreeBuilder();
  const leaf = preparedRaw(db, 'SELECT hash FROM ledger_events WHERE kiosk_id = ? AND seq = ?').get(kioskId, known.treeSize) as [Buffer] | undefined;
  return leaf ? TreeBuilder.resume(known.treeSize, leaf[0], known.newestLeafProof) : null;
}
