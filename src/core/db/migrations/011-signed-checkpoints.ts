import type { Migration } from '../migrate';

/**
 * Checkpoints signed with the kiosk's key, kept beside the chain: each is a C2SP signed note over
 * (origin, tree size, RFC 6962 root), made at every end of day and with every export. Unlike
 * `ledger_checkpoints` (where the last check ended, in the same unprotected file), a signed one
 * cannot be rewritten without the key, and a copy that left the kiosk (a report, a witness, the
 * board) holds the kiosk to it. Append-only like the chain itself.
 */
export const m011SignedCheckpoints: Migration = {
  version: 11,
  name: 'signed checkpoints',
  up(db) {
    db.exec(`
      CREATE TABLE ledger_signed_checkpoints (
        kiosk_id  TEXT NOT NULL,
        tree_size INTEGER NOT NULL CHECK (tree_size >= 0),
        root      BLOB NOT NULL CHECK (length(root) = 32),
        -- The whole signed note, byte for byte as signed: what is handed out and checked.
        note      TEXT NOT NULL,
        reason    TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        PRIMARY KEY (kiosk_id, tree_size)
      ) STRICT;
      CREATE TRIGGER ledger_signed_checkpoints_no_update BEFORE UPDATE ON ledger_signed_checkpoints
      BEGIN
        SELECT RAISE(ABORT, 'ledger: signed checkpoints are kept as signed');
      END;
      CREATE TRIGGER ledger_signed_checkpoints_no_delete BEFORE DELETE ON ledger_signed_checkpoints
      BEGIN
        SELECT RAISE(ABORT, 'ledger: signed checkpoints are kept as signed');
      END;
    `);
  },
};
