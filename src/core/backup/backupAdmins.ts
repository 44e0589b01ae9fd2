import { checkPin } from '../services/pin';
import { withReadOnlyFile } from './readOnlyFile';

/**
 * Whether `pin` is an active administrator's PIN in a backup. While the database itself cannot
 * be opened, its staff table cannot be asked; the newest good backup's can, and that is the very
 * staff table a restore brings back, so whoever it admits is an administrator of the kiosk that
 * comes back.
 */
export function isAdminPinIn(backupPath: string, pin: string): boolean {
  const hashes = withReadOnlyFile(backupPath, (db) =>
    db.prepare("SELECT pin_hash FROM staff WHERE role = 'admin' AND active = 1").pluck().all() as string[],
  );
  // Every hash is checked, so the time taken does not tell how many admins come before a match.
  return hashes.map((hash) => checkPin(pin, hash)).some(Boolean);
}
