import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import type { Db } from '../db/open';
import { readIdentity } from '../kiosk/identity';

/**
 * Opens a database file read-only for `fn` and leaves the folder as it was: reading a WAL-mode
 * file creates empty -wal/-shm files, and the ones this call caused are removed again (ones that
 * were there before, e.g. of a running kiosk, are left alone).
 */
export function withReadOnlyFile<T>(path: string, fn: (db: Db) => T): T {
  const sidecars = ['-wal', '-shm'].filter((s) => !existsSync(path + s));
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return fn(db);
  } finally {
    db?.close();
    for (const s of sidecars) rmSync(path + s, { force: true });
  }
}

/**
 * The kiosk a database file belongs to, from the identity stored inside it (a backup is a copy of
 * the database, so it carries the identity too). Null when the file cannot tell: missing, not a
 * database, damaged where the identity is, or without one.
 */
export function kioskIdOfFile(path: string): string | null {
  if (!existsSync(path)) return null;
  try {
    return withReadOnlyFile(path, (db) => readIdentity(db)?.kioskId ?? null);
  } catch {
    return null;
  }
}
