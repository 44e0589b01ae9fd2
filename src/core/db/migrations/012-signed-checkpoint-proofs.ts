import type { Migration } from '../migrate';

/**
 * Each signed checkpoint keeps the inclusion proof of its newest leaf (the event at the signed
 * size): with it the start-up check ties that event to the signed root in log(n) hashes, so a
 * kiosk walks its chain from the newest checkpoint it signed instead of trusting the unsigned
 * ones. The proof needs no protection of its own: a wrong one simply fails against the signed
 * root. Checkpoints signed before this version have none (NULL); the start then checks them the
 * slow way (see startupCheck).
 */
export const m012SignedCheckpointProofs: Migration = {
  version: 12,
  name: 'signed checkpoint proofs',
  up(db) {
    db.exec(`
      ALTER TABLE ledger_signed_checkpoints
        ADD COLUMN newest_leaf_proof BLOB CHECK (newest_leaf_proof IS NULL OR length(newest_leaf_proof) % 32 = 0);
    `);
  },
};
