import { createWriteStream } from 'node:fs';
import { openCore } from '../../src/core';
import { exportEvents } from '../../src/core/export/exportEvents';
import { exportPdf } from '../../src/core/export/exportPdf';
import { SYSTEM_ACTOR } from '../../src/core/ledger/events';

/**
 * One export in a process of its own, so its peak memory is its own: `exportChild.ts DB
 * csv|xlsx|pdf OUT [heap]` prints the export's time and row count as JSON (the parent reads peak
 * RSS from the OS). With `heap` (and node --expose-gc), the export reports its progress as the
 * screen would have it, and at every batch the heap is collected and what stays alive is read:
 * what the export holds on to, not the garbage the collector has not come round to yet. That
 * costs time: the parent takes the time from a run without it.
 */
const [dbPath, format, out, heap] = process.argv.slice(2);
if (!dbPath || (format !== 'csv' && format !== 'xlsx' && format !== 'pdf') || !out) throw new Error('usage: exportChild.ts DB csv|xlsx|pdf OUT [heap]');
const core = openCore({ dbPath, appVersion: 'bench' });
// The start-up check (registry, chain since the last checkpoint) has its own peak; the export's is apart from it.
const openedMb = process.resourceUsage().maxRSS / 1024;
const collect = (globalThis as { gc?: () => void }).gc;
if (heap === 'heap' && !collect) throw new Error('exportChild.ts: heap needs node --expose-gc');
const liveMb = () => {
  collect?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const startHeapMb = heap === 'heap' ? liveMb() : 0;
let peakHeapMb = startHeapMb;
/** The live heap at the first batch and at the last: a log that lets go of each page keeps them level. */
let firstHeapMb: number | null = null;
let lastHeapMb = startHeapMb;
const onProgress =
  heap === 'heap'
    ? () => {
        lastHeapMb = liveMb();
        firstHeapMb ??= lastHeapMb;
        peakHeapMb = Math.max(peakHeapMb, lastHeapMb);
      }
    : undefined;
try {
  const t0 = performance.now();
  const ctx = core.services.context;
  const report =
    format === 'pdf'
      ? await exportPdf(ctx, { filter: {}, language: 'nl', actor: SYSTEM_ACTOR }, createWriteStream(out), onProgress)
      : await exportEvents(ctx, { format, filter: {}, language: 'nl', actor: SYSTEM_ACTOR }, createWriteStream(out), onProgress);
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ ms, rows: report.rows, openedMb, startHeapMb, firstHeapMb, lastHeapMb, peakHeapMb })}\n`);
} finally {
  core.close();
}
