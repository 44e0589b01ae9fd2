import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/core/db/migrations';
import { openDatabase } from '../../../src/core/db/open';
import { signedCheckpoints } from '../../../src/core/ledger/signedCheckpoints';
import { tempDir } from '../../support/tempDb';

describe('migration 012: signed checkpoints keep the proof of their newest leaf', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  const before = migrations.findIndex((m) => m.name === 'signed checkpoint proofs');

  it('keeps the checkpoints signed before, without a proof, and takes only whole hashes after', () => {
    const old = openDatabase(tmp.dbPath, { migrations: migrations.slice(0, before) });
    old
      .prepare("INSERT INTO ledger_signed_checkpoints (kiosk_id, tree_size, root, note, reason, signed_at) VALUES ('K', 3, zeroblob(32), 'note', 'day_closed', 'x')")
      .run();
    old.close();
    const db = openDatabase(tmp.dbPath);
    try {
      const [kept] = signedCheckpoints(db, 'K');
      expect(kept).toMatchObject({ treeSize: 3, note: 'note' });
      expect(kept?.newestLeafProof).toBeUndefined();
      const insert = (proof: Buffer) =>
        db
          .prepare("INSERT INTO ledger_signed_checkpoints (kiosk_id, tree_size, root, note, reason, signed_at, newest_leaf_proof) VALUES ('K', 4, zeroblob(32), 'n', 'export', 'x', ?)")
          .run(proof);
      expect(() => insert(Buffer.alloc(33))).toThrow(/CHECK/);
      insert(Buffer.alloc(64, 7));
      expect(signedCheckpoints(db, 'K')[1]?.newestLeafProof?.map((h) => h.length)).toEqual([32, 32]);
    } finally {
      db.close();
    }
  });
});
