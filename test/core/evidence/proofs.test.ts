import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leafHash, merkleRoot, nodeHash, TreeBuilder } from '../../../src/core/evidence/merkle';
import {
  consistencyProof,
  coveringSubtrees,
  inclusionProof,
  rootFromInclusionProof,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../../src/core/evidence/proofs';

/*
 * Known answers from transparency-dev/merkle, proof/verify_test.go (the Certificate Transparency
 * reference vectors, also in Google's certificate-transparency C++ tests): the same eight leaves,
 * their tree heads, and inclusion and consistency proofs. Leaf numbers there count from 1.
 */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  Buffer.from(h, 'hex'),
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
].map((h) => Buffer.from(h, 'hex'));
const INCLUSION: { leaf: number; size: number; proof: string[] }[] = [
  { leaf: 1, size: 1, proof: [] },
  {
    leaf: 1,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY: { size1: number; size2: number; proof: string[] }[] = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const hex = (proof: Buffer[]) => proof.map((p) => p.toString('hex'));
const bytes = (proof: string[]) => proof.map((p) => Buffer.from(p, 'hex'));
const at = (leaves: Buffer[]) => (i: number) => leaves[i] as Buffer;

/** RFC 9162 2.1.3.1 and 2.1.4.1 as written, over arrays: the definitions the fast code must meet. */
function mth(d: Buffer[]): Buffer {
  return merkleRoot(d);
}
function definitionPath(m: number, d: Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m < k ? [...definitionPath(m, d.slice(0, k)), mth(d.slice(k))] : [...definitionPath(m - k, d.slice(k)), mth(d.slice(0, k))];
}
function definitionSubproof(m: number, d: Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [mth(d)];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m <= k
    ? [...definitionSubproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...definitionSubproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
}

const hashes = fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { minLength: 1, maxLength: 70 }).map((a) => a.map((x) => Buffer.from(x)));

describe('inclusion proofs (RFC 9162 2.1.3)', () => {
  it('are the published proofs for the reference tree, and verify against its tree heads', () => {
    for (const v of INCLUSION) {
      expect(hex(inclusionProof(at(LEAVES), v.leaf - 1, v.size)), `leaf ${v.leaf} of ${v.size}`).toEqual(v.proof);
      expect(verifyInclusion(v.leaf - 1, v.size, LEAVES[v.leaf - 1] as Buffer, bytes(v.proof), ROOTS[v.size - 1] as Buffer)).toBe(true);
    }
  });

  it('fail for another leaf, another place, another size, a changed, missing or extra hash', () => {
    const v = INCLUSION[2] as (typeof INCLUSION)[number];
    const root = ROOTS[v.size - 1] as Buffer;
    const proof = bytes(v.proof);
    const leaf = LEAVES[v.leaf - 1] as Buffer;
    expect(verifyInclusion(v.leaf - 1, v.size, LEAVES[0] as Buffer, proof, root)).toBe(false);
    expect(verifyInclusion(v.leaf, v.size, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(v.leaf - 2, v.size, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(v.leaf - 1, v.size * 2, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(v.leaf - 1, v.size / 2, leaf, proof, root)).toBe(false);
    expect(verifyInclusion(v.leaf - 1, v.size, leaf, proof.slice(1), root)).toBe(false);
    expect(verifyInclusion(v.leaf - 1, v.size, leaf, [...proof, root], root)).toBe(false);
    expect(verifyInclusion(v.leaf - 1, v.size, leaf, [root, ...proof], root)).toBe(false);
    for (let i = 0; i < proof.length; i++) {
      const flipped = proof.map((p) => Buffer.from(p));
      const hash = flipped[i] as Buffer;
      hash[0] = (hash[0] as number) ^ 8;
      expect(verifyInclusion(v.leaf - 1, v.size, leaf, flipped, root), `bit in hash ${i}`).toBe(false);
    }
    expect(rootFromInclusionProof(8, 8, leaf, proof)).toBeNull();
  });

  it('are the definition’s path for every leaf of any tree, and give its root', () => {
    fc.assert(
      fc.property(hashes, fc.nat(), (leaves, pick) => {
        const index = pick % leaves.length;
        const proof = inclusionProof(at(leaves), index, leaves.length);
        expect(hex(proof)).toEqual(hex(definitionPath(index, leaves)));
        expect(verifyInclusion(index, leaves.length, leaves[index] as Buffer, proof, merkleRoot(leaves))).toBe(true);
      }),
    );
  });
});

describe('consistency proofs (RFC 9162 2.1.4)', () => {
  it('are the published proofs for the reference tree, and verify between its tree heads', () => {
    for (const v of CONSISTENCY) {
      expect(hex(consistencyProof(at(LEAVES), v.size1, v.size2)), `${v.size1} to ${v.size2}`).toEqual(v.proof);
      expect(verifyConsistency(v.size1, v.size2, ROOTS[v.size1 - 1] as Buffer, ROOTS[v.size2 - 1] as Buffer, bytes(v.proof))).toBe(true);
    }
  });

  it('fail for swapped or wrong roots, wrong sizes, and a changed, missing or extra hash', () => {
    const v = CONSISTENCY[2] as (typeof CONSISTENCY)[number];
    const [r1, r2] = [ROOTS[v.size1 - 1] as Buffer, ROOTS[v.size2 - 1] as Buffer];
    const proof = bytes(v.proof);
    expect(verifyConsistency(v.size1, v.size2, r2, r1, proof)).toBe(false);
    expect(verifyConsistency(v.size1, v.size2, ROOTS[0] as Buffer, r2, proof)).toBe(false);
    expect(verifyConsistency(v.size1 - 1, v.size2, r1, r2, proof)).toBe(false);
    expect(verifyConsistency(v.size1 + 1, v.size2, r1, r2, proof)).toBe(false);
    expect(verifyConsistency(v.size1, v.size2 * 2, r1, r2, proof)).toBe(false);
    expect(verifyConsistency(v.size1, v.size2, r1, r2, [])).toBe(false);
    expect(verifyConsistency(v.size1, v.size2, r1, r2, proof.slice(0, -1))).toBe(false);
    expect(verifyConsistency(v.size1, v.size2, r1, r2, [...proof, r2])).toBe(false);
    expect(verifyConsistency(v.size1, v.size2, r1, r2, [proof[0] as Buffer, ...proof])).toBe(false);
    for (let i = 0; i < proof.length; i++) {
      const flipped = proof.map((p) => Buffer.from(p));
      const hash = flipped[i] as Buffer;
      hash[0] = (hash[0] as number) ^ 16;
      expect(verifyConsistency(v.size1, v.size2, r1, r2, flipped), `bit in hash ${i}`).toBe(false);
    }
    expect(verifyConsistency(2, 1, r1, r2, [])).toBe(false);
  });

  it('are the definition’s proof between any two sizes, verify, and fail once an old leaf changed', () => {
    fc.assert(
      fc.property(hashes, fc.nat(), fc.nat(), (leaves, a, b) => {
        const n = leaves.length;
        const m = 1 + (a % n);
        const proof = consistencyProof(at(leaves), m, n);
        if (m < n) expect(hex(proof)).toEqual(hex(definitionSubproof(m, leaves, true)));
        const oldRoot = merkleRoot(leaves.slice(0, m));
        expect(verifyConsistency(m, n, oldRoot, merkleRoot(leaves), proof)).toBe(true);
        const rewritten = leaves.map((l) => Buffer.from(l));
        const changed = rewritten[b % m] as Buffer;
        changed[0] = (changed[0] as number) ^ 1;
        const forged = consistencyProof(at(rewritten), m, n);
        expect(verifyConsistency(m, n, oldRoot, merkleRoot(rewritten), forged)).toBe(false);
      }),
    );
  });
});

describe('subtrees standing in for leaves a reader does not hold', () => {
  it('cover any range with aligned perfect subtrees that fold into the same root', () => {
    fc.assert(
      fc.property(hashes, fc.array(fc.boolean(), { maxLength: 70 }), (leaves, keep) => {
        const tree = new TreeBuilder();
        let gapStart = -1;
        const flush = (end: number) => {
          if (gapStart < 0) return;
          for (const s of coveringSubtrees(gapStart, end)) {
            expect(Number.isInteger(Math.log2(s.size)) && s.start % s.size === 0).toBe(true);
            expect(tree.addSubtree(subtreeRoot(at(leaves), s.start, s.start + s.size), s.size)).toBe(true);
          }
          gapStart = -1;
        };
        leaves.forEach((leaf, i) => {
          if (keep[i]) {
            flush(i);
            tree.add(leaf);
          } else if (gapStart < 0) gapStart = i;
        });
        flush(leaves.length);
        expect(tree.size).toBe(leaves.length);
        expect(tree.root().equals(merkleRoot(leaves))).toBe(true);
      }),
    );
  });

  it('cannot stand where their size does not divide the position', () => {
    const tree = new TreeBuilder();
    tree.add(LEAVES[0] as Buffer);
    expect(tree.addSubtree(nodeHash(leafHash(LEAVES[1] as Buffer), leafHash(LEAVES[2] as Buffer)), 2)).toBe(false);
    expect(tree.addSubtree(leafHash(LEAVES[1] as Buffer), 3)).toBe(false);
    expect(tree.size).toBe(1);
  });
});
