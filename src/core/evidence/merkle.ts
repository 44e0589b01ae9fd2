import { createHash } from 'node:crypto';
import { sha256 } from '../ledger/hash';

/**
 * The RFC 6962 / RFC 9162 Merkle tree over a chain's events, the structure standard transparency
 * tools check: a checkpoint names its root, and anyone holding the events can recompute it. The
 * leaves are the events' own hashes, so the tree adds no second reading of an event.
 */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

// The tree hashes 2n times for n leaves: one-shot hashes over a reused buffer, returned as text
// and copied out (see sha256), cost a third of a hash object each (see test/bench/bundles.ts).
const leafInput = Buffer.alloc(33);
const nodeInput = Buffer.alloc(65, 0x01);
leafInput[0] = 0x00;

export function leafHash(data: Uint8Array): Buffer {
  if (data.length !== 32) return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
  leafInput.set(data, 1);
  return sha256(leafInput);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== 32 || right.length !== 32) return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return sha256(nodeInput);
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

  /**
   * The builder as it stood at `size` leaves, from the newest leaf and its inclusion proof (what a
   * signed checkpoint keeps, see newestLeafProof): the proof's nodes are the subtrees the builder
   * held. Extending a signed tree then costs the new leaves only, not the whole chain again.
   * Null when the proof does not have the shape a tree of that size gives.
   */
  static resume(size: number, newestLeaf: Uint8Array, proof: readonly Uint8Array[]): TreeBuilder | null {
    if (!Number.isSafeInteger(size) || size < 1 || proof.some((p) => p.length !== 32)) return null;
    // The stack's sizes are the binary digits of `size`, largest first; the newest leaf sits in the smallest.
    const sizes: number[] = [];
    for (let bit = 2 ** Math.floor(Math.log2(size)); bit >= 1; bit /= 2) if (Math.floor(size / bit) % 2 === 1) sizes.push(bit);
    const smallest = sizes.at(-1) as number;
    const depth = Math.log2(smallest);
    if (proof.length !== depth + sizes.length - 1) return null;
    let node = leafHash(newestLeaf);
    for (let i = 0; i < depth; i++) node = nodeHash(proof[i] as Uint8Array, node);
    const tree = new TreeBuilder();
    for (let i = 0; i < sizes.length - 1; i++) {
      tree.stack.push({ hash: Buffer.from(proof[proof.length - 1 - i] as Uint8Array), size: sizes[i] as number });
    }
    tree.stack.push({ hash: node, size: smallest });
    tree.newestSiblings = proof.slice(0, depth).map((p) => Buffer.from(p));
    tree.count = size;
    return tree;
  }

  /** Adds one leaf's data (not its leaf hash). */
  add(data: Uint8Array): void {
    this.push(leafHash(data), 1);
  }

  /** Adds one leaf's data given as 64 lowercase hex digits (an event hash as a bundle carries it, checked by the caller). */
  addHex(hex: string): void {
    if (hex.length !== 64 || leafInput.write(hex, 1, 'hex') !== 32) throw new RangeError('a leaf in hex is 64 hex digits');
    this.push(sha256(leafInput), 1);
  }

  /**
   * Adds the root of a perfect subtree of `size` leaves (a power of two) standing at the current
   * size, which must be a multiple of it: what a proof gives for leaves the reader does not hold.
   * Returns false, adding nothing, for a subtree that cannot stand there.
   */
  addSubtree(hash: Uint8Array, size: number): boolean {
    if (hash.length !== 32 || !Number.isSafeInteger(size) || size < 1 || !Number.isInteger(Math.log2(size)) || this.count % size !== 0) return false;
    this.push(Buffer.from(hash), size);
    return true;
  }

  private push(hash: Buffer, size: number): void {
    const stack = this.stack;
    // Reused, not made anew per leaf: newestLeafProof copies it, and nothing else hands it out.
    const siblings = this.newestSiblings;
    siblings.length = 0;
    let node = hash;
    let nodeSize = size;
    for (let top = stack[stack.length - 1]; top && top.size === nodeSize; top = stack[stack.length - 1]) {
      stack.pop();
      siblings.push(top.hash);
      node = nodeHash(top.hash, node);
      nodeSize *= 2;
    }
    stack.push({ hash: node, size: nodeSize });
    this.count += size;
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
