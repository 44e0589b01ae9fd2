import { createHash, generateKeyPairSync, hash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { BUNDLE_FORMAT, eventFields, sealText, type BundleEventFields, type BundleHeader } from '../../src/core/evidence/bundleFormat';
import { checkpointText, kioskOrigin } from '../../src/core/evidence/checkpoint';
import { TreeBuilder } from '../../src/core/evidence/merkle';
import { ed25519Signer, rawEd25519PublicKey, signNote, verifierKey } from '../../src/core/evidence/signedNote';
import { fileChunks, lineBytes } from '../../src/core/evidence/readBundle';
import { verifyBundleFile } from '../../src/core/evidence/verifyBundle';
import { canonicalJson, GENESIS_HASH, hashEvent, hashHexFields, type EventHeader } from '../../src/core/ledger/hash';

/**
 * Evidence at board scale (BENCH_BUNDLE_EVENTS, a million by default): the Merkle root over the
 * events' hashes against hashing those hashes once each (the least any reader does), and
 * verify-bundle (the file read a few megabytes at a time) against reading the same file and hashing
 * its bytes, and against the floor the format sets (see `floor`). The bundle is written here
 * directly (every field as the kiosk writes it), not exported from a database, so the figure is
 * the verifier's alone. Prints; asserts nothing.
 */
const EVENTS = Number(process.env.BENCH_BUNDLE_EVENTS ?? 1_000_000);
const RUNS = 3;

function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
const best = (fn: () => void) => Math.min(...Array.from({ length: RUNS }, () => timed(fn)));
const ms = (x: number) => `${x.toFixed(0)} ms`;

/**
 * A chain of `n` custody events of one kiosk, as one bundle file (no filter: no subtrees),
 * written in batches (a million lines are more than one JavaScript string holds).
 */
function writeBundle(path: string, n: number): { hashes: Buffer } {
  const kioskId = '0b0e7c1e-5c1a-4d6e-9a51-6d1b2c3d4e5f';
  const origin = kioskOrigin(kioskId);
  const key = generateKeyPairSync('ed25519').privateKey;
  const signer = ed25519Signer(origin, key);
  const tree = new TreeBuilder();
  // One buffer, not a million small ones: the figures are the tree's, not the garbage collector's.
  const hashes = Buffer.alloc(n * 32);
  const lines: string[] = [];
  let prev: Buffer = GENESIS_HASH;
  const start = Date.parse('2026-09-01T06:00:00.000Z');
  for (let seq = 1; seq <= n; seq++) {
    const header: EventHeader = {
      encoding: 2,
      seq,
      eventId: `01J${String(seq).padStart(23, '0')}`,
      kioskId,
      occurredAt: new Date(start + seq * 1000).toISOString(),
      type: seq % 2 ? 'handed_in' : 'returned',
      actor: 'pupil',
      custodian: seq % 2 ? 'location:9f1c2b3a-0000-4000-8000-000000000001' : 'pupil',
      deviceId: `d${String(seq % 700).padStart(35, '0')}`,
      pupilId: `p${String(seq % 700).padStart(35, '0')}`,
      locationId: '9f1c2b3a-0000-4000-8000-000000000001',
      pouchId: `q${String(seq % 700).padStart(35, '0')}`,
      voidsSeq: null,
      details: canonicalJson({ mode: seq % 2 ? 'hand-in' : 'return', source: 'scanner' }),
      payloadHash: null,
      prevHash: prev,
    };
    const h = hashEvent(header);
    lines.push(JSON.stringify({ leaf: seq - 1, hash: h.toString('hex'), event: eventFields(header) }));
    tree.add(h);
    h.copy(hashes, (seq - 1) * 32);
    prev = h;
  }
  const header: BundleHeader = {
    bundle: BUNDLE_FORMAT,
    origin,
    kioskId,
    verifierKey: verifierKey(origin, rawEd25519PublicKey(key)),
    madeAt: new Date().toISOString(),
    filter: { kioskId },
    checkpoint: signNote(checkpointText({ origin, size: n, root: tree.root() }), [signer]),
  };
  const digest = createHash('sha256');
  const fd = openSync(path, 'w');
  const put = (text: string) => {
    digest.update(text);
    writeSync(fd, text);
  };
  put(`${JSON.stringify(header)}\n`);
  for (let i = 0; i < lines.length; i += 10_000) put(`${lines.slice(i, i + 10_000).join('\n')}\n`);
  const seal = signNote(sealText(origin, digest.digest()), [signer]);
  writeSync(fd, `${JSON.stringify({ end: { events: n, subtrees: 0, seal } })}\n`);
  closeSync(fd);
  return { hashes };
}

/**
 * What no verifier of this format can leave out, in steps, over the same file read the way
 * verify-bundle reads it (4 MB at a time): split it into lines and JSON.parse every line; then
 * hash every event (from its fields as the line holds them); then fold the hashes into the RFC
 * 6962 tree; then the seal's SHA-256 over the bytes (a chunk at a time, the cheapest way). The
 * last step is the floor under verify-bundle: everything it does beyond that is checks and
 * bookkeeping.
 */
function floor(path: string, upTo: 'parse' | 'event hashes' | 'merkle' | 'seal'): void {
  const tree = new TreeBuilder();
  const seal = createHash('sha256');
  const chunks = function* () {
    for (const chunk of fileChunks(path)) {
      if (upTo === 'seal') seal.update(chunk);
      yield chunk;
    }
  };
  let header = true;
  for (const { bytes } of lineBytes(chunks())) {
    const line = JSON.parse(bytes.toString('utf8')) as { event?: BundleEventFields };
    if (header || upTo === 'parse' || !line.event) {
      header = false;
      continue;
    }
    const hex = hashHexFields(line.event, line.event.encoding);
    if (upTo !== 'event hashes') tree.addHex(hex);
  }
  tree.root();
  seal.digest();
}

/** The baseline: the file read the same way, 4 MB at a time, and one SHA-256 over its bytes. */
function readAndHashFile(path: string): Buffer {
  const digest = createHash('sha256');
  for (const chunk of fileChunks(path)) digest.update(chunk);
  return digest.digest();
}

export async function runBundlesBench(): Promise<void> {
  console.log(`\nEvidence bundles — ${EVENTS.toLocaleString('en')} events (load average ${loadavg().map((l) => l.toFixed(2)).join(', ')})`);
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-bench-bundle-'));
  const path = join(dir, `bundle-${EVENTS}.jsonl`);
  try {
    const { hashes } = writeBundle(path, EVENTS);
    const megabytes = statSync(path).size / 1024 / 1024;
    const oneEach = best(() => {
      // As text: the cheapest way to get a digest out of node:crypto (see sha256 in src/core/ledger/hash.ts).
      for (let i = 0; i < EVENTS; i++) hash('sha256', hashes.subarray(i * 32, i * 32 + 32), 'binary');
    });
    const root = best(() => {
      const tree = new TreeBuilder();
      for (let i = 0; i < EVENTS; i++) tree.add(hashes.subarray(i * 32, i * 32 + 32));
      tree.root();
    });
    const readAndHash = best(() => readAndHashFile(path));
    const parseOnly = best(() => floor(path, 'parse'));
    const eventHashes = best(() => floor(path, 'event hashes'));
    const merkle = best(() => floor(path, 'merkle'));
    const sealed = best(() => floor(path, 'seal'));
    let verdict = '';
    const verify = best(() => {
      const v = verifyBundleFile(path);
      verdict = v.ok ? `ok, ${v.events} events` : v.reason;
    });
    const standalone = best(() => {
      spawnSync(process.execPath, [join(import.meta.dirname, '../../tools/verify-bundle.mjs'), path]);
    });
    const nodeStart = best(() => {
      spawnSync(process.execPath, ['-e', '']);
    });
    const base = `read (4 MB at a time) + SHA-256 of the file: ${ms(readAndHash)}`;
    const rows = [
      ['Merkle root (RFC 6962) over the hashes', ms(root), `SHA-256 of each hash once: ${ms(oneEach)}`, (root / oneEach).toFixed(2), '(reported)'],
      [`verify-bundle (${verdict}), ${megabytes.toFixed(0)} MB`, ms(verify), base, (verify / readAndHash).toFixed(2), '≤ 1.5×'],
      ['floor 1: read + JSON.parse of every line', ms(parseOnly), base, (parseOnly / readAndHash).toFixed(2), '(reported)'],
      ['floor 2: + every event hash', ms(eventHashes), base, (eventHashes / readAndHash).toFixed(2), '(reported)'],
      ['floor 3: + the Merkle tree', ms(merkle), base, (merkle / readAndHash).toFixed(2), '(reported)'],
      ['floor 4: + the seal (SHA-256 of the bytes): what no verifier can leave out', ms(sealed), base, (sealed / readAndHash).toFixed(2), '(reported)'],
      ['verify-bundle against floor 4', ms(verify), `floor 4: ${ms(sealed)}`, (verify / sealed).toFixed(2), '(reported)'],
      ['tools/verify-bundle.mjs (a process, with Node start)', ms(standalone), base, (standalone / readAndHash).toFixed(2), '(reported)'],
      ['tools/verify-bundle.mjs against floor 4 + Node start', ms(standalone), `floor 4 + ${ms(nodeStart)}: ${ms(sealed + nodeStart)}`, (standalone / (sealed + nodeStart)).toFixed(2), '(reported)'],
    ];
    for (const [measure, value, baseline, ratio, target] of rows) {
      const pass = target === '(reported)' ? '' : Number(ratio) <= 1.5 ? 'PASS' : 'MISS';
      console.log(`  ${measure}: ${value} | baseline ${baseline} | ${ratio}× | target ${target} ${pass}`);
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`  kept ${path}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBundlesBench();
