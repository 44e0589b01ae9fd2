import type { Migration } from '../migrate';

/**
 * When the retention purge last ran and what it erased (counts only), so the hourly maintenance
 * runs it once a day across restarts. The purge's proof is its ledger event; this row is only the
 * schedule's memory, like `kiosk_checks`.
 */
export const m014RetentionRuns: Migration = {
  version: 14,
  name: 'retention runs',
  up(db) {
    db.exec(`CREATE TABLE retention_runs (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      at TEXT NOT NULL,
      erased INTEGER NOT NULL CHECK (erased >= 0)
    ) STRICT`);
  },
};
