import { leafHash, nodeHash, TreeBuilder } from './merkle';

/**
 * RFC 9162 section 2.1.3 (inclusion) and 2.1.4 (consistency) proofs over the chain's Merkle tree,
 * generated from the leaves and verified by the RFC's own algorithms, so that a proof made here
 * checks with any Certificate Transparency or transparency-dev verifier and the other way round.
 * A leaf is an event's hash; `leaves(i)` gives the one at index i (seq i + 1).
 */
export type Leaves = (index: number) => Uint8Array;

/** MTH(D[start:end]): the root of the tree over those leaves alone. */
export function subtreeRoot(leaves: Leaves, start: number, end: number): Buffer {
  const tree = new TreeBuilder();
  for (let i = start; i < end; i++) tree.add(leaves(i));
  return tree.root();
}

/** The largest power of two smaller than n (n > 1): where RFC 6962 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** PATH(m, D[0:n]) of RFC 9162 2.1.3.1, deepest sibling first. */
export function inclusionProof(leaves: Leaves, index: number, size: number): Buffer[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError('inclusion proof: leaf outside the tree');
  const path: Buffer[] = [];
  const walk = (m: number, start: number, end: number) => {
    if (end - start <= 1) return;
    const k = splitPoint(end - start);
    if (m < k) {
      walk(m, start, start + k);
      path.push(subtreeRoot(leaves, start + k, end));
    } else {
      walk(m - k, start + k, end);
      path.push(subtreeRoot(leaves, start, start + k));
    }
  };
  walk(index, 0, size);
  return path;
}

/** PROOF(m, D[0:n]) of RFC 9162 2.1.4.1: from the tree of the first m leaves to that of all n. */
export function consistencyProof(leaves: Leaves, m: number, n: number): Buffer[] {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n) throw new RangeError('consistency proof: sizes out of order');
  if (m === 0 || m === n) return [];
  const path: Buffer[] = [];
  const sub = (mm: number, start: number, end: number, complete: boolean) => {
    const size = end - start;
    if (mm === size) {
      if (!complete) path.push(subtreeRoot(leaves, start, end));
      return;
    }
    const k = splitPoint(size);
    if (mm <= k) {
      sub(mm, start, start + k, complete);
      path.push(subtreeRoot(leaves, start + k, end));
    } else {
      sub(mm - k, start + k, end, false);
      path.push(subtreeRoot(leaves, start, start + k));
    }
  };
  sub(m, 0, n, true);
  return path;
}

// Sizes go beyond 2^32: halving by division, not by 32-bit shifts.
const half = (x: number) => Math.floor(x / 2);
const odd = (x: number) => x % 2 === 1;

/** RFC 9162 2.1.3.2 steps 2–4: the root an inclusion proof gives for a leaf, or null if the proof cannot fit. */
export function rootFromInclusionProof(index: number, size: number, leafData: Uint8Array, proof: readonly Uint8Array[]): Buffer | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(leafData);
  for (const p of proof) {
    if (p.length !== 32 || sn === 0) return null;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

export function verifyInclusion(index: number, size: number, leafData: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  return rootFromInclusionProof(index, size, leafData, proof)?.equals(root) ?? false;
}

/**
 * RFC 9162 2.1.4.2: whether the tree of size n with `newRoot` extends the tree of size m with
 * `oldRoot`, i.e. the first m leaves were not changed. Equal sizes need equal roots and no proof.
 */
export function verifyConsistency(m: number, n: number, oldRoot: Uint8Array, newRoot: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n) return false;
  if (m === n) return proof.length === 0 && Buffer.from(oldRoot).equals(newRoot);
  if (m === 0) return proof.length === 0;
  if (proof.length === 0 || proof.some((p) => p.length !== 32)) return false;
  const path = isPowerOfTwo(m) ? [oldRoot, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(path[0] as Uint8Array);
  let sr: Buffer = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

function isPowerOfTwo(x: number): boolean {
  let v = x;
  while (v > 1 && !odd(v)) v = half(v);
  return v === 1;
}

/**
 * The aligned perfect subtrees that cover leaves [start, end): what stands in for events a
 * bundle leaves out. Each is as large as its position allows (a multiple of its size, as in a
 * compact range), so a reader folds them into the tree like that many leaves.
 */
export function coveringSubtrees(start: number, end: number): { start: number; size: number }[] {
  const out: { start: number; size: number }[] = [];
  for (let at = start; at < end; ) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
    out.push({ start: at, size });
    at += size;
  }
  return out;
}
