import type { Migration } from '../migrate';

/**
 * Photos of a device (an incident) and a guardian's drawn signature (a release) are kept, not only
 * their hashes. An image lives beside the ledger, keyed by (kiosk, SHA-256): the event names it by
 * that hash (incident `details.photoHash`, release payload `signatureImageHash`), so the chain
 * covers the image without the chain holding its bytes. `seq` is the event that stored it, in the
 * same transaction: erasing that event's payload erases the image with it.
 *
 * An image is personal data of a kind, so erasure sets `bytes` to NULL and nothing else: the row
 * keeps the hash, type, size and time, which say that an image was kept and is gone. Not a
 * WITHOUT ROWID table: its rows are large.
 */
export const m005LedgerMedia: Migration = {
  version: 5,
  name: 'ledger media: kept photos and signatures',
  up(db) {
    db.exec(`
      CREATE TABLE ledger_media (
        kiosk_id   TEXT NOT NULL,
        sha256     BLOB NOT NULL CHECK (length(sha256) = 32),
        seq        INTEGER NOT NULL,
        mime       TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
        byte_size  INTEGER NOT NULL CHECK (byte_size > 0),
        bytes      BLOB CHECK (bytes IS NULL OR length(bytes) = byte_size),
        created_at TEXT NOT NULL,
        PRIMARY KEY (kiosk_id, sha256),
        FOREIGN KEY (kiosk_id, seq) REFERENCES ledger_events (kiosk_id, seq)
      ) STRICT;
      CREATE INDEX ledger_media_by_event ON ledger_media (kiosk_id, seq);

      -- Only with the chain's newest event, i.e. in the transaction that appends it: an image
      -- cannot be attached to an old event afterwards. And never already erased.
      CREATE TRIGGER ledger_media_with_its_event BEFORE INSERT ON ledger_media
      WHEN NEW.bytes IS NULL OR NEW.seq IS NOT (SELECT seq FROM ledger_head WHERE kiosk_id = NEW.kiosk_id)
      BEGIN
        SELECT RAISE(ABORT, 'ledger: an image is stored with the newest event of its chain');
      END;
      CREATE TRIGGER ledger_media_erase_only BEFORE UPDATE ON ledger_media
      WHEN NEW.kiosk_id IS NOT OLD.kiosk_id OR NEW.sha256 IS NOT OLD.sha256 OR NEW.seq IS NOT OLD.seq
        OR NEW.mime IS NOT OLD.mime OR NEW.byte_size IS NOT OLD.byte_size OR NEW.created_at IS NOT OLD.created_at
        OR NEW.bytes IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'ledger: an image can only be erased (bytes set to NULL)');
      END;
      CREATE TRIGGER ledger_media_no_delete BEFORE DELETE ON ledger_media
      BEGIN
        SELECT RAISE(ABORT, 'ledger: images are erased, never deleted');
      END;
    `);
  },
};
