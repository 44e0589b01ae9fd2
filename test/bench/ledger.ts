import Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCore } from '../../src/core';
import { applyPragmas, openDatabase } from '../../src/core/db/open';
import { preparedRaw } from '../../src/core/db/statements';
import { lastCheckpoint } from '../../src/core/ledger/checkpoint';
import { readAllCustody, readCustody } from '../../src/core/ledger/projection';
import { verifyLedger } from '../../src/core/ledger/verify';
import { BENCH_EVENTS, buildLedgerDb, workingCopy } from './ledgerDb';

/**
 * The ledger at board scale (a million events): each figure beside a baseline measured in the
 * same run on the same machine, with the target from the issue. No assertions: it prints.
 */

interface Line {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  result: 'PASS' | 'MISS';
}

const SCANS = 1000;
const COMMITS_COUNTED = 100;
const LOOKUPS = 20_000;
const COLD_STARTS = 5;

const ms = (x: number) => `${x.toFixed(x < 1 ? 3 : 1)} ms`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const sortedTimes = (times: number[]) => [...times].sort((a, b) => a - b);
const median = (times: number[]) => quantile(sortedTimes(times), 0.5);

function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function runLedgerBench(): Promise<void> {
  const log = (text: string) => console.log(text);
  console.log(`\nLedger — ${BENCH_EVENTS.toLocaleString('en')} events (cached database in ${tmpdir()})`);
  const built = buildLedgerDb(log);
  console.log(built.built ? `  built in ${built.seconds.toFixed(1)} s` : `  reusing ${built.path}`);
  const work = join(tmpdir(), 'inleverpunt-bench-work.db');
  const lines: Line[] = [];
  try {
    workingCopy(built.path, work);
    lines.push(...coldStart(work));
    lines.push(...scanLatency(work));
    lines.push(custodyLookup(work));
    lines.push(...deviceHistory(work));
    lines.push(verifyThroughput(built.path));
  } finally {
    for (const s of ['', '-wal', '-shm']) rmSync(work + s, { force: true });
  }
  console.table(lines);
}

/**
 * (a) One scan at the door, committed (fsync), vs a bare INSERT of as many bytes into a plain
 * table with the same pragmas. The two are interleaved (scan, insert, scan, …) so that other load
 * on the machine falls on both alike. Also counted: WAL pages each commit writes, which is what
 * the fsync has to flush.
 */
function scanLatency(path: string): Line[] {
  const core = openCore({ dbPath: path, appVersion: 'bench' });
  const codes = core.db
    .prepare("SELECT canonical FROM tags WHERE kind IN ('device_sticker', 'nfc') AND status = 'active' ORDER BY rowid")
    .pluck()
    .all() as string[];
  const rowBytes = core.db
    .prepare(
      `SELECT avg(length(event_id) + length(kiosk_id) + length(occurred_at) + length(type) + length(actor)
         + ifnull(length(custodian), 0) + ifnull(length(device_id), 0) + ifnull(length(pupil_id), 0)
         + ifnull(length(location_id), 0) + ifnull(length(pouch_id), 0) + length(details) + 64 + 8)
       FROM (SELECT * FROM ledger_events ORDER BY seq DESC LIMIT 1000)`,
    )
    .pluck()
    .get() as number;
  const basePath = join(tmpdir(), 'inleverpunt-bench-baseline.db');
  for (const s of ['', '-wal', '-shm']) rmSync(basePath + s, { force: true });
  const base = new Database(basePath);
  applyPragmas(base);
  base.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = base.prepare('INSERT INTO t (body) VALUES (?)');
  const body = Buffer.alloc(Math.round(rowBytes), 0x41);

  // Each device's next scan is the one the school day would bring: a hand-in if it is not held,
  // a return if it is (whatever state the cached database was left in).
  const held = new Set(readAllCustody(core.db).filter((c) => c.held).map((c) => c.deviceId));
  const deviceOf = new Map(
    (core.db.prepare("SELECT canonical, device_id FROM tags WHERE kind IN ('device_sticker', 'nfc') AND status = 'active'").all() as {
      canonical: string;
      device_id: string;
    }[]).map((r) => [r.canonical, r.device_id]),
  );
  let i = 0;
  const scanOnce = () => {
    const code = codes[i % codes.length] as string;
    i++;
    const deviceId = deviceOf.get(code) as string;
    const mode = held.has(deviceId) ? 'return' : 'hand-in';
    core.services.scan({ code, mode, actor: 'pupil' });
    if (mode === 'return') held.delete(deviceId);
    else held.add(deviceId);
  };
  const [scanTimes, baseTimes] = interleaved(scanOnce, () => insert.run(body));
  // The same without fsync: what the service itself costs beside a bare insert (CPU and page
  // writes into the OS cache), apart from the virtual disk's flush, which swings between runs.
  for (const db of [core.db, base]) db.pragma('synchronous = OFF');
  const [scanCpu, baseCpu] = interleaved(scanOnce, () => insert.run(body));
  for (const db of [core.db, base]) db.pragma('synchronous = FULL');
  const scanPages = walPagesPerCommit(core.db, scanOnce);
  const basePages = walPagesPerCommit(base, () => insert.run(body));
  core.close();
  base.close();
  for (const s of ['', '-wal', '-shm']) rmSync(basePath + s, { force: true });

  const ratioLine = (measure: string, a: number[], b: number[], q: number, target: number | null): Line => {
    const ratio = quantile(sortedTimes(a), q) / quantile(sortedTimes(b), q);
    return {
      measure,
      value: ms(quantile(sortedTimes(a), q)),
      baseline: `${ms(quantile(sortedTimes(b), q))} bare INSERT ${Math.round(rowBytes)} B`,
      ratio: `${ratio.toFixed(2)}×`,
      target: target === null ? '(reported)' : `≤ ${target}×`,
      result: target === null || ratio <= target ? 'PASS' : 'MISS',
    };
  };
  return [
    ratioLine('(a) scan→commit p50', scanTimes, baseTimes, 0.5, 1.5),
    ratioLine('(a) scan→commit p99', scanTimes, baseTimes, 0.99, 2),
    ratioLine('(a) the same without fsync, p50', scanCpu, baseCpu, 0.5, null),
    {
      measure: '(a) WAL pages per commit',
      value: `${scanPages.total.toFixed(1)} per scan (${scanPages.byTree})`,
      baseline: `${basePages.total.toFixed(1)} per bare INSERT`,
      ratio: `${(scanPages.total / basePages.total).toFixed(2)}×`,
      target: '(reported)',
      result: 'PASS',
    },
  ];
}

/** Times `a` and `b` in turns (a, b, a, …) so that other load on the machine falls on both alike. */
function interleaved(a: () => void, b: () => void): [number[], number[]] {
  const as: number[] = [];
  const bs: number[] = [];
  for (let n = 0; n < SCANS + 50; n++) {
    const ta = timed(a);
    const tb = timed(b);
    if (n >= 50) {
      as.push(ta);
      bs.push(tb);
    }
  }
  return [as, bs];
}

/**
 * Pages appended to the WAL per commit of `fn`, over 100 commits with auto-checkpoint paused, and
 * which tables and indexes they belong to (the WAL's frame headers name each page; `dbstat` names
 * the b-tree that holds it): what each commit makes the disk flush.
 */
function walPagesPerCommit(db: Database.Database, fn: () => void): { total: number; byTree: string } {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  for (let n = 0; n < COMMITS_COUNTED; n++) fn();
  const wal = readFileSync(`${db.name}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const perTree = new Map<string, number>();
  const treeOf = new Map(
    (db.prepare('SELECT pageno, name FROM dbstat').all() as { pageno: number; name: string }[]).map((r) => [r.pageno, r.name]),
  );
  for (let offset = 32; offset + 24 <= wal.length; offset += 24 + pageSize) {
    const page = wal.readUInt32BE(offset);
    const tree = page === 1 ? 'header' : (treeOf.get(page) ?? 'new pages');
    perTree.set(tree, (perTree.get(tree) ?? 0) + 1);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 1000');
  const total = [...perTree.values()].reduce((sum, n) => sum + n, 0) / COMMITS_COUNTED;
  const byTree = [...perTree]
    .sort((x, y) => y[1] - x[1])
    .map(([tree, n]) => `${tree} ${(n / COMMITS_COUNTED).toFixed(2)}`)
    .join(', ');
  return { total, byTree };
}

/** (b) The office's full verify: events per second vs reading the same rows and hashing the same bytes. */
function verifyThroughput(path: string): Line {
  const db = openDatabase(path, { readonly: true });
  let verifyMs = Infinity;
  let baselineMs = Infinity;
  let checked = 0;
  // Best of two: the first pass also warms the page cache, for both alike.
  for (let run = 0; run < 2; run++) {
    baselineMs = Math.min(baselineMs, timed(() => void readAndHash(db)));
    verifyMs = Math.min(
      verifyMs,
      timed(() => {
        const result = verifyLedger(db);
        if (!result.ok) throw new Error(`bench database does not verify: ${JSON.stringify(result)}`);
        checked = result.checked;
      }),
    );
  }
  db.close();
  const perSecond = (checked / verifyMs) * 1000;
  const basePerSecond = (checked / baselineMs) * 1000;
  const ratio = verifyMs / baselineMs;
  return {
    measure: '(b) full verifyLedger()',
    value: `${Math.round(perSecond).toLocaleString('en')} events/s (${(verifyMs / 1000).toFixed(2)} s)`,
    baseline: `${Math.round(basePerSecond).toLocaleString('en')} events/s read + SHA-256`,
    ratio: `${ratio.toFixed(2)}×`,
    target: '≤ 2×',
    result: ratio <= 2 ? 'PASS' : 'MISS',
  };
}

/**
 * The baseline for (b): the same rows read the same way, their field bytes copied into one
 * reused buffer and hashed with one SHA-256 call (and the payload text with another). What the
 * chain adds on top — the typed encoding, comparing hashes, the gap and redaction bookkeeping —
 * is what the ratio shows.
 */
function readAndHash(db: Database.Database): number {
  let n = 0;
  const buffer = Buffer.alloc(64 * 1024);
  const rows = preparedRaw(
    db,
    `SELECT e.seq, e.event_id, e.kiosk_id, e.occurred_at, e.type, e.actor, e.custodian, e.device_id,
       e.pupil_id, e.location_id, e.pouch_id, e.voids_seq, e.details, e.payload_hash, e.prev_hash, e.hash,
       p.seq IS NOT NULL, p.body
     FROM ledger_events e LEFT JOIN ledger_payloads p ON p.kiosk_id = e.kiosk_id AND p.seq = e.seq
     WHERE e.kiosk_id = (SELECT kiosk_id FROM kiosk) AND e.seq > ? ORDER BY e.seq`,
  ).iterate(0) as IterableIterator<unknown[]>;
  for (const row of rows) {
    let pos = 0;
    for (let i = 0; i < 15; i++) {
      const v = row[i];
      if (typeof v === 'string') pos += buffer.write(v, pos);
      else if (Buffer.isBuffer(v)) pos += v.copy(buffer, pos);
    }
    n += hash('sha256', buffer.subarray(0, pos), 'buffer')[0] as number;
    if (typeof row[17] === 'string') n += hash('sha256', row[17], 'buffer')[0] as number;
  }
  return n;
}

/** (c) "Who holds this device now?": one projection row by primary key. */
function custodyLookup(path: string): Line {
  const db = openDatabase(path, { readonly: true });
  const devices = db.prepare('SELECT device_id FROM devices').pluck().all() as string[];
  const times: number[] = [];
  let sink = 0;
  for (let i = 0; i < LOOKUPS; i++) {
    const id = devices[(i * 7919) % devices.length] as string;
    times.push(timed(() => void (sink += readCustody(db, id)?.lastSeq ?? 0)));
  }
  db.close();
  const sorted = sortedTimes(times);
  const p99 = quantile(sorted, 0.99);
  return {
    measure: '(c) current custody, one device',
    value: `p50 ${ms(quantile(sorted, 0.5))}, p99 ${ms(p99)}`,
    baseline: `— (${sink > 0 ? 'rows found' : 'no rows'})`,
    ratio: '—',
    target: 'p99 < 1 ms',
    result: p99 < 1 ? 'PASS' : 'MISS',
  };
}

/**
 * (c) A device's history as the staff screens page it (newest 50), and the overview's notes on the
 * held devices: what the dropped device index served (migration 008), read from the primary key.
 */
function deviceHistory(path: string): Line[] {
  const core = openCore({ dbPath: path, appVersion: 'bench' });
  const devices = core.db.prepare('SELECT device_id FROM devices').pluck().all() as string[];
  const history: number[] = [];
  for (let i = 0; i < 200; i++) {
    const deviceId = devices[(i * 7919) % devices.length] as string;
    history.push(timed(() => void core.services.listEvents({ deviceId, limit: 50 })));
  }
  const overview: number[] = [];
  for (let i = 0; i < 50; i++) overview.push(timed(() => void core.services.listCustody()));
  core.close();
  const line = (measure: string, times: number[], targetMs: number): Line => {
    const p99 = quantile(sortedTimes(times), 0.99);
    return {
      measure,
      value: `p50 ${ms(median(times))}, p99 ${ms(p99)}`,
      baseline: '—',
      ratio: '—',
      target: `p99 < ${targetMs} ms`,
      result: p99 < targetMs ? 'PASS' : 'MISS',
    };
  };
  return [
    line("(c) a device's newest 50 events", history, 50),
    line('(c) the teacher overview (listCustody)', overview, 50),
  ];
}

/**
 * (d) Start-up on the big database after a checkpoint: open, migration check and the chain since
 * the checkpoint; quick_check on its own; and openCore() as the kiosk calls it after a clean
 * shutdown (quick_check skipped for a database this large, see needsQuickCheck) and after a crash.
 */
function coldStart(path: string): Line[] {
  const openVerify: number[] = [];
  const quick: number[] = [];
  const clean: number[] = [];
  const crashed: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    openVerify.push(
      timed(() => {
        const db = openDatabase(path);
        const checkpoint = lastCheckpoint(db);
        verifyLedger(db, checkpoint ? { after: checkpoint } : {});
        db.close();
      }),
    );
    const db = new Database(path, { readonly: true });
    quick.push(timed(() => db.pragma('quick_check', { simple: true })));
    db.close();
    clean.push(timed(() => openCore({ dbPath: path, appVersion: 'bench' }).close()));
    // A non-empty -wal file left behind is what a power cut leaves: the start then runs quick_check
    // too. (An invalid header, so SQLite itself ignores its content.)
    writeFileSync(`${path}-wal`, Buffer.alloc(32));
    crashed.push(timed(() => openCore({ dbPath: path, appVersion: 'bench' }).close()));
  }
  const line = (measure: string, value: number, target: number | null): Line => ({
    measure,
    value: ms(value),
    baseline: '—',
    ratio: '—',
    target: target === null ? '(reported)' : `< ${target} ms`,
    result: target === null || value < target ? 'PASS' : 'MISS',
  });
  return [
    line('(d) start: open + migrate check + incremental verify', median(openVerify), 300),
    line('(d) start: quick_check', median(quick), null),
    line('(d) start: openCore() after a clean shutdown', median(clean), 300),
    line('(d) start: openCore() after a crash (with quick_check)', median(crashed), null),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runLedgerBench();
