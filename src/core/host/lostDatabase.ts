import { existsSync, statSync, writeFileSync } from 'node:fs';
import { backupDirFor } from '../backup/backup';
import { listBackups } from '../backup/folder';
import { dbNameOf } from '../backup/naming';

/**
 * A kiosk that has run must never come back as a new, empty one: a database truncated to 0 bytes
 * or deleted would otherwise be created afresh, writable, with "create the first administrator"
 * open to whoever stands at the screen, and the school's history silently gone.
 *
 * What says the kiosk existed: a marker file beside the database (`<db>.kiosk`, holding the
 * kiosk id, written at every start), or backups in its folder named for this database. An IT
 * partner who really wants a new kiosk on this PC removes the database, its marker and its
 * backups (see README, Troubleshooting).
 */
export const markerPathOf = (dbPath: string): string => `${dbPath}.kiosk`;

export function lostDatabase(dbPath: string): boolean {
  if (dbPath === ':memory:') return false;
  const size = existsSync(dbPath) ? statSync(dbPath).size : null;
  if (size !== null && size > 0) return false;
  // In WAL mode a database that crashed before its first checkpoint can be an empty main file
  // with everything in the -wal: SQLite recovers that, so it is not lost.
  const wal = `${dbPath}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return false;
  const dbName = dbNameOf(dbPath);
  return existsSync(markerPathOf(dbPath)) || listBackups(backupDirFor(dbPath)).some((f) => f.owner?.dbName === dbName);
}

/** Remembers, beside the database, that this kiosk exists. Best effort: a read-only folder is no reason not to start. */
export function markKioskExists(dbPath: string, kioskId: string): void {
  if (dbPath === ':memory:') return;
  const marker = markerPathOf(dbPath);
  try {
    if (!existsSync(marker)) writeFileSync(marker, `${kioskId}\n`);
  } catch {
    // The database itself is the record; the marker only guards against losing it.
  }
}
