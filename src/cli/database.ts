import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openCore, type Core } from '../core';
import { openDatabase, type Db } from '../core/db/open';
import { readIdentity } from '../core/kiosk/identity';
import type { ServiceContext } from '../core/services';
import { AppError } from '../shared/errors';

const require = createRequire(import.meta.url);

/** The app's version from package.json, recorded by the core like the kiosk records its own. */
export function appVersion(): string {
  try {
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function requireDbFile(dbPath: string): void {
  if (!existsSync(dbPath)) throw new AppError('DB_NOT_FOUND', { path: dbPath });
}

/** The full core (migrations, start-up check) for commands that write, like `scan`. */
export function openCliCore(dbPath: string): Core {
  requireDbFile(dbPath);
  return openCore({ dbPath, appVersion: appVersion() });
}

/**
 * A read-only connection for commands that only look (verify, list, backup): they must not
 * migrate, checkpoint or otherwise change the file they are asked about.
 */
export function openReadOnly(dbPath: string): Db {
  requireDbFile(dbPath);
  return openDatabase(dbPath, { readonly: true });
}

/**
 * A service context for the read-only query services; every write refuses with DB_READ_ONLY.
 * Its kiosk is the file's own: the queries read that kiosk's chain.
 */
export function readOnlyContext(db: Db): ServiceContext {
  return { db, kioskId: readIdentity(db)?.kioskId ?? '', now: () => new Date(), problem: () => 'DB_READ_ONLY' };
}

/** Runs `fn` with the database open and closes it whatever happens. */
export async function withDb<T>(db: Db, fn: (db: Db) => T | Promise<T>): Promise<T> {
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
