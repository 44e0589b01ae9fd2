import type { Migration } from '../migrate';

/**
 * What the kiosk registers becomes ledger events too (src/core/registry): the registry tables are
 * a projection of them, checked at every start. A database that already holds a registry gets a
 * mark, `registry_baseline_due`: the first start after this migration, once its chain has
 * verified, records the tables as they are in baseline events and removes the mark. The migration
 * itself appends nothing: it has no clock, and it runs before the chain is checked, so it could
 * bury a broken chain under new events. A new, empty database gets no mark: from its first pupil
 * on, every registration is an event.
 */
export const m006RegistryChained: Migration = {
  version: 6,
  name: 'registry recorded in the ledger',
  up(db) {
    db.exec(`
      CREATE TABLE registry_baseline_due (singleton INTEGER PRIMARY KEY CHECK (singleton = 1)) STRICT;
      INSERT INTO registry_baseline_due (singleton)
        SELECT 1 WHERE EXISTS (SELECT 1 FROM pupils) OR EXISTS (SELECT 1 FROM staff) OR EXISTS (SELECT 1 FROM locations)
          OR EXISTS (SELECT 1 FROM pouches) OR EXISTS (SELECT 1 FROM devices) OR EXISTS (SELECT 1 FROM tags);
    `);
  },
};
