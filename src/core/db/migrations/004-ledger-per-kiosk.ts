import type { Migration } from '../migrate';

/**
 * An event's identity becomes (kiosk_id, seq): an office or board database holds the chains of
 * many kiosks side by side, each with its own head and checkpoints, each verified on its own; a
 * kiosk's own database is the case with one chain. Events also record the encoding version they
 * were hashed with (version 2 salts payload hashes; see src/core/ledger/hash.ts), and payload rows
 * carry that salt, so erasing a payload erases the salt with it.
 *
 * SQLite cannot change a primary key in place, so the four ledger tables are rebuilt: new tables
 * are filled from the old ones unchanged (every stored byte the hashes cover is copied as is, and
 * existing events are marked version 1), the old ones dropped, and the indexes and append-only
 * triggers created again on the new ones. The kiosk of the existing chain is the kiosk its events
 * name: in a version-3 database there is only one chain.
 */
export const m004LedgerPerKiosk: Migration = {
  version: 4,
  name: 'ledger keyed by (kiosk, seq), salted payloads',
  up(db) {
    db.exec(`
      CREATE TABLE ledger_events_v4 (
        seq          INTEGER NOT NULL CHECK (seq >= 1),
        event_id     TEXT NOT NULL,
        kiosk_id     TEXT NOT NULL,
        occurred_at  TEXT NOT NULL,
        type         TEXT NOT NULL,
        actor        TEXT NOT NULL,
        custodian    TEXT,
        device_id    TEXT,
        pupil_id     TEXT,
        location_id  TEXT,
        pouch_id     TEXT,
        -- A correction voids an event of its own chain: the kiosk is the correction's kiosk.
        voids_seq    INTEGER CHECK (voids_seq < seq),
        details      TEXT NOT NULL,
        payload_hash BLOB CHECK (payload_hash IS NULL OR length(payload_hash) = 32),
        prev_hash    BLOB NOT NULL CHECK (length(prev_hash) = 32),
        hash         BLOB NOT NULL CHECK (length(hash) = 32),
        -- No upper bound: a future version must not need this append-only table rebuilt.
        encoding     INTEGER NOT NULL CHECK (encoding >= 1),
        PRIMARY KEY (kiosk_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ledger_payloads_v4 (
        kiosk_id TEXT NOT NULL,
        seq      INTEGER NOT NULL,
        -- Version 2: the random salt of the payload hash. Redaction clears it with the body.
        salt     BLOB CHECK (salt IS NULL OR length(salt) >= 16),
        body     TEXT,
        PRIMARY KEY (kiosk_id, seq),
        FOREIGN KEY (kiosk_id, seq) REFERENCES ledger_events_v4 (kiosk_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ledger_head_v4 (
        kiosk_id TEXT PRIMARY KEY,
        seq      INTEGER NOT NULL,
        hash     BLOB NOT NULL CHECK (length(hash) = 32)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ledger_checkpoints_v4 (
        kiosk_id    TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        hash        BLOB NOT NULL CHECK (length(hash) = 32),
        verified_at TEXT NOT NULL,
        PRIMARY KEY (kiosk_id, seq)
      ) STRICT;

      INSERT INTO ledger_events_v4 (seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id,
          location_id, pouch_id, voids_seq, details, payload_hash, prev_hash, hash, encoding)
        SELECT seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id,
          location_id, pouch_id, voids_seq, details, payload_hash, prev_hash, hash, 1
        FROM ledger_events ORDER BY seq;
      -- A payload whose event is gone (only in a tampered file) has no kiosk to go to: it is left
      -- behind, and verify reports the gap or missing payload the tampering caused.
      INSERT INTO ledger_payloads_v4 (kiosk_id, seq, salt, body)
        SELECT e.kiosk_id, p.seq, NULL, p.body FROM ledger_payloads p JOIN ledger_events e ON e.seq = p.seq ORDER BY p.seq;
    `);
    // The head and checkpoints name no kiosk: theirs is the chain's (the newest event's kiosk), or
    // the kiosk itself when every event is gone, so a truncated chain is still reported as one.
    db.prepare(
      `INSERT INTO ledger_head_v4 (kiosk_id, seq, hash)
         SELECT chain.kiosk_id, h.seq, h.hash FROM ledger_head h,
           (SELECT coalesce((SELECT kiosk_id FROM ledger_events ORDER BY seq DESC LIMIT 1),
                            (SELECT kiosk_id FROM kiosk WHERE singleton = 1)) AS kiosk_id) chain
         WHERE h.seq > 0 AND chain.kiosk_id IS NOT NULL`,
    ).run();
    db.prepare(
      `INSERT INTO ledger_checkpoints_v4 (kiosk_id, seq, hash, verified_at)
         SELECT chain.kiosk_id, c.seq, c.hash, c.verified_at FROM ledger_checkpoints c,
           (SELECT coalesce((SELECT kiosk_id FROM ledger_events ORDER BY seq DESC LIMIT 1),
                            (SELECT kiosk_id FROM kiosk WHERE singleton = 1)) AS kiosk_id) chain
         WHERE chain.kiosk_id IS NOT NULL`,
    ).run();
    db.exec(`
      DROP TABLE ledger_payloads;
      DROP TABLE ledger_events;
      DROP TABLE ledger_head;
      DROP TABLE ledger_checkpoints;
      ALTER TABLE ledger_events_v4 RENAME TO ledger_events;
      ALTER TABLE ledger_payloads_v4 RENAME TO ledger_payloads;
      ALTER TABLE ledger_head_v4 RENAME TO ledger_head;
      ALTER TABLE ledger_checkpoints_v4 RENAME TO ledger_checkpoints;
    `);
    createLedgerIndexesAndTriggers(db);
  },
};

function createLedgerIndexesAndTriggers(db: Parameters<Migration['up']>[0]): void {
  db.exec(`
    CREATE INDEX ledger_by_device ON ledger_events (device_id, seq) WHERE device_id IS NOT NULL;
    CREATE UNIQUE INDEX ledger_voids ON ledger_events (kiosk_id, voids_seq) WHERE voids_seq IS NOT NULL;

    -- Each kiosk's chain has its own head, created by its first event (seq 1) and moved only by
    -- the insert trigger: removing a chain's newest event is detected because the walk then ends
    -- before its head.
    CREATE TRIGGER ledger_events_gapless BEFORE INSERT ON ledger_events
    WHEN NEW.seq IS NOT coalesce((SELECT seq FROM ledger_head WHERE kiosk_id = NEW.kiosk_id), 0) + 1
      OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM ledger_head WHERE kiosk_id = NEW.kiosk_id), zeroblob(32))
    BEGIN
      SELECT RAISE(ABORT, 'ledger: seq must follow the head and prev_hash must be the head hash');
    END;
    CREATE TRIGGER ledger_events_move_head AFTER INSERT ON ledger_events
    BEGIN
      -- Not an upsert: its INSERT would meet ledger_head_starts_at_one before the conflict.
      UPDATE ledger_head SET seq = NEW.seq, hash = NEW.hash WHERE kiosk_id = NEW.kiosk_id;
      INSERT INTO ledger_head (kiosk_id, seq, hash) SELECT NEW.kiosk_id, NEW.seq, NEW.hash WHERE NEW.seq = 1;
    END;
    CREATE TRIGGER ledger_events_no_update BEFORE UPDATE ON ledger_events
    BEGIN
      SELECT RAISE(ABORT, 'ledger: events are append-only');
    END;
    CREATE TRIGGER ledger_events_no_delete BEFORE DELETE ON ledger_events
    BEGIN
      SELECT RAISE(ABORT, 'ledger: events are append-only');
    END;
    CREATE TRIGGER ledger_head_starts_at_one BEFORE INSERT ON ledger_head
    WHEN NEW.seq IS NOT 1
    BEGIN
      SELECT RAISE(ABORT, 'ledger: a head only begins with the first event of its chain');
    END;
    CREATE TRIGGER ledger_head_forward_only BEFORE UPDATE ON ledger_head
    WHEN NEW.seq IS NOT OLD.seq + 1 OR NEW.kiosk_id IS NOT OLD.kiosk_id
    BEGIN
      SELECT RAISE(ABORT, 'ledger: the head only moves forward one event at a time');
    END;
    CREATE TRIGGER ledger_head_no_delete BEFORE DELETE ON ledger_head
    BEGIN
      SELECT RAISE(ABORT, 'ledger: the head cannot be removed');
    END;
    -- Redaction clears body and salt together: a salt left behind would let a guess be tested.
    CREATE TRIGGER ledger_payloads_redact_only BEFORE UPDATE ON ledger_payloads
    WHEN NEW.kiosk_id IS NOT OLD.kiosk_id OR NEW.seq IS NOT OLD.seq OR NEW.body IS NOT NULL OR NEW.salt IS NOT NULL
    BEGIN
      SELECT RAISE(ABORT, 'ledger: a payload can only be redacted (body and salt set to NULL)');
    END;
    CREATE TRIGGER ledger_payloads_no_delete BEFORE DELETE ON ledger_payloads
    BEGIN
      SELECT RAISE(ABORT, 'ledger: payloads are redacted, never deleted');
    END;
  `);
}
