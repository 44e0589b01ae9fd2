import type { ClientBase } from 'pg';
import { c001Chains } from './001-chains';
import { c002CatchUp } from './002-catch-up';
import { c003SyncIndexes } from './003-sync-indexes';
import type { CentralMigration } from './migration';

export type { CentralMigration } from './migration';


/** Every central migration in order; a new one is one file in this folder and one line here. */
export const centralMigrations: readonly CentralMigration[] = [c001Chains, c002CatchUp, c003SyncIndexes];

/** Any fixed number: the lock that keeps two `central init` runs from migrating at once. */
const MIGRATION_LOCK = 0x1e7e4;

export class CentralSchemaError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`central schema version ${found} is newer than this app supports (${supported})`);
    this.name = 'CentralSchemaError';
  }
}

export async function centralSchemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('central.schema_migrations')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM central.schema_migrations');
  return r.rows[0]?.v ?? 0;
}

/**
 * Brings the central schema up to the newest migration in one transaction (PostgreSQL's DDL is
 * transactional: a cut leaves the old schema or the new one). A schema from a newer app is left alone.
 */
export async function migrateCentral(
  client: ClientBase,
  migrations: readonly CentralMigration[] = centralMigrations,
): Promise<{ from: number; to: number }> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`central migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS central;
      CREATE TABLE IF NOT EXISTS central.schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const from = await centralSchemaVersion(client);
    if (from > latest) throw new CentralSchemaError(from, latest);
    for (const m of migrations.slice(from)) {
      await client.query(m.sql);
      await client.query('INSERT INTO central.schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
    return { from, to: latest };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
