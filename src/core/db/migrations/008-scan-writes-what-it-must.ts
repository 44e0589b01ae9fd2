import type { Migration } from '../migrate';

/**
 * A scan writes its event and the device's custody row, and nothing else. Measured with
 * `npm run bench` at a million events, each scan wrote 6.0 WAL pages against 1.2 for a bare
 * INSERT of the same row; two of them were bookkeeping this migration removes:
 *
 * - **`ledger_head`** (1.0 page and a trigger program per event). A chain's head is now its newest
 *   event. The table guarded against nothing an attacker does: deleting the newest event needs the
 *   append-only triggers dropped first, and whoever can drop a trigger can move the head back as
 *   well. What vouches for the end of a chain is a checkpoint (the start-up check, the staff's full
 *   check and, with the evidence work, signed checkpoints kept elsewhere): `verify` reports a chain
 *   that ends before its newest checkpoint as truncated. The old head is kept as a checkpoint, so a
 *   chain cut short before this migration is still reported after it. The insert trigger checks
 *   seq and prev_hash against the event before (a primary-key lookup); images still go only with
 *   their chain's newest event.
 * - **`ledger_by_device`** (1.7 pages: a random leaf of an index a third the size of the ledger,
 *   and its splits). A kiosk's chain grows by about 11,000 events a year, and what reads a
 *   device's events reads the newest few (the overview reads after the custody row's last event,
 *   the history a page of 50) or is rare (a correction recomputes one device): the primary key's
 *   newest-first order serves them, as it already served a pupil's history, which never had an
 *   index. A central database that wants such an index builds its own.
 */
export const m008ScanWritesWhatItMust: Migration = {
  version: 8,
  name: 'a scan writes its event and its custody row only',
  up(db) {
    db.prepare(
      `INSERT INTO ledger_checkpoints (kiosk_id, seq, hash, verified_at)
         SELECT kiosk_id, seq, hash, ? FROM ledger_head WHERE true
         ON CONFLICT (kiosk_id, seq) DO NOTHING`,
    ).run(new Date().toISOString());
    db.exec(`
      DROP TRIGGER ledger_events_gapless;
      DROP TRIGGER ledger_events_move_head;
      DROP TRIGGER ledger_head_starts_at_one;
      DROP TRIGGER ledger_head_forward_only;
      DROP TRIGGER ledger_head_no_delete;
      DROP TRIGGER ledger_media_with_its_event;
      DROP TABLE ledger_head;
      DROP INDEX ledger_by_device;

      -- The event before must exist and be the one prev_hash names; the primary key refuses a seq
      -- already taken. Together they admit only the next event: every chain begins at 1 and no
      -- insert can skip a seq, so the event before a new one is the newest. (Two point lookups on
      -- the primary key: "the newest event" as ORDER BY seq DESC LIMIT 1 costs ten times more.)
      CREATE TRIGGER ledger_events_gapless BEFORE INSERT ON ledger_events
      WHEN NEW.seq < 1 OR NEW.prev_hash IS NOT (CASE WHEN NEW.seq = 1 THEN zeroblob(32)
        ELSE (SELECT hash FROM ledger_events WHERE kiosk_id = NEW.kiosk_id AND seq = NEW.seq - 1) END)
      BEGIN
        SELECT RAISE(ABORT, 'ledger: seq must follow the head and prev_hash must be the head hash');
      END;
      CREATE TRIGGER ledger_media_with_its_event BEFORE INSERT ON ledger_media
      WHEN NEW.bytes IS NULL
        OR NEW.seq IS NOT (SELECT seq FROM ledger_events WHERE kiosk_id = NEW.kiosk_id ORDER BY seq DESC LIMIT 1)
      BEGIN
        SELECT RAISE(ABORT, 'ledger: an image is stored with the newest event of its chain');
      END;
    `);
  },
};
