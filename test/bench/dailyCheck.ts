import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCore } from '../../src/core';
import { dailyCheck } from '../../src/core/health/dailyCheck';
import { verifyAllChains } from '../../src/core/ledger/verify';
import { buildLedgerDb, workingCopy } from './ledgerDb';

const RUNS = 5;

function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/**
 * The daily check at a kiosk's sizes: a year (11,000 events) and nine years (100,000). SQLite's
 * integrity_check against quick_check (the baseline: what the start runs), the whole chain, and
 * the daily check as the kiosk runs it. Decides INTEGRITY_CHECK_UP_TO_BYTES (src/core/health).
 */
export async function runDailyCheckBench(): Promise<void> {
  const lines = [];
  for (const events of [11_000, 100_000]) {
    const built = buildLedgerDb((text) => console.log(text), events);
    const path = join(tmpdir(), `inleverpunt-bench-daily-${events}.db`);
    workingCopy(built.path, path);
    const megabytes = statSync(path).size / 1024 / 1024;
    const quick: number[] = [];
    const integrity: number[] = [];
    const chain: number[] = [];
    const daily: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const db = new Database(path, { readonly: true });
      quick.push(timed(() => db.pragma('quick_check', { simple: true })));
      integrity.push(timed(() => db.pragma('integrity_check', { simple: true })));
      chain.push(timed(() => verifyAllChains(db)));
      db.close();
      const core = openCore({ dbPath: path, appVersion: 'bench' });
      daily.push(timed(() => dailyCheck(core, new Date())));
      core.close();
    }
    lines.push({
      events,
      'file size': `${megabytes.toFixed(1)} MB`,
      quick_check: ms(median(quick)),
      integrity_check: ms(median(integrity)),
      ratio: `${(median(integrity) / median(quick)).toFixed(1)}×`,
      'whole chain': ms(median(chain)),
      'daily check (all of it)': ms(median(daily)),
    });
  }
  console.log('\nDaily check (integrity_check vs quick_check, the whole chain), median of 5:');
  console.table(lines);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runDailyCheckBench();
