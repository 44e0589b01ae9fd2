import { AppError } from '../shared/errors';
import { openDatabase, type Db } from './db/open';
import { ensureKioskIdentity, readIdentity, type KioskIdentity } from './kiosk/identity';

export interface CoreOptions {
  dbPath: string;
  appVersion: string;
}

export interface Core {
  readonly db: Db;
  readonly appVersion: string;
  kiosk(): KioskIdentity;
  /** Null when writing is allowed; otherwise why the app refuses to write. */
  readonly problem: 'DB_CORRUPT' | 'DB_READ_ONLY' | null;
  close(): void;
}

/** Opens the database, applies migrations and makes sure the kiosk has an identity. */
export function openCore(options: CoreOptions): Core {
  const db = openDatabase(options.dbPath);
  ensureKioskIdentity(db);
  return {
    db,
    appVersion: options.appVersion,
    problem: null,
    kiosk() {
      const identity = readIdentity(db);
      if (!identity) throw new AppError('DB_CORRUPT', { reason: 'kiosk identity missing' });
      return identity;
    },
    close() {
      db.close();
    },
  };
}
