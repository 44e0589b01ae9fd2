import type { Migration } from '../migrate';

/**
 * The last result of each background job staff must hear about when it fails: the daily backup
 * and the daily check of the database and its ledger. One row per job, replaced by the next run:
 * a failure stands (and shows on the staff screens) until that job next succeeds. Not ledger
 * data: a check's result describes the file, not what anybody did, and whoever can rewrite the
 * chain could rewrite a "verified" record too.
 */
export const m010KioskChecks: Migration = {
  // File number 011 is this change's; the version is its place in the list, fixed at merge.
  version: 10,
  name: 'kiosk checks',
  up(db) {
    db.exec(`CREATE TABLE kiosk_checks (
      job TEXT PRIMARY KEY CHECK (job IN ('backup', 'verify')),
      ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
      at TEXT NOT NULL,
      problem TEXT,
      detail TEXT
    ) STRICT`);
  },
};
