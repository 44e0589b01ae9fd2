import type { Migration } from '../migrate';

/**
 * The custody ledger, its personal-data payloads, the projection of who holds what now, and the
 * verification checkpoints. See src/core/ledger/ for the rules these tables serve.
 *
 * The ledger deliberately has no foreign keys to pupils, devices or staff: it must outlive those
 * rows (retention removes a pupil who left; a central database receives the ledger without them)
 * and it is checked by its hash chain, not by references. `type` has no CHECK either: adding an
 * event type must not require rebuilding an append-only table; the code validates it.
 */
export const m003Ledger: Migration = {
  version: 3,
  name: 'custody ledger, payloads, projection and checkpoints',
  up(db) {
    db.exec(`
      CREATE TABLE ledger_events (
        seq          INTEGER PRIMARY KEY,
        -- A UUID v7 for people and other systems to refer to; not indexed, because nothing looks an
        -- event up by it (a central database deduplicates by kiosk_id + seq) and every index is
        -- one more page written per scan.
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
        voids_seq    INTEGER CHECK (voids_seq < seq),
        -- Non-personal structured detail (tag id, witness, protocol article): hashed as is, never redacted.
        details      TEXT NOT NULL,
        -- SHA-256 of the payload text; NULL when the event has no personal part.
        payload_hash BLOB CHECK (payload_hash IS NULL OR length(payload_hash) = 32),
        prev_hash    BLOB NOT NULL CHECK (length(prev_hash) = 32),
        hash         BLOB NOT NULL CHECK (length(hash) = 32)
      ) STRICT;
      CREATE INDEX ledger_by_device ON ledger_events (device_id, seq) WHERE device_id IS NOT NULL;
      CREATE UNIQUE INDEX ledger_voids ON ledger_events (voids_seq) WHERE voids_seq IS NOT NULL;

      -- The personal part of an event. Redaction (AVG retention) sets body to NULL; the event keeps
      -- payload_hash, so the chain still verifies, and the redaction is itself a ledger event.
      CREATE TABLE ledger_payloads (
        seq  INTEGER PRIMARY KEY REFERENCES ledger_events (seq),
        body TEXT
      ) STRICT;

      -- The chain head, moved only by the insert trigger: removing the newest event is detected
      -- because the walk then ends before the head.
      CREATE TABLE ledger_head (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        seq       INTEGER NOT NULL,
        hash      BLOB NOT NULL CHECK (length(hash) = 32)
      ) STRICT;
      INSERT INTO ledger_head (singleton, seq, hash) VALUES (1, 0, zeroblob(32));

      CREATE TRIGGER ledger_events_gapless BEFORE INSERT ON ledger_events
      WHEN NEW.seq IS NOT (SELECT seq FROM ledger_head) + 1
        OR NEW.prev_hash IS NOT (SELECT hash FROM ledger_head)
      BEGIN
        SELECT RAISE(ABORT, 'ledger: seq must follow the head and prev_hash must be the head hash');
      END;
      CREATE TRIGGER ledger_events_move_head AFTER INSERT ON ledger_events
      BEGIN
        UPDATE ledger_head SET seq = NEW.seq, hash = NEW.hash WHERE singleton = 1;
      END;
      CREATE TRIGGER ledger_events_no_update BEFORE UPDATE ON ledger_events
      BEGIN
        SELECT RAISE(ABORT, 'ledger: events are append-only');
      END;
      CREATE TRIGGER ledger_events_no_delete BEFORE DELETE ON ledger_events
      BEGIN
        SELECT RAISE(ABORT, 'ledger: events are append-only');
      END;
      CREATE TRIGGER ledger_head_forward_only BEFORE UPDATE ON ledger_head
      WHEN NEW.seq IS NOT OLD.seq + 1
      BEGIN
        SELECT RAISE(ABORT, 'ledger: the head only moves forward one event at a time');
      END;
      CREATE TRIGGER ledger_head_no_delete BEFORE DELETE ON ledger_head
      BEGIN
        SELECT RAISE(ABORT, 'ledger: the head cannot be removed');
      END;
      CREATE TRIGGER ledger_payloads_redact_only BEFORE UPDATE ON ledger_payloads
      WHEN NEW.seq IS NOT OLD.seq OR NEW.body IS NOT NULL
      BEGIN
        SELECT RAISE(ABORT, 'ledger: a payload can only be redacted (body set to NULL)');
      END;
      CREATE TRIGGER ledger_payloads_no_delete BEFORE DELETE ON ledger_payloads
      BEGIN
        SELECT RAISE(ABORT, 'ledger: payloads are redacted, never deleted');
      END;

      -- Current custody per device, derived from the ledger only (rebuildProjection() recreates it).
      CREATE TABLE custody (
        device_id      TEXT PRIMARY KEY,
        held           INTEGER NOT NULL CHECK (held IN (0, 1)),
        -- When the current state began: custody start while held, the return while not held.
        since          TEXT NOT NULL,
        custodian      TEXT,
        location_id    TEXT,
        pouch_id       TEXT,
        pupil_id       TEXT,
        confiscated_seq INTEGER,
        handed_in_seq  INTEGER,
        -- The newest event that changed this row (a return or hand-in; not a condition note).
        last_seq       INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX custody_by_pouch ON custody (pouch_id) WHERE held = 1;

      -- Where the last successful check ended: the start-up check continues from here.
      CREATE TABLE ledger_checkpoints (
        seq         INTEGER PRIMARY KEY,
        hash        BLOB NOT NULL CHECK (length(hash) = 32),
        verified_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
