import { createWriteStream } from 'node:fs';
import { openCore } from '../../src/core';
import { exportEvents } from '../../src/core/export/exportEvents';
import { SYSTEM_ACTOR } from '../../src/core/ledger/events';

/**
 * One export in a process of its own, so its peak memory is its own: `exportChild.ts DB csv|xlsx
 * OUT` prints the export's time and row count as JSON (the parent reads peak RSS from the OS).
 */
const [dbPath, format, out] = process.argv.slice(2);
if (!dbPath || (format !== 'csv' && format !== 'xlsx') || !out) throw new Error('usage: exportChild.ts DB csv|xlsx OUT');
const core = openCore({ dbPath, appVersion: 'bench' });
// The start-up check (registry, chain since the last checkpoint) has its own peak; the export's is apart from it.
const openedMb = process.resourceUsage().maxRSS / 1024;
try {
  const t0 = performance.now();
  const report = await exportEvents(core.services.context, { format, filter: {}, language: 'nl', actor: SYSTEM_ACTOR }, createWriteStream(out));
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ ms, rows: report.rows, openedMb })}\n`);
} finally {
  core.close();
}
