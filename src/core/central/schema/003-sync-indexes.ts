import type { CentralMigration } from './migration';

/**
 * A kiosk writes a row in central.syncs at every sync, every few minutes of a school day: some
 * 20,000 a year, millions for a board. The health view asks, per kiosk, for its newest sync and
 * its newest one that took events back after a restore; without these indexes each of those
 * read every sync the kiosk ever made.
 */
export const c003SyncIndexes: CentralMigration = {
  version: 3,
  name: "the health view finds each kiosk's newest syncs by index",
  sql: `
CREATE INDEX syncs_kiosk_newest ON central.syncs (kiosk_id, id);
CREATE INDEX syncs_kiosk_taken_back ON central.syncs (kiosk_id, id) WHERE taken_back > 0;
`,
};
