import { createHash } from 'node:crypto';

/**
 * The RFC 6962 / RFC 9162 Merkle tree over a chain's events, the structure standard transparency
 * tools check: a checkpoint names its root, and anyone holding the events can recompute it. The
 * leaves are the events' own hashes, so the tree adds no second reading of an event.
 */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/**
 * Builds the root while the leaves stream past, in O(log n) memory: the stack holds the roots of
 * the perfect subtrees the leaves so far make up (the binary digits of the size), largest first.
 * Folding them from the right gives RFC 6962's split at the largest power of two below n.
 */
export class TreeBuilder {
  private readonly stack: { hash: Buffer; size: number }[] = [];
  private count = 0;
  /** The left siblings the newest leaf was folded with, bottom up: the start of its inclusion proof. */
  private newestSiblings: Buffer[] = [];

  get size(): number {
    return this.count;
  }

  /** Adds one leaf's data (not its leaf hash). */
  add(data: Uint8Array): void {
    let node = { hash: leafHash(data), size: 1 };
    const siblings: Buffer[] = [];
    for (let top = this.stack.at(-1); top && top.size === node.size; top = this.stack.at(-1)) {
      this.stack.pop();
      siblings.push(top.hash);
      node = { hash: nodeHash(top.hash, node.hash), size: top.size * 2 };
    }
    this.stack.push(node);
    this.newestSiblings = siblings;
    this.count++;
  }

  /**
   * The RFC 9162 inclusion proof of the newest leaf in the tree as it is now, for the price of
   * keeping it: every node on the newest leaf's path has its sibling on the left, and those are
   * the subtrees this builder already holds. Kept with a signed checkpoint, it lets the start-up
   * check tie the chain's event at the signed size to the signed root in log(n) hashes, instead
   * of rebuilding the tree (seconds at a million events).
   */
  newestLeafProof(): Buffer[] {
    const proof = [...this.newestSiblings];
    for (let i = this.stack.length - 2; i >= 0; i--) proof.push((this.stack[i] as { hash: Buffer }).hash);
    return proof;
  }

  root(): Buffer {
    let root: Buffer | undefined;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const node = (this.stack[i] as { hash: Buffer }).hash;
      root = root ? nodeHash(node, root) : node;
    }
    return root ?? EMPTY_ROOT;
  }
}

export function merkleRoot(leaves: Iterable<Uint8Array>): Buffer {
  const tree = new TreeBuilder();
  for (const leaf of leaves) tree.add(leaf);
  return tree.root();
}

/**
 * RFC 9162 section 2.1.3.2: whether `proof` shows the leaf with data `leaf` at `index` in the
 * tree of `size` leaves whose root is `root`. The proof must be used up exactly: a shorter or
 * longer one would place the leaf somewhere else.
 */
export function inclusionProofHolds(leaf: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}
