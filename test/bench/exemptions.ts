import { pathToFileURL } from 'node:url';
import { exemptionForToday } from '../../src/core/services/exemptions';
import { resolveTag } from '../../src/core/services/tags';
import { classFixture } from '../core/support/custodyFixture';

/**
 * What exemptions cost every scan: one lookup of the pupil's open exemptions before the hand-in.
 * Against a baseline in the same run (the tag lookup every scan makes anyway), and a whole scan
 * (hand-in and return, each a committed transaction) on a kiosk without and with 300 exemptions
 * of other pupils. No assertions: `npm run bench` prints, people judge.
 */

function measure(fn: () => void, runs: number, warmup = Math.ceil(runs / 5)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]! * 1000;
}

export let benchSink = 0;

export function runExemptionsBench(): void {
  const f = classFixture({ size: 30 });
  try {
    f.clock.set(new Date(2026, 10, 17, 8, 15).toISOString());
    const ctx = f.s.context;
    const phone = f.phones[0]!;
    const scanCycle = () => {
      f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
      f.clock.advance(61_000);
      f.s.scan({ code: 'STK-1', mode: 'return', actor: 'pupil' });
      f.clock.advance(61_000);
    };
    const tagLookup = measure(() => void (benchSink += resolveTag(ctx, 'STK-1').tagId.length), 2000);
    const emptyLookup = measure(() => void (benchSink += exemptionForToday(ctx, phone) === null ? 1 : 0), 2000);
    const scanWithout = measure(scanCycle, 60);
    // 300 exemptions of the other 29 pupils (ten each, some for any device): a school with many.
    for (let i = 0; i < 300; i++) {
      const n = 1 + (i % 29);
      f.s.grantExemption(
        {
          pupilId: f.pupils[n]!.pupilId,
          deviceId: i % 3 === 0 ? null : f.phones[n]!.deviceId,
          reason: 'onderwijs',
          validFrom: '2026-09-01',
          validUntil: '2027-07-16',
          agreedBy: f.admin.staffId,
        },
        f.office.staffId,
      );
    }
    const fullLookup = measure(() => void (benchSink += exemptionForToday(ctx, phone) === null ? 1 : 0), 2000);
    const scanWith = measure(scanCycle, 60);
    const rows = [
      ['baseline: tag lookup (every scan does it)', tagLookup, tagLookup],
      ['exemption lookup, no exemptions', emptyLookup, tagLookup],
      ['exemption lookup, 300 exemptions of other pupils', fullLookup, tagLookup],
      ['baseline: scan in and out, no exemptions', scanWithout, scanWithout],
      ['scan in and out, 300 exemptions of other pupils', scanWith, scanWithout],
    ] as const;
    console.log('\nExemptions on the scan path');
    console.table(
      rows.map(([name, us, base]) => ({ case: name, 'median µs': Math.round(us * 100) / 100, 'vs baseline': `${(us / base).toFixed(2)}×` })),
    );
  } finally {
    f.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runExemptionsBench();
