import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openCore, type Core } from '../../src/core';
import { applyPupilImport, previewPupilImport } from '../../src/core/import';
import { readImportFile } from '../../src/core/import/readImport';
import { generatePupils, toEdexml } from '../support/edexml';

/**
 * The office's pupil import of a generated EDEXML (1,000 and 10,000 pupils): a first import into
 * an empty kiosk, a re-import of the same file (nothing changes) and of next year's file, each
 * against reading the same file alone (decode, XML parse, checks) measured in the same run. The
 * import writes one chained registration event per pupil, in one transaction.
 */

interface Row {
  case: string;
  'median ms': number;
  'vs parsing alone': string;
}

const CHEAP_PINS = { N: 1024, r: 8, p: 1 };

function freshKiosk(): { core: Core; office: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-bench-import-'));
  const core = openCore({ dbPath: join(dir, 'bench.db'), appVersion: 'bench', pinCost: CHEAP_PINS });
  const office = core.services.createStaff({ displayName: 'Administratie', role: 'office', pin: '246800', actor: 'system' }).staffId;
  return {
    core,
    office,
    cleanup: () => {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function median(runs: number, fn: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function importBench(count: number, runs: number): Promise<Row[]> {
  const file = (xml: string) => ({ fileName: 'leerlingen.xml', bytes: new TextEncoder().encode(xml) });
  const thisYear = file(toEdexml(generatePupils(count)));
  const nextYear = file(toEdexml([...generatePupils(count - count / 10, { round: 1, firstIndex: count / 10 }), ...generatePupils(count / 20, { firstIndex: count })]));
  const mb = (thisYear.bytes.length / 1024 / 1024).toFixed(1);

  await readImportFile(thisYear); // warm-up
  const parse = await median(runs * 3, () => timed(() => readImportFile(thisYear)));
  const preview = await median(runs, async () => {
    const k = freshKiosk();
    try {
      return await timed(() => previewPupilImport(k.core.services.context, thisYear));
    } finally {
      k.cleanup();
    }
  });
  const results = { first: [] as number[], same: [] as number[], next: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const k = freshKiosk();
    const ctx = k.core.services.context;
    const run = (f: typeof thisYear) =>
      timed(async () => {
        const p = await previewPupilImport(ctx, f);
        await applyPupilImport(ctx, f, p.fingerprint, k.office);
      });
    try {
      results.first.push(await run(thisYear));
      results.same.push(await run(thisYear));
      results.next.push(await run(nextYear));
    } finally {
      k.cleanup();
    }
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const row = (name: string, ms: number): Row => ({ case: name, 'median ms': Math.round(ms * 10) / 10, 'vs parsing alone': `${(ms / parse).toFixed(1)}×` });
  return [
    row(`baseline: read and check the file alone (${count} pupils, ${mb} MB)`, parse),
    row('preview into an empty kiosk (read + plan, writes nothing)', preview),
    row(`first import: preview + apply, ${count} pupil_registered events`, mid(results.first)),
    row('the same file again: preview + apply, nothing changes', mid(results.same)),
    row('next year: 10 % left, 5 % new, a third moved, 1 in 25 renamed', mid(results.next)),
  ];
}

export async function runImportBench(): Promise<void> {
  console.log('\nPupil import — EDEXML 2.0, against reading the same file alone');
  console.table(await importBench(1_000, 5));
  console.table(await importBench(10_000, 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runImportBench();
