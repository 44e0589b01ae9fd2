import type { Migration } from '../migrate';

export const m001Kiosk: Migration = {
  version: 1,
  name: 'kiosk identity and settings',
  up(db) {
    db.exec(`
      CREATE TABLE kiosk (
        singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
        kiosk_id    TEXT NOT NULL,
        name        TEXT NOT NULL,
        school      TEXT NOT NULL DEFAULT '',
        public_key  BLOB NOT NULL,
        private_key BLOB NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
