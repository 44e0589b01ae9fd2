import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildLedgerDb, workingCopy } from './ledgerDb';

/**
 * The office's exports at board scale: CSV and XLSX of N events (default a million, set
 * INLEVERPUNT_BENCH_EXPORT_EVENTS for fewer), each in a process of its own, for time and peak
 * memory (GNU time's maximum resident set size). The baseline is the sqlite3 shell writing the
 * same events with the same names joined in (`-csv`), measured the same way in the same run.
 * No assertions: it prints.
 */
const EVENTS = Number(process.env.INLEVERPUNT_BENCH_EXPORT_EVENTS ?? 1_000_000);
/** `csv` alone skips the XLSX run (minutes at a million events) when only the CSV is being worked on. */
const FORMATS = (process.env.INLEVERPUNT_BENCH_EXPORT_FORMATS ?? 'csv,xlsx').split(',');
/** Runs of each (baseline and CSV alternating), reported by the median ratio: the machine is shared. */
const REPEAT = Math.max(1, Number(process.env.INLEVERPUNT_BENCH_EXPORT_REPEAT ?? 1));
const here = fileURLToPath(new URL('.', import.meta.url));

// What the export writes, as one query: the event, its payload, who voided it, and the names.
const SAME_QUERY = `SELECT e.seq, e.occurred_at, e.type, e.actor, e.custodian,
  pu.roepnaam || ' ' || pu.voorvoegsel || ' ' || pu.achternaam, pu.groep, d.kind || ': ' || d.description,
  l.name, po.number, p.body, e.voids_seq, v.seq, e.kiosk_id, lower(hex(e.hash))
FROM ledger_events e
LEFT JOIN ledger_payloads p ON p.kiosk_id = e.kiosk_id AND p.seq = e.seq
LEFT JOIN ledger_events v ON v.kiosk_id = e.kiosk_id AND v.voids_seq = e.seq
LEFT JOIN pupils pu ON pu.pupil_id = e.pupil_id
LEFT JOIN devices d ON d.device_id = e.device_id
LEFT JOIN locations l ON l.location_id = e.location_id
LEFT JOIN pouches po ON po.pouch_id = e.pouch_id
ORDER BY e.seq;`;

export interface Measured {
  seconds: number;
  peakMb: number;
  bytes: number;
  /** The export's own time, without the process start, when the child reports it. */
  innerSeconds?: number;
  /** Peak RSS once the core was open, before the export began. */
  openedMb?: number;
}

/** Runs a command under GNU time with stdout into `out`: wall seconds and peak RSS. */
export function measure(command: string, args: string[], out: string): Measured & { stdout: string } {
  const timeFile = `${out}.time`;
  const fd = openSync(out, 'w');
  try {
    const result = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%e %M', command, ...args], {
      stdio: ['ignore', command === 'sqlite3' ? fd : 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    });
    if (result.error) throw new Error(`${command}: ${result.error.message} (needs GNU time: apt install time)`);
    if (result.status !== 0) throw new Error(`${command} exited ${result.status}`);
    const [seconds, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number) as [number, number];
    return { seconds, peakMb: kb / 1024, bytes: statSync(out).size, stdout: result.stdout ?? '' };
  } finally {
    closeSync(fd);
    rmSync(timeFile, { force: true });
  }
}

function exportRun(db: string, format: 'csv' | 'xlsx', out: string): Measured {
  const child = join(here, 'exportChild.ts');
  const run = measure(process.execPath, ['--import', 'tsx', child, db, format, out], `${out}.stdout`);
  const { ms, openedMb } = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number; openedMb: number };
  rmSync(`${out}.stdout`, { force: true });
  return { seconds: run.seconds, peakMb: run.peakMb, bytes: statSync(out).size, innerSeconds: ms / 1000, openedMb };
}

export async function runExportsBench(): Promise<void> {
  console.log(`\nExports — ${EVENTS.toLocaleString('en')} events (INLEVERPUNT_BENCH_EXPORT_EVENTS for fewer)`);
  const built = buildLedgerDb((text) => console.log(text), EVENTS);
  console.log(built.built ? `  built in ${built.seconds.toFixed(1)} s` : `  reusing ${built.path}`);
  // A folder of this run's own: two benches at once (or a helper's beside yours) never share a file.
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-bench-export-'));
  const work = join(dir, 'export.db');
  const outs = { sqlite: join(dir, 'sqlite.csv'), csv: join(dir, 'export.csv'), xlsx: join(dir, 'export.xlsx') };
  try {
    const bases: Measured[] = [];
    const csvs: Measured[] = [];
    for (let i = 0; i < REPEAT; i++) {
      workingCopy(built.path, work);
      bases.push(measure('sqlite3', ['-csv', '-readonly', work, SAME_QUERY], outs.sqlite));
      csvs.push(exportRun(work, 'csv', outs.csv));
    }
    // The pair (a baseline and the CSV run after it) with the median ratio: load moves both.
    const ratios = csvs.map((c, i) => c.seconds / bases[i]!.seconds);
    const middle = ratios.indexOf([...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!);
    const base = bases[middle]!;
    const csv = csvs[middle]!;
    if (REPEAT > 1) {
      console.log(`  time vs sqlite3, run by run: ${csvs.map((c, i) => `${(c.seconds / bases[i]!.seconds).toFixed(2)}×`).join(' ')}`);
    }
    console.log(`  load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
    let xlsx: Measured | null = null;
    if (FORMATS.includes('xlsx')) {
      workingCopy(built.path, work);
      xlsx = exportRun(work, 'xlsx', outs.xlsx);
    }
    const row = (name: string, m: Measured, target: string) => ({
      case: name,
      's (process)': m.seconds.toFixed(1),
      's (export)': m.innerSeconds?.toFixed(1) ?? '',
      'peak MB': Math.round(m.peakMb),
      'MB once open': m.openedMb === undefined ? '' : Math.round(m.openedMb),
      'MB file': Math.round(m.bytes / 1024 / 1024),
      'time vs sqlite3': `${(m.seconds / base.seconds).toFixed(2)}×`,
      'memory vs sqlite3': `${(m.peakMb / base.peakMb).toFixed(1)}×`,
      target,
    });
    console.table([
      row('baseline: sqlite3 -csv, same query', base, ''),
      row('CSV export (signed, streamed)', csv, 'time ≤ 2× sqlite3'),
      ...(xlsx ? [row('XLSX export (streamed sheet XML, zipped as it goes)', xlsx, 'time and memory: measured')] : []),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runExportsBench();
