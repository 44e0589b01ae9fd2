import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measure } from './exports';
import { buildLedgerDb, workingCopy } from './ledgerDb';

/**
 * The printable custody log (`export --format pdf`) of N events (INLEVERPUNT_BENCH_PDF_EVENTS,
 * 10,000 by default: 400 pages), in a process of its own for time and peak RSS (GNU time), and
 * once more for the live JavaScript heap, collected and read at every batch of 1,000 events. The baseline is the CSV export of the
 * same rows, measured the same way in the same run. The heap's growth per 1,000 events is the
 * figure to watch: a log goes out page by page, so it should stay flat however long the log.
 * No assertions: it prints.
 */
const EVENTS = Number(process.env.INLEVERPUNT_BENCH_PDF_EVENTS ?? 10_000);
const here = fileURLToPath(new URL('.', import.meta.url));

interface Run {
  seconds: number;
  peakMb: number;
  bytes: number;
  ms: number;
  startHeapMb: number;
  firstHeapMb: number;
  lastHeapMb: number;
  peakHeapMb: number;
}

/** Time and peak RSS from a plain run; the live heap (collected at every batch) from a second one. */
function exportRun(db: string, format: 'csv' | 'pdf', out: string): Run {
  const child = (heap: string[]) => {
    const run = measure(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'exportChild.ts'), db, format, out, ...heap], `${out}.stdout`);
    rmSync(`${out}.stdout`, { force: true });
    return { ...run, ...(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Omit<Run, 'seconds' | 'peakMb' | 'bytes'>) };
  };
  const timed = child([]);
  const heap = child(['heap']);
  return { seconds: timed.seconds, peakMb: timed.peakMb, bytes: statSync(out).size, ms: timed.ms, startHeapMb: heap.startHeapMb, firstHeapMb: heap.firstHeapMb, lastHeapMb: heap.lastHeapMb, peakHeapMb: heap.peakHeapMb };
}

export async function runPdfLogBench(): Promise<void> {
  console.log(`\nPDF custody log — ${EVENTS.toLocaleString('en')} events (INLEVERPUNT_BENCH_PDF_EVENTS for another size)`);
  const built = buildLedgerDb((text) => console.log(text), EVENTS);
  console.log(built.built ? `  built in ${built.seconds.toFixed(1)} s` : `  reusing ${built.path}`);
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-bench-pdflog-'));
  const work = join(dir, 'export.db');
  try {
    workingCopy(built.path, work);
    const csv = exportRun(work, 'csv', join(dir, 'log.csv'));
    workingCopy(built.path, work);
    const pdf = exportRun(work, 'pdf', join(dir, 'log.pdf'));
    console.log(`  load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
    const row = (name: string, r: Run) => ({
      case: name,
      's (export)': (r.ms / 1000).toFixed(1),
      'peak RSS MB': Math.round(r.peakMb),
      'live heap MB: before, 1st batch, last, peak': [r.startHeapMb, r.firstHeapMb, r.lastHeapMb, r.peakHeapMb].map((x) => x.toFixed(1)).join(' '),
      // From the first batch to the last: what each further 1,000 events keep alive.
      'MB per 1,000 more events': ((r.lastHeapMb - r.firstHeapMb) / Math.max(1, EVENTS / 1000 - 1)).toFixed(2),
      'MB file': (r.bytes / 1024 / 1024).toFixed(1),
      'time vs CSV': `${(r.ms / csv.ms).toFixed(1)}×`,
      'RSS vs CSV': `${(r.peakMb / csv.peakMb).toFixed(2)}×`,
    });
    console.table([row('baseline: CSV export of the same rows', csv), row('PDF log (pdfkit, page by page)', pdf)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runPdfLogBench();
