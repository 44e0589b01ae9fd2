import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCore } from '../../src/core';
import { applyPragmas } from '../../src/core/db/open';
import { readAllCustody } from '../../src/core/ledger/projection';
import { buildLedgerDb, workingCopy } from './ledgerDb';

/**
 * One scan at the door, committed (fsync), against a bare INSERT of the same row: the event row
 * the scan has just written, inserted into a plain rowid table with the ledger's columns and no
 * constraint, trigger or index, which already holds the same million rows (so its b-tree is as
 * deep as the ledger's), with the same pragmas (WAL, synchronous=FULL). The two are interleaved
 * (scan, insert, scan, …) so that other load on the machine falls on both alike.
 *
 * Warm: both databases' pages are in memory, as on a kiosk that has been scanning for a while.
 * Cold: before each scan and each insert, SQLite's page cache is emptied (`shrink_memory`) and the
 * operating system is told to drop its cached pages of both files (posix_fadvise DONTNEED, through
 * `dd iflag=nocache count=0`; no root needed, other programs' caches stay), so every page the
 * operation touches is read from the disk again: the worst case, a scan on a machine whose memory
 * went to something else. Also reported: how much each one read from the disk (the process's
 * `read_bytes`, read-ahead included).
 * First scan after a start: both files dropped from the OS cache, the kiosk opened as it starts in
 * the morning (openCore, with its start-up checks, not timed) and the baseline's database opened;
 * then one scan and one insert, timed. What a pupil meets at the first scan of the day.
 */

export interface Line {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  result: 'PASS' | 'MISS';
}

const WARM_SCANS = 1000;
const COLD_SCANS = 200;
const STARTS = 10;
const WARMUP = 50;
const COMMITS_COUNTED = 100;

const ms = (x: number) => `${x.toFixed(x < 1 ? 3 : 2)} ms`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const sortedTimes = (times: number[]) => [...times].sort((a, b) => a - b);

const LEDGER_COLUMNS = `seq, event_id, kiosk_id, occurred_at, type, actor, custodian, device_id, pupil_id, location_id,
  pouch_id, voids_seq, details, payload_hash, prev_hash, hash, encoding`;

/**
 * The baseline's database: a rowid table with the ledger's columns holding a copy of the ledger's
 * rows. Built once beside the cached bench database (a few seconds) and copied for each run.
 */
function baselineDb(ledgerPath: string): string {
  const path = ledgerPath.replace(/\.db$/, '-baseline.db');
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  for (const s of ['', '-wal', '-shm']) rmSync(building + s, { force: true });
  const db = new Database(building);
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, ${LEDGER_COLUMNS.replace(/\s+/g, ' ')})`);
  db.prepare('ATTACH DATABASE ? AS src').run(ledgerPath);
  db.exec(`INSERT INTO t (${LEDGER_COLUMNS}) SELECT ${LEDGER_COLUMNS} FROM src.ledger_events ORDER BY kiosk_id, seq`);
  db.exec('DETACH DATABASE src');
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(building, path);
  return path;
}

/** Drops this file's pages from the OS page cache (what a cold start finds). */
function dropFromOsCache(file: string): void {
  if (!existsSync(file)) return;
  const dd = spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none']);
  if (dd.status !== 0) throw new Error(`dd could not drop ${file} from the page cache: ${dd.stderr.toString()}`);
}

function makeCold(db: Database.Database): void {
  db.pragma('shrink_memory');
  dropFromOsCache(db.name);
  dropFromOsCache(`${db.name}-wal`);
}

/** Bytes this process has read from storage so far (Linux); null where that is not known. */
function bytesReadFromDisk(): number | null {
  try {
    const match = /read_bytes: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

interface Sample {
  time: number;
  read: number;
}

function timed(fn: () => void, prepare?: () => void): Sample {
  prepare?.();
  const r0 = bytesReadFromDisk();
  const t0 = performance.now();
  fn();
  const time = performance.now() - t0;
  const r1 = bytesReadFromDisk();
  return { time, read: r0 === null || r1 === null ? 0 : r1 - r0 };
}

/** Waits until a freshly copied file is on the disk, so its write-back does not slow the fsyncs measured. */
function flushToDisk(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const INSERT_SQL = `INSERT INTO t (${LEDGER_COLUMNS}) VALUES (${LEDGER_COLUMNS.split(',').map(() => '?').join(', ')})`;
const NEWEST_SQL = `SELECT ${LEDGER_COLUMNS} FROM ledger_events WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1`;

export function scanPathBench(ledgerPath: string, work: string): Line[] {
  // Beside the scan's working copy, in that run's own folder: never shared with another run.
  const basePath = join(dirname(work), 'baseline-work.db');
  workingCopy(baselineDb(ledgerPath), basePath);
  for (const file of [work, basePath]) flushToDisk(file);
  const openBoth = () => {
    const core = openCore({ dbPath: work, appVersion: 'bench' });
    const base = new Database(basePath);
    applyPragmas(base);
    return { core, base, insert: base.prepare(INSERT_SQL), newest: core.db.prepare(NEWEST_SQL).raw(true) };
  };
  let { core, base, insert, newest } = openBoth();
  const kioskId = core.kiosk().kioskId;

  const tags = core.db
    .prepare(
      "SELECT canonical, device_id FROM tags WHERE kind IN ('device_sticker', 'nfc') AND status = 'active' ORDER BY rowid",
    )
    .all() as { canonical: string; device_id: string }[];
  // Each device's next scan is the one the school day would bring: a hand-in if it is not held,
  // a return if it is (whatever state the cached database was left in).
  const held = new Set(readAllCustody(core.db).filter((c) => c.held).map((c) => c.deviceId));
  let i = 0;
  let lastRow: unknown[] = [];
  const scanOnce = () => {
    const { canonical: code, device_id: deviceId } = tags[i++ % tags.length] as { canonical: string; device_id: string };
    const mode = held.has(deviceId) ? 'return' : 'hand-in';
    core.services.scan({ code, mode, actor: 'pupil' });
    if (mode === 'return') held.delete(deviceId);
    else held.add(deviceId);
  };
  // The baseline writes the row the scan before it wrote (read back outside the timing).
  const insertOnce = () => insert.run(lastRow);
  const rememberRow = () => {
    lastRow = newest.get(kioskId) as unknown[];
  };

  const pairs = (n: number, cold: boolean): [Sample[], Sample[]] => {
    const scans: Sample[] = [];
    const inserts: Sample[] = [];
    for (let k = 0; k < n + WARMUP; k++) {
      const s = timed(scanOnce, cold ? () => makeCold(core.db) : undefined);
      rememberRow();
      const b = timed(insertOnce, cold ? () => makeCold(base) : undefined);
      if (k >= WARMUP) {
        scans.push(s);
        inserts.push(b);
      }
    }
    return [scans, inserts];
  };

  const [warmScan, warmBase] = pairs(WARM_SCANS, false);
  // The same without fsync: what the service itself costs beside a bare insert (CPU and page
  // writes into the OS cache), apart from the virtual disk's flush, which swings between runs.
  for (const db of [core.db, base]) db.pragma('synchronous = OFF');
  const [cpuScan, cpuBase] = pairs(WARM_SCANS, false);
  for (const db of [core.db, base]) db.pragma('synchronous = FULL');
  const scanPages = walPagesPerCommit(core.db, () => {
    scanOnce();
    rememberRow();
  });
  const basePages = walPagesPerCommit(base, insertOnce);
  const [coldScan, coldBase] = pairs(COLD_SCANS, true);
  const startScan: Sample[] = [];
  const startBase: Sample[] = [];
  for (let k = 0; k < STARTS; k++) {
    core.close();
    base.close();
    for (const file of [work, `${work}-wal`, basePath, `${basePath}-wal`]) dropFromOsCache(file);
    ({ core, base, insert, newest } = openBoth());
    startScan.push(timed(scanOnce));
    rememberRow();
    startBase.push(timed(insertOnce));
  }
  core.close();
  base.close();
  for (const s of ['', '-wal', '-shm']) rmSync(basePath + s, { force: true });

  const ratioLine = (measure: string, a: Sample[], b: Sample[], q: number, target: number | null): Line => {
    const va = quantile(sortedTimes(a.map((x) => x.time)), q);
    const vb = quantile(sortedTimes(b.map((x) => x.time)), q);
    const ratio = va / vb;
    return {
      measure,
      value: ms(va),
      baseline: `${ms(vb)} bare INSERT`,
      ratio: `${ratio.toFixed(2)}×`,
      target: target === null ? '(reported)' : `≤ ${target}×`,
      result: target === null || ratio <= target ? 'PASS' : 'MISS',
    };
  };
  const meanKb = (xs: Sample[]) => xs.reduce((sum, x) => sum + x.read, 0) / xs.length / 1024;
  return [
    ratioLine('(a) scan→commit p50, warm', warmScan, warmBase, 0.5, 1.5),
    ratioLine('(a) scan→commit p99, warm', warmScan, warmBase, 0.99, 2),
    ratioLine('(a) scan→commit p50, cold', coldScan, coldBase, 0.5, 1.5),
    ratioLine('(a) scan→commit p99, cold', coldScan, coldBase, 0.99, 2),
    ratioLine(`(a) first scan after a cold start, p50 of ${STARTS}`, startScan, startBase, 0.5, null),
    {
      measure: '(a) read from disk per commit, cold',
      value: `${meanKb(coldScan).toFixed(0)} KB per scan`,
      baseline: `${meanKb(coldBase).toFixed(0)} KB per bare INSERT`,
      ratio: `${(meanKb(coldScan) / Math.max(meanKb(coldBase), 1e-9)).toFixed(2)}×`,
      target: '(reported)',
      result: 'PASS',
    },
    ratioLine('(a) the same without fsync, p50, warm', cpuScan, cpuBase, 0.5, null),
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

/** Alone (`npx tsx test/bench/scanPath.ts`): the scan lines of the ledger bench, on a private copy. */
async function runAlone(): Promise<void> {
  const built = buildLedgerDb((text) => console.log(text));
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-bench-scan-'));
  const work = join(dir, 'work.db');
  workingCopy(built.path, work);
  try {
    console.table(scanPathBench(built.path, work));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runAlone();
