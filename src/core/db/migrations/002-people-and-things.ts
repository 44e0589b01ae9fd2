import type { Migration } from '../migrate';

/**
 * Who and what the ledger talks about: pupils (the minimum the AVG allows), staff with PINs,
 * storage places with numbered pouches, devices and the tags that identify them.
 *
 * Ids are UUIDs, not row numbers, so that the logs of several kiosks can be combined (and synced
 * to a central database) without renumbering. Rows are deactivated, not deleted, while the ledger
 * still refers to them; only retention removes a pupil who has left.
 */
export const m002PeopleAndThings: Migration = {
  version: 2,
  name: 'pupils, staff, locations, devices and tags',
  up(db) {
    db.exec(`
      CREATE TABLE pupils (
        pupil_id     TEXT PRIMARY KEY,
        -- The administration system's key (EDEXML leerling key): re-import updates, never duplicates.
        external_key TEXT UNIQUE,
        roepnaam     TEXT NOT NULL,
        voorvoegsel  TEXT NOT NULL DEFAULT '',
        achternaam   TEXT NOT NULL,
        jaargroep    INTEGER CHECK (jaargroep BETWEEN 1 AND 8),
        groep        TEXT NOT NULL DEFAULT '',
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pupils_by_groep ON pupils (groep, achternaam) WHERE active = 1;

      CREATE TABLE staff (
        staff_id        TEXT PRIMARY KEY,
        display_name    TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('teacher', 'office', 'admin')),
        -- 'scrypt$N$r$p$salt$hash' (base64): slow and salted, parameters kept with the hash.
        pin_hash        TEXT NOT NULL,
        -- 0..15 from a hash of the PIN: narrows a PIN-only unlock to a few scrypt checks.
        pin_hint        INTEGER NOT NULL CHECK (pin_hint BETWEEN 0 AND 15),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until    TEXT,
        active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX staff_by_pin_hint ON staff (pin_hint) WHERE active = 1;

      -- Wrong PINs typed without choosing a name first cannot be pinned on one account: the kiosk
      -- as a whole backs off instead.
      CREATE TABLE pin_guard (
        singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until    TEXT
      ) STRICT;
      INSERT INTO pin_guard (singleton) VALUES (1);

      CREATE TABLE locations (
        location_id TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('phone_bag', 'locker', 'office_safe', 'school_leader', 'other')),
        name        TEXT NOT NULL,
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at  TEXT NOT NULL
      ) STRICT;

      -- A numbered pouch of a class phone bag, or a locker slot, given to one pupil for the year.
      CREATE TABLE pouches (
        pouch_id    TEXT PRIMARY KEY,
        location_id TEXT NOT NULL REFERENCES locations (location_id),
        number      INTEGER NOT NULL CHECK (number >= 1),
        pupil_id    TEXT REFERENCES pupils (pupil_id),
        UNIQUE (location_id, number)
      ) STRICT;
      CREATE INDEX pouches_by_pupil ON pouches (pupil_id) WHERE pupil_id IS NOT NULL;

      CREATE TABLE devices (
        device_id      TEXT PRIMARY KEY,
        kind           TEXT NOT NULL CHECK (kind IN ('smartphone', 'smartwatch', 'tablet', 'other')),
        description    TEXT NOT NULL DEFAULT '',
        owner_pupil_id TEXT NOT NULL REFERENCES pupils (pupil_id),
        active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX devices_by_owner ON devices (owner_pupil_id) WHERE active = 1;

      CREATE TABLE tags (
        tag_id     TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('device_sticker', 'nfc', 'pouch', 'pupil_card')),
        -- What scan() looks up: canonicalizeScan() of the reader's output (or a canonical NFC UID).
        canonical  TEXT NOT NULL,
        -- What the reader delivered when the tag was enrolled, kept beside the canonical value.
        raw_input  TEXT NOT NULL,
        status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
        device_id  TEXT REFERENCES devices (device_id),
        pouch_id   TEXT REFERENCES pouches (pouch_id),
        pupil_id   TEXT REFERENCES pupils (pupil_id),
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        CHECK (
          (kind IN ('device_sticker', 'nfc') AND device_id IS NOT NULL AND pouch_id IS NULL AND pupil_id IS NULL)
          OR (kind = 'pouch' AND pouch_id IS NOT NULL AND device_id IS NULL AND pupil_id IS NULL)
          OR (kind = 'pupil_card' AND pupil_id IS NOT NULL AND device_id IS NULL AND pouch_id IS NULL)
        ),
        CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
      ) STRICT;
      -- A code may be reused after its tag is revoked, never while it is active.
      CREATE UNIQUE INDEX tags_active_canonical ON tags (canonical) WHERE status = 'active';
      CREATE INDEX tags_by_canonical ON tags (canonical, status);
    `);
  },
};
