import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';
import { migrate, type Migration } from './migrate';
import { asStorageError } from './storageErrors';
import { migrations as allMigrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** For tests of a single migration step. */
  migrations?: readonly Migration[];
  readonly?: boolean;
}

/**
 * Opens the one writer connection with the pragmas the ledger's durability depends on:
 * WAL so readers never block the door, synchronous=FULL so an acknowledged scan survives a
 * power cut.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    // Before any pragma that writes (WAL changes the file header): a newer app's file stays as it is.
    refuseNewerSchema(db, (options.migrations ?? allMigrations).length);
    applyPragmas(db);
    if (!options.readonly) migrate(db, options.migrations ?? allMigrations);
    return db;
  } catch (error) {
    // A connection left open would keep the file (and a USB stick or mount) busy.
    if (db?.open) db.close();
    if (isNotADatabase(error)) throw new AppError('DB_CORRUPT', { reason: 'not a database' });
    throw asStorageError(error);
  }
}

function refuseNewerSchema(db: Db, latest: number): void {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > latest) {
    throw new AppError('DB_FROM_NEWER_VERSION', { found, supported: latest });
  }
}

export function applyPragmas(db: Db): void {
  db.pragma('busy_timeout = 5000');
  if (!db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}
