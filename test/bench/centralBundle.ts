import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { appendCopyText } from '../../src/core/central/chain';
import { copyLine } from '../../src/core/central/copyText';
import { exportCentralCsv } from '../../src/core/central/export';
import { exportCentralBundle } from '../../src/core/central/exportBundle';
import { registerKiosk } from '../../src/core/central/registry';
import { migrateCentral } from '../../src/core/central/schema/migrate';
import { witnessCheckpoints, witnessFromKeyFile } from '../../src/core/central/witness';
import { checkpointText, kioskOrigin } from '../../src/core/evidence/checkpoint';
import { TreeBuilder } from '../../src/core/evidence/merkle';
import { ed25519Signer, rawEd25519PublicKey, signNote } from '../../src/core/evidence/signedNote';
import { verifyBundleFile } from '../../src/core/evidence/verifyBundle';
import { syntheticChain } from '../core/central/support/chains';
import { startPostgres } from '../support/postgres';

/**
 * A kiosk's evidence bundle rebuilt from the central database (CENTRAL_BUNDLE_BENCH_EVENTS events
 * of one kiosk, 100,000 by default: nine years of one classroom) against the central CSV export
 * of the same rows (COPY … TO STDOUT, PostgreSQL's own writer): what the bundle's extra work costs
 * (reading the hashes and checking the cosigned root, one JSON line per event, the seal). Then one
 * device's bundle, where the subtrees over the other events are computed too. The bundle is
 * checked with the verifier afterwards (not timed). Prints; asserts nothing.
 */
const EVENTS = Number(process.env.CENTRAL_BUNDLE_BENCH_EVENTS ?? 100_000);
const RUNS = 3;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function runCentralBundleBench(): Promise<void> {
  console.log(`\nCentral bundle: one kiosk's ${EVENTS} events from the central database (PostgreSQL on 127.0.0.1)`);
  const cluster = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-central-bundle-bench-'));
  try {
    const database = await cluster.createDatabase('bundlebench');
    const admin = new pg.Client({ connectionString: cluster.adminUrl(database) });
    await admin.connect();
    await migrateCentral(admin);
    const kioskId = '0b0e7c1e-5c1a-4d6e-9a51-6d1b2c3d4e5f';
    const origin = kioskOrigin(kioskId);
    const key = generateKeyPairSync('ed25519').privateKey;
    await registerKiosk(admin, { kioskId, publicKey: rawEd25519PublicKey(key), school: 'De Regenboog', name: 'Groep 7' });
    const events = syntheticChain(kioskId, EVENTS);
    for (let i = 0; i < events.length; i += 10_000) {
      await appendCopyText(admin, events.slice(i, i + 10_000).map(copyLine).join(''));
    }
    const tree = new TreeBuilder();
    for (const e of events) tree.add(e.hash);
    const note = signNote(checkpointText({ origin, size: EVENTS, root: tree.root() }), [ed25519Signer(origin, key)]);
    await admin.query('INSERT INTO central.checkpoints (kiosk_id, tree_size, root, note, reason, signed_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      kioskId,
      EVENTS,
      tree.root(),
      note,
      'day_closed',
      '2026-09-01T16:00:00.000Z',
    ]);
    const witness = witnessFromKeyFile(join(dir, 'witness.pem'), { create: true });
    await witnessCheckpoints(admin, witness);

    const csv = join(dir, 'events.csv');
    const bundle = join(dir, 'events.jsonl');
    const device = join(dir, 'device.jsonl');
    const csvTimes: number[] = [];
    const bundleTimes: number[] = [];
    // Node's own CPU for the whole-chain bundle: on a shared machine a steadier figure than the wall clock.
    const bundleCpu: number[] = [];
    const deviceTimes: number[] = [];
    let deviceRows = 0;
    for (let round = 0; round < RUNS; round++) {
      csvTimes.push(await timed(() => exportCentralCsv(admin, createWriteStream(csv), { kioskIds: [kioskId] })));
      const cpu = process.cpuUsage();
      bundleTimes.push(await timed(() => exportCentralBundle(admin, { kioskId, witness }, createWriteStream(bundle))));
      const used = process.cpuUsage(cpu);
      bundleCpu.push((used.user + used.system) / 1e6);
      deviceTimes.push(
        await timed(async () => {
          deviceRows = (await exportCentralBundle(admin, { kioskId, witness, filter: { deviceId: 'dev-7' } }, createWriteStream(device))).rows;
        }),
      );
    }
    for (const file of [bundle, device]) {
      const verdict = verifyBundleFile(file, { witness: witness.verifierKey });
      if (!verdict.ok) throw new Error(`the central bundle does not verify: ${verdict.reason}`);
    }
    const mb = (file: string) => `${(statSync(file).size / 1e6).toFixed(1)} MB`;
    console.log(`  median of ${RUNS}:`);
    console.log(`    central CSV export (COPY):        ${median(csvTimes).toFixed(2)} s  ${mb(csv)}`);
    console.log(`    central bundle, whole chain:      ${median(bundleTimes).toFixed(2)} s  ${mb(bundle)} (Node's CPU ${median(bundleCpu).toFixed(2)} s)`);
    console.log(`    central bundle, one device:       ${median(deviceTimes).toFixed(2)} s  ${mb(device)} (${deviceRows} events and the subtrees between them)`);
    console.log(`    ratio bundle / CSV:               ${(median(bundleTimes) / median(csvTimes)).toFixed(2)}×`);
    await admin.end();
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runCentralBundleBench();
