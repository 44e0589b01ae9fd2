import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

export interface Migration {
  /** 1, 2, 3, … in order; the database's `PRAGMA user_version` is the last one applied. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the newest migration, all steps in one transaction, so a power cut
 * leaves either the old schema or the new one. A database from a newer app is never touched.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) throw new AppError('DB_FROM_NEWER_VERSION', { found: from, supported: latest });
  if (from === latest) return { from, to: latest };
  db.transaction(() => {
    for (const m of migrations.slice(from)) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}
