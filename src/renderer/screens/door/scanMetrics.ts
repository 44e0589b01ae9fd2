import type { ScanSource } from '../../../shared/contract/events';

/**
 * Scan-to-confirmation timing, measured in the page: from the moment the scan completed (the
 * scanner's Enter, or the camera frame) to the moment its confirmation is in the DOM. The last
 * few hundred are kept on `window.__inleverpuntMetrics`, which `npm run bench` (test/bench/door.ts)
 * reads to show the "well under 100 ms" promise; in production nobody reads it and it costs a small
 * array.
 */
export interface ScanTiming {
  source: ScanSource | 'unknown';
  result: 'confirmed' | 'repeat' | 'problem';
  ms: number;
}

export interface InleverpuntMetrics {
  scanToConfirmation: ScanTiming[];
}

declare global {
  interface Window {
    __inleverpuntMetrics?: InleverpuntMetrics;
  }
}

export const KEPT_TIMINGS = 200;

export function recordScanTiming(timing: ScanTiming, target: Window = window): void {
  const metrics = (target.__inleverpuntMetrics ??= { scanToConfirmation: [] });
  metrics.scanToConfirmation.push({ ...timing, ms: Math.round(timing.ms * 10) / 10 });
  if (metrics.scanToConfirmation.length > KEPT_TIMINGS) metrics.scanToConfirmation.splice(0, metrics.scanToConfirmation.length - KEPT_TIMINGS);
}

/**
 * When a scan happened, on the `performance.now()` clock. Sources in this page (wedge, camera)
 * stamp `at` with this page's `Date.now()`, so their age is known; a HID scan was stamped in
 * another process, whose clock need not agree, so it is timed from its arrival here.
 */
export function scanStartedAt(source: ScanSource, at: number, nowPerf: number, nowEpoch: number): number {
  if (source !== 'wedge' && source !== 'camera') return nowPerf;
  const age = nowEpoch - at;
  return age >= 0 && age < 10_000 ? nowPerf - age : nowPerf;
}

/** The p-th percentile (nearest rank) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
