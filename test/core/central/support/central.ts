import pg from 'pg';
import { registerKiosk } from '../../../../src/core/central/registry';
import { migrateCentral } from '../../../../src/core/central/schema/migrate';
import { rawEd25519PublicKey } from '../../../../src/core/evidence/signedNote';
import { readIdentity } from '../../../../src/core/kiosk/identity';
import type { Db } from '../../../../src/core/db/open';
import { createPublicKey } from 'node:crypto';
import { startPostgres, type PgCluster } from '../../../support/postgres';
import { tempDir } from '../../../support/tempDb';
import { witnessFromKeyFile, type Witness } from '../../../../src/core/central/witness';

/** A fresh, migrated central database in the test cluster, with the owner connected. */
export async function centralDatabase(cluster: PgCluster): Promise<{ name: string; adminUrl: string; admin: pg.Client }> {
  const name = await cluster.createDatabase();
  const admin = new pg.Client({ connectionString: cluster.adminUrl(name) });
  await admin.connect();
  await migrateCentral(admin);
  return { name, adminUrl: cluster.adminUrl(name), admin };
}

/** Registers a kiosk database's identity and returns its role's URL (via `port`, e.g. a proxy). */
export async function registerKioskDb(admin: pg.Client, cluster: PgCluster, database: string, db: Db, port = cluster.port): Promise<string> {
  const identity = readIdentity(db);
  if (!identity) throw new Error('no kiosk identity');
  const publicKey = rawEd25519PublicKey(createPublicKey({ key: identity.publicKey, format: 'der', type: 'spki' }));
  const { role, password } = await registerKiosk(admin, { kioskId: identity.kioskId, publicKey, school: identity.school, name: identity.name });
  return cluster.urlFor(role, password, database).replace(`:${cluster.port}/`, `:${port}/`);
}

/** The central chain of one kiosk as (seq, hash hex) pairs, in seq order. */
export async function centralChain(admin: pg.Client, kioskId: string): Promise<[number, string][]> {
  const r = await admin.query<{ seq: string; hash: Buffer }>('SELECT seq, hash FROM central.events WHERE kiosk_id = $1 ORDER BY seq', [kioskId]);
  return r.rows.map((row) => [Number(row.seq), row.hash.toString('hex')]);
}

/**
 * A test file's board: a throw-away PostgreSQL with a migrated central database and a witness
 * key of its own. `stop` ends it all (for afterAll).
 */
export async function boardWithWitness(): Promise<{
  cluster: PgCluster;
  name: string;
  admin: pg.Client;
  witness: Witness;
  keyDir: string;
  stop(): Promise<void>;
}> {
  const cluster = await startPostgres();
  const { name, admin } = await centralDatabase(cluster);
  const keys = tempDir();
  const witness = witnessFromKeyFile(`${keys.dir}/witness.pem`, { create: true });
  return {
    cluster,
    name,
    admin,
    witness,
    keyDir: keys.dir,
    async stop() {
      keys.cleanup();
      await admin.end();
      cluster.stop();
    },
  };
}
