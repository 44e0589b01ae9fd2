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

/** Leaves read per slice: about 6 ms of hashing, so a scan arriving meanwhile waits at most that long. */
const SLICE = 8192;

/**
 * The tree root at `size`, from scratch, read and hashed in slices with the event loop let go
 * between them: the automatic sync checks the witnessed tree this way in the kiosk's main process,
 * where the whole chain in one go (64 ms at a year's 11,000 events, 4.6 s at a million) would hold
 * up every scan that arrived meanwhile. Each slice is its own statement, so nothing keeps the
 * connection busy while a scan is written.
 */
export async function chainRootInSlices(db: Db, kioskId: string, size: number, slice = SLICE): Promise<Buffer> {
  const tree = new TreeBuilder();
  const rows = preparedRaw(db, 'SELECT seq, hash FROM ledger_events WHERE kiosk_id = ? AND seq > ? AND seq <= ? ORDER BY seq');
  while (tree.size < size) {
    const end = Math.min(size, tree.size + slice);
    for (const [seq, hash] of rows.all(kioskId, tree.size, end) as [number, Buffer][]) {
      if (seq !== tree.size + 1) break;
      tree.add(hash);
    }
    if (tree.size !== end) throw new Error(`chain ${kioskId} has no event ${tree.size + 1} (tree size ${size} asked)`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return tree.root();
}

function resumed(db: Db, kioskId: string, known: KnownTree): TreeBuilder | null {
  if (known.treeSize === 0) return new TreeBuilder();
  const leaf = preparedRaw(db, 'SELECT hash FROM ledger_events WHERE kiosk_id = ? AND seq = ?').get(kioskId, known.treeSize) as [Buffer] | undefined;
  return leaf ? TreeBuilder.resume(known.treeSize, leaf[0], known.newestLeafProof) : null;
}
