import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { appendCopyText } from '../../src/core/central/chain';
import { COPY_COLUMNS, copyLine } from '../../src/core/central/copyText';
import { centralEventsQuery, exportCentralCsv } from '../../src/core/central/export';
import { registerKiosk } from '../../src/core/central/registry';
import { migrateCentral } from '../../src/core/central/schema/migrate';
import { syntheticChain } from '../core/central/support/chains';
import { postgresBinDir, startPostgres } from '../support/postgres';

/**
 * A board's year arriving at once: KIOSKS kiosks × EVENTS events uploaded concurrently through the
 * real upload, as the sync sends it (`appendCopyText`: batches of 1000 lines in a transaction each,
 * as each kiosk's own role, every row verified on arrival by the database: hash recomputed in SQL,
 * seq and prev-hash against the stored chain, the kiosk's own), against a plain COPY of the same
 * rows into a table of the same shape and primary key, without checks. Both send the same bytes;
 * making them (`copyLine`, the kiosk's work) is timed apart.
 * Then a cross-kiosk CSV export of EXPORT_EVENTS events against psql's \copy of the same query.
 * Smaller runs while developing: CENTRAL_BENCH_KIOSKS, CENTRAL_BENCH_EVENTS, CENTRAL_BENCH_EXPORT_EVENTS.
 */
const KIOSKS = Number(process.env.CENTRAL_BENCH_KIOSKS ?? 200);
const EVENTS = Number(process.env.CENTRAL_BENCH_EVENTS ?? 11_000);
const EXPORT_EVENTS = Number(process.env.CENTRAL_BENCH_EXPORT_EVENTS ?? 2_000_000);
/** Kiosks uploading at the same moment: about what a board's server gives connections. */
const CONNECTIONS = Number(process.env.CENTRAL_BENCH_CONNECTIONS ?? 8);
const BATCH = 1000;

/** Runs `work` for every item with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

function psqlCopy(url: string, query: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(postgresBinDir(), 'psql'), [url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy (${query.replace(/\s+/g, ' ')}) TO '${file}' WITH (FORMAT csv, HEADER true)`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}`))));
  });
}

export async function runCentralBench(): Promise<void> {
  console.log(`\nCentral database: ${KIOSKS} kiosks × ${EVENTS} events, ${CONNECTIONS} at a time (PostgreSQL on 127.0.0.1)`);
  const cluster = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-central-bench-'));
  try {
    const database = await cluster.createDatabase('bench');
    const adminUrl = cluster.adminUrl(database);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await migrateCentral(admin);
    const kiosks: { kioskId: string; url: string; file: string }[] = [];
    const generated = await timed(async () => {
      for (let i = 0; i < KIOSKS; i++) {
        const kioskId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        const { role, password } = await registerKiosk(admin, { kioskId, publicKey: Buffer.alloc(32, i % 256), school: `School ${i % 20}`, name: `Kiosk ${i}` });
        const file = join(dir, `${i}.copy`);
        writeFileSync(file, syntheticChain(kioskId, EVENTS).map(copyLine).join(''));
        kiosks.push({ kioskId, url: cluster.urlFor(role, password, database), file });
      }
    });
    console.log(`  generated and registered in ${generated.toFixed(1)} s (not timed below)`);
    const sample = syntheticChain('00000000-0000-4000-8000-ffffffffffff', Math.min(EVENTS, 10_000));
    const lineSeconds = await timed(async () => sample.map(copyLine).join(''));
    console.log(`  the kiosk's side, making upload lines: ${((lineSeconds / sample.length) * 1e6).toFixed(1)} µs/event (not in the ratio)`);
    await admin.query('CREATE TABLE bench_plain (LIKE central.events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)');
    const total = KIOSKS * EVENTS;

    const copySeconds = await timed(() =>
      pool(kiosks, CONNECTIONS, async (k) => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await pipeline(createReadStream(k.file), client.query(copyFrom(`COPY bench_plain (${COPY_COLUMNS.join(', ')}) FROM STDIN`)));
        await client.end();
      }),
    );
    const uploadSeconds = await timed(() =>
      pool(kiosks, CONNECTIONS, async (k) => {
        const client = new pg.Client({ connectionString: k.url });
        await client.connect();
        const lines = readFileSync(k.file, 'utf8').split(/(?<=\n)/);
        for (let i = 0; i < lines.length; i += BATCH) {
          await client.query('BEGIN');
          await appendCopyText(client, lines.slice(i, i + BATCH).join(''));
          await client.query('COMMIT');
        }
        await client.end();
      }),
    );
    const stored = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM central.events')).rows[0]?.n;
    if (stored !== total) throw new Error(`expected ${total} events stored, found ${stored}`);
    console.log(`  plain COPY (no checks):            ${(total / copySeconds).toFixed(0).padStart(9)} events/s  ${copySeconds.toFixed(1)} s`);
    console.log(`  upload, verified on arrival:       ${(total / uploadSeconds).toFixed(0).padStart(9)} events/s  ${uploadSeconds.toFixed(1)} s`);
    console.log(`  ratio upload / COPY:               ${(uploadSeconds / copySeconds).toFixed(2)}× (target ≤ 3×)`);

    const exportKiosks = kiosks.slice(0, Math.max(1, Math.ceil(EXPORT_EVENTS / EVENTS))).map((k) => k.kioskId);
    const filter = { kioskIds: exportKiosks };
    const query = centralEventsQuery(admin, filter);
    const ours = join(dir, 'ours.csv');
    const theirs = join(dir, 'psql.csv');
    const oursTimes: number[] = [];
    const psqlTimes: number[] = [];
    let rows = 0;
    for (let round = 0; round < 3; round++) {
      psqlTimes.push(await timed(() => psqlCopy(adminUrl, query, theirs)));
      oursTimes.push(await timed(async () => (rows = await exportCentralCsv(admin, createWriteStream(ours), filter))));
    }
    if (!readFileSync(ours).equals(readFileSync(theirs))) throw new Error('export and psql \\copy differ');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    console.log(`  CSV export of ${rows} events (${(statSync(ours).size / 1e6).toFixed(0)} MB), median of 3:`);
    console.log(`    psql \\copy:                       ${median(psqlTimes).toFixed(2)} s`);
    console.log(`    central export:                   ${median(oursTimes).toFixed(2)} s`);
    console.log(`    ratio export / psql:              ${(median(oursTimes) / median(psqlTimes)).toFixed(2)}× (target ≤ 2×)`);
    await admin.end();
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCentralBench();
