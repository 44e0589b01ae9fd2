import { pathToFileURL } from 'node:url';
import { createImageDecoder, rgbaToLuminance } from '../../src/shared/scan/imageDecode';
import { createWedgeDetector, type WedgeKeyEvent } from '../../src/renderer/scan/wedgeDetector';
import { cameraFrame } from '../support/barcodes';
import { typing } from '../renderer/scan/keyboards';

/**
 * Scanning benchmarks: the webcam decoder per 640×480 frame and the wedge detector per key event,
 * each against a baseline measured in the same run on the same data, so the ratios are meaningful
 * on any machine. No assertions: `npm run bench` prints, people judge.
 */

interface Row {
  case: string;
  'median µs': number;
  'vs baseline': string;
}

/** Median time of `fn` in microseconds over `runs` runs after `warmup` runs. */
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

const round = (us: number) => Math.round(us * 100) / 100;

/** Written by the measured loops so the engine cannot drop their work as unused. */
export let benchSink = 0;

async function frameBench(): Promise<Row[]> {
  const qr = await cameraFrame('qrcode', 'IP7K2M9QXA7', { scale: 4, noise: 8 });
  const code128 = await cameraFrame('code128', 'IP7K2M9QXA7', { scale: 2, noise: 8 });
  const upright = await cameraFrame('code128', 'IP7K2M9QXA7', { scale: 2, rotate: 'R', noise: 8 });
  const empty = { ...qr, data: new Uint8Array(qr.data.length).fill(200) };
  const luminance = new Uint8ClampedArray(640 * 480);
  const decoder = createImageDecoder();
  const fastOnly = createImageDecoder({ tryRotated: false });

  // Baseline: only turning the RGBA frame into luminance, the cheapest thing any decoder must do.
  const baseline = measure(() => rgbaToLuminance(qr.data, 640, 480, luminance), 200);
  const rows: Array<[string, number]> = [
    ['baseline: RGBA → luminance, 640×480', baseline],
    ['QR code (found)', measure(() => decoder.decodeRgba(640, 480, qr.data), 60)],
    ['Code 128 (found)', measure(() => decoder.decodeRgba(640, 480, code128.data), 60)],
    ['Code 128 held upright (found on the turned pass)', measure(() => decoder.decodeRgba(640, 480, upright.data), 40)],
    ['empty frame, with turned pass (camera default)', measure(() => decoder.decodeRgba(640, 480, empty.data), 40)],
    ['empty frame, without turned pass', measure(() => fastOnly.decodeRgba(640, 480, empty.data), 40)],
  ];
  return rows.map(([name, us]) => ({ case: name, 'median µs': round(us), 'vs baseline': `${(us / baseline).toFixed(1)}×` }));
}

function wedgeBench(): Row[] {
  // 30 pupils' scans and a teacher's typing, as one recorded stream of key events.
  const events: WedgeKeyEvent[] = [];
  for (let i = 0; i < 30; i++) events.push(...typing('IP7K2M9QXA7', { gap: 5, start: i * 4000 }));
  events.push(...typing('juf Annemiek', { gap: 120, start: 200_000 }));
  const timers = { setTimeout: () => 0, clearTimeout: () => {} }; // real timers are the host's cost, not ours

  // Baseline: a loop that touches the same fields of every event and decides nothing.
  const baseline =
    measure(() => {
      for (const e of events) benchSink += e.code.length + e.timeStamp + (e.shiftKey ? 1 : 0);
    }, 400) / events.length;
  const detector =
    measure(() => {
      const d = createWedgeDetector({}, { onScan: () => benchSink++, onRelease: () => benchSink++ > 0 }, timers);
      for (const e of events) d.handleKeyDown(e);
    }, 400) / events.length;
  return [
    { case: `baseline: empty loop over ${events.length} key events (per event)`, 'median µs': round(baseline), 'vs baseline': '1.0×' },
    { case: 'wedge detector (per event)', 'median µs': round(detector), 'vs baseline': `${(detector / baseline).toFixed(1)}×` },
  ];
}

export async function runScanningBench(): Promise<void> {
  console.log('\nScanning — webcam decoder, one 640×480 frame (decoded every 150 ms = 150 000 µs budget)');
  console.table(await frameBench());
  console.log('\nScanning — keyboard-wedge detector, per key event');
  console.table(wedgeBench());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runScanningBench();
