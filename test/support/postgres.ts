import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throw-away PostgreSQL cluster on 127.0.0.1 for one test file: Debian's own binaries, a data
 * folder under /tmp, a free port, fsync off. Not installed means the tests fail and say so:
 * central tests never skip quietly (CI installs `postgresql`, see .ci/run).
 */
export interface PgCluster {
  port: number;
  /** The superuser's URL for a database of this cluster. */
  adminUrl(database?: string): string;
  /** A URL for another role (password login over TCP, as a kiosk connects). */
  urlFor(role: string, password: string, database: string): string;
  /** A fresh, empty database; returns its name. */
  createDatabase(prefix?: string): Promise<string>;
  restart(): void;
  stop(): void;
}

const SUPERUSER_PASSWORD = 'central-test-superuser';

export function postgresBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the central database tests need a real server. ' +
        'Install it with `apt-get install postgresql` (.ci/run does).',
    );
  }
  return join(base, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-pg-'));
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${SUPERUSER_PASSWORD}\n`);
  // PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  run('initdb', ['-D', data, '-U', 'postgres', '-E', 'UTF8', '--locale=C', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => run('pg_ctl', ['start', '-w', '-D', data, '-l', join(dir, 'log'), '-o', options]);
  start();
  // A test process that dies without its afterAll still takes its server down with it.
  const stopOnExit = () => spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), [...(asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []), 'stop', '-m', 'immediate', '-D', data]);
  process.once('exit', stopOnExit);
  let databases = 0;
  const adminUrl = (database = 'postgres') => `postgres://postgres:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    adminUrl,
    urlFor: (role, password, database) => `postgres://${encodeURIComponent(role)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    async createDatabase(prefix = 'central') {
      const name = `${prefix}_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return name;
    },
    // With its log file named, so the new server does not hold our pipe open.
    restart: () => run('pg_ctl', ['restart', '-w', '-m', 'fast', '-D', data, '-l', join(dir, 'log'), '-o', options]),
    stop() {
      process.off('exit', stopOnExit);
      try {
        run('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', data]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
