import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_ROOT, leafHash, merkleRoot, nodeHash, TreeBuilder } from '../../../src/core/evidence/merkle';
import { verifyInclusion } from '../../../src/core/evidence/proofs';

// The Certificate Transparency reference inputs and the tree heads RFC 6962 implementations agree on.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  Buffer.from(h, 'hex'),
);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** RFC 6962 section 2.1 word for word: split at the largest power of two smaller than n. */
function definitionRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leafHash(leaves[0] as Buffer);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(definitionRoot(leaves.slice(0, k)), definitionRoot(leaves.slice(k)));
}

/** RFC 6962 section 2.1.1 word for word: PATH(m, D[n]). */
function definitionPath(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return m < k
    ? [...definitionPath(m, leaves.slice(0, k)), definitionRoot(leaves.slice(k))]
    : [...definitionPath(m - k, leaves.slice(k)), definitionRoot(leaves.slice(0, k))];
}

describe('the Merkle tree over a chain (RFC 6962)', () => {
  it('gives the published tree head for every size of the reference inputs', () => {
    for (let n = 0; n <= LEAVES.length; n++) expect(merkleRoot(LEAVES.slice(0, n)).toString('hex'), `size ${n}`).toBe(ROOTS[n]);
  });

  it('built while the leaves stream past, it agrees with the definition at every size', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 70 }), (arrays) => {
        const leaves = arrays.map((a) => Buffer.from(a));
        const tree = new TreeBuilder();
        for (let i = 0; i < leaves.length; i++) {
          tree.add(leaves[i] as Buffer);
          expect(tree.root().equals(definitionRoot(leaves.slice(0, i + 1)))).toBe(true);
        }
        expect(tree.size).toBe(leaves.length);
      }),
    );
  });

  it('keeps the inclusion proof of its newest leaf as the definition has it, at every size', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => Buffer.from([i, i * 7]));
    const tree = new TreeBuilder();
    for (let n = 1; n <= leaves.length; n++) {
      tree.add(leaves[n - 1] as Buffer);
      const proof = tree.newestLeafProof();
      expect(proof.map((p) => p.toString('hex')), `size ${n}`).toEqual(definitionPath(n - 1, leaves.slice(0, n)).map((p) => p.toString('hex')));
      expect(verifyInclusion(n - 1, n, leaves[n - 1] as Buffer, proof, tree.root())).toBe(true);
    }
  });

  it('resumed from a signed size by its newest leaf and kept proof, it grows to the same roots as one built from the start', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => Buffer.from([i, i * 3]));
    const whole = new TreeBuilder();
    const roots = leaves.map((leaf) => (whole.add(leaf), whole.root()));
    for (let m = 1; m <= 40; m++) {
      const start = new TreeBuilder();
      for (const leaf of leaves.slice(0, m)) start.add(leaf);
      const tree = TreeBuilder.resume(m, leaves[m - 1] as Buffer, start.newestLeafProof());
      expect(tree?.root().equals(start.root()), `size ${m}`).toBe(true);
      for (let n = m; n < leaves.length; n++) {
        tree?.add(leaves[n] as Buffer);
        expect(tree?.root().equals(roots[n] as Buffer), `from ${m} to ${n + 1}`).toBe(true);
      }
    }
  });

  it('will not resume from a proof of the wrong length for the size', () => {
    const tree = new TreeBuilder();
    for (let i = 0; i < 6; i++) tree.add(Buffer.from([i]));
    const proof = tree.newestLeafProof();
    expect(TreeBuilder.resume(6, Buffer.from([5]), proof)).not.toBeNull();
    expect(TreeBuilder.resume(5, Buffer.from([5]), proof)).toBeNull();
    expect(TreeBuilder.resume(6, Buffer.from([5]), proof.slice(1))).toBeNull();
  });
});
