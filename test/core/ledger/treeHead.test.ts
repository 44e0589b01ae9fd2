import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { merkleRoot } from '../../../src/core/evidence/merkle';
import { chainRootInSlices, chainTreeHead } from '../../../src/core/ledger/treeHead';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

describe("a chain's Merkle tree head", () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 3 });
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
    f.s.scan({ code: 'POUCH-2', mode: 'hand-in', actor: 'pupil' });
  });
  afterEach(() => f.close());

  const hashes = () => f.core.db.prepare('SELECT hash FROM ledger_events WHERE kiosk_id = ? ORDER BY seq').pluck().all(f.core.kiosk().kioskId) as Buffer[];

  it('is the RFC 6962 root over the event hashes in seq order, at any size', () => {
    const all = hashes();
    const kioskId = f.core.kiosk().kioskId;
    expect(chainTreeHead(f.core.db, kioskId)).toMatchObject({ kioskId, size: all.length, root: merkleRoot(all) });
    expect(chainTreeHead(f.core.db, kioskId, 3).root.equals(merkleRoot(all.slice(0, 3)))).toBe(true);
    expect(chainTreeHead(f.core.db, kioskId, 0).size).toBe(0);
  });

  it('moves with every new event and never for an old size', () => {
    const kioskId = f.core.kiosk().kioskId;
    const before = chainTreeHead(f.core.db, kioskId);
    f.s.scan({ code: 'STK-3', mode: 'hand-in', actor: 'pupil' });
    const after = chainTreeHead(f.core.db, kioskId);
    expect(after.size).toBe(before.size + 1);
    expect(after.root.equals(before.root)).toBe(false);
    expect(chainTreeHead(f.core.db, kioskId, before.size)).toEqual(before);
  });

  it('refuses a size the chain does not have', () => {
    expect(() => chainTreeHead(f.core.db, f.core.kiosk().kioskId, 10_000)).toThrow(/no event/);
  });

  it('is the same root when read in slices with scans written between them (the sync lets the door go first)', async () => {
    const kioskId = f.core.kiosk().kioskId;
    const size = hashes().length;
    let held = false;
    for (const slice of [1, 2, size, size + 5]) {
      // Queued first, so it runs right after the first slice: a statement of its own, not refused as "connection busy".
      setImmediate(() => {
        f.s.scan({ code: 'STK-3', mode: held ? 'return' : 'hand-in', actor: 'pupil' });
        held = !held;
      });
      const sliced = chainRootInSlices(f.core.db, kioskId, size, slice);
      expect((await sliced).equals(chainTreeHead(f.core.db, kioskId, size).root)).toBe(true);
    }
    expect(hashes().length).toBe(size + 4);
    await expect(chainRootInSlices(f.core.db, kioskId, 10_000, 4)).rejects.toThrow(/no event/);
  });
});
