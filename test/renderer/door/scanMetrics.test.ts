import { describe, expect, it } from 'vitest';
import { KEPT_TIMINGS, percentile, recordScanTiming, scanStartedAt } from '../../../src/renderer/screens/door/scanMetrics';

describe('scan-to-confirmation timing', () => {
  it('times a wedge or camera scan from when it happened, a HID scan from when it arrived', () => {
    expect(scanStartedAt('wedge', 1_000, 500, 1_012)).toBe(488);
    expect(scanStartedAt('camera', 1_000, 500, 1_003)).toBe(497);
    // Another process's clock says nothing about this page's.
    expect(scanStartedAt('hid', 1_000, 500, 9_999)).toBe(500);
    // A clock that jumped (or a stale event) is not trusted either.
    expect(scanStartedAt('wedge', 1_000, 500, 900)).toBe(500);
    expect(scanStartedAt('wedge', 1_000, 500, 60_000)).toBe(500);
  });

  it('keeps the last few hundred on the window for the end-to-end test', () => {
    const target = {} as Window;
    for (let i = 0; i < KEPT_TIMINGS + 10; i++) recordScanTiming({ source: 'wedge', result: 'confirmed', ms: i }, target);
    const kept = target.__inleverpuntMetrics!.scanToConfirmation;
    expect(kept).toHaveLength(KEPT_TIMINGS);
    expect(kept[0]!.ms).toBe(10);
  });

  it('p95 by nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });
});
