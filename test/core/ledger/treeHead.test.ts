import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { merkleRoot } from '../../../src/core/evidence/merkle';
import { chainTreeHead } from '../../../src/core/ledger/treeHead';
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
});
