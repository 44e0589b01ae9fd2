import type { Migration } from '../migrate';

/**
 * The kiosk's automatic sync to the board's central database records its last result beside the
 * backup's and the check's, so staff see a refused or diverged sync and a long time offline. The
 * table's CHECK names the jobs, and SQLite cannot change a CHECK in place: the table is made anew
 * with the rows it held.
 */
export const m015KioskChecksSync: Migration = {
  // The version is this migration's place in the list, fixed at merge.
  version: 15,
  name: 'kiosk checks: sync',
  up(db) {
    db.exec(`CREATE TABLE kiosk_checks_new (
      job TEXT PRIMARY KEY CHECK (job IN ('backup', 'verify', 'sync')),
      ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
      at TEXT NOT NULL,
      problem TEXT,
      detail TEXT
    ) STRICT;
    INSERT INTO kiosk_checks_new (job, ok, at, problem, detail) SELECT job, ok, at, problem, detail FROM kiosk_checks;
    DROP TABLE kiosk_checks;
    ALTER TABLE kiosk_checks_new RENAME TO kiosk_checks;`);
  },
};
