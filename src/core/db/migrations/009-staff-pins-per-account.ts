import type { Migration } from '../migrate';

/**
 * PINs are checked per account, after the staff member is chosen (see services/lockout.ts):
 *   - `pin_hint` gave away 4 bits of every PIN to anyone holding the file; it only served the
 *     unlock by PIN alone, which is gone;
 *   - the kiosk-wide `pin_guard` counter, which any correct PIN reset, is gone with it;
 *   - `failed_since` starts an account's day of counted wrong PINs.
 */
export const m009StaffPinsPerAccount: Migration = {
  version: 9,
  name: 'staff PINs per account',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS staff_by_pin_hint;
      ALTER TABLE staff DROP COLUMN pin_hint;
      DROP TABLE IF EXISTS pin_guard;
      ALTER TABLE staff ADD COLUMN failed_since TEXT;
    `);
  },
};
