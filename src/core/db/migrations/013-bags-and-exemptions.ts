import type { Migration } from '../migrate';

/**
 * A group's phone bag and the exemptions of pupils who may keep a device.
 *   - `locations.groep`: the group a phone bag belongs to, so the office sees "the bag of 7B";
 *   - `pouches.active`: a pouch is retired (torn, lost), never deleted or renumbered: the ledger
 *     and the pupils' stickers keep referring to its number;
 *   - `exemptions`: a pupil may keep one device, or any of theirs, from one date until another,
 *     for a reason category, agreed by a staff member. The optional note may hold medical
 *     detail, so the ledger keeps it in an erasable payload and the door never reads it.
 * Numbered 13 for the lead's merge plan; its version follows the migrations on this branch.
 */
export const m013BagsAndExemptions: Migration = {
  version: 13,
  name: 'phone bags per group, retired pouches, exemptions',
  up(db) {
    db.exec(`
      ALTER TABLE locations ADD COLUMN groep TEXT;
      ALTER TABLE pouches ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));

      CREATE TABLE exemptions (
        exemption_id TEXT PRIMARY KEY,
        pupil_id     TEXT NOT NULL REFERENCES pupils (pupil_id),
        -- NULL: any device of this pupil.
        device_id    TEXT REFERENCES devices (device_id),
        reason       TEXT NOT NULL CHECK (reason IN ('medisch', 'onderwijs', 'overig')),
        -- Local calendar dates (YYYY-MM-DD), both included.
        valid_from   TEXT NOT NULL,
        valid_until  TEXT NOT NULL,
        agreed_by    TEXT NOT NULL REFERENCES staff (staff_id),
        note         TEXT,
        created_at   TEXT NOT NULL,
        ended_at     TEXT,
        CHECK (valid_from <= valid_until)
      ) STRICT;
      CREATE INDEX exemptions_by_pupil ON exemptions (pupil_id) WHERE ended_at IS NULL;
    `);
  },
};
