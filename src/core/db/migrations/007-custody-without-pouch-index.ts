import type { Migration } from '../migrate';

/**
 * Every scan wrote one more page for `custody_by_pouch` (measured with `npm run bench`: 7.0 WAL
 * pages per scan, 1.0 of them this index). Only a return by pouch tag looks custody up by pouch,
 * and the custody table holds one row per device of this kiosk (a class's thirty to sixty), so a
 * scan of it costs less than keeping the index costs every scan.
 */
export const m007CustodyWithoutPouchIndex: Migration = {
  version: 7,
  name: 'custody without the pouch index',
  up(db) {
    db.exec('DROP INDEX IF EXISTS custody_by_pouch');
  },
};
