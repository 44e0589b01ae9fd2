import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../src/core';
import { seedDemoSchool } from '../../src/core/demo/seed';
import { verifyAllChains } from '../../src/core/ledger/verify';
import { previewPurge, runPurge } from '../../src/core/retention/purge';

const RUNS = 3;
const DAY = 86_400_000;
const CHEAP_PINS = { N: 1024, r: 8, p: 1 };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/**
 * A kiosk's year through the real services: every school day each device is handed in and
 * returned, one in ten with a condition note (a payload the purge erases). ~11,000 events.
 */
function yearOfKiosk(path: string, start: number): Core {
  let clock = start;
  const core = openCore({ dbPath: path, appVersion: 'bench', now: () => new Date(clock), pinCost: CHEAP_PINS });
  const demo = seedDemoSchool(core, { history: false, now: new Date(clock) });
  const devices = demo.devices.map((d) => d.deviceId).slice(0, 30);
  const teacher = demo.staff.teacher7A.staffId;
  for (let day = 0; day < 190; day++) {
    clock = start + Math.floor(day / 5) * 7 * DAY + (day % 5) * DAY;
    core.db.transaction(() => {
      devices.forEach((deviceId, i) => {
        core.services.handIn({ deviceId, actor: 'pupil' });
        if ((day + i) % 10 === 0) core.services.noteCondition({ deviceId, actor: 'pupil', marks: ['other'], note: `kras ${day}-${i}` });
      });
      clock += 6 * 3600_000;
      for (const deviceId of devices) core.services.returnDevice({ deviceId, actor: teacher });
    })();
  }
  return core;
}

/**
 * The daily purge at a kiosk's size (a year, ~11,000 events), against the walk of the whole
 * chain the daily check makes in the same run (the baseline): the dry run, and the purge that
 * erases the notes of the first weeks with the scrub (secure_delete, checkpoint, VACUUM) included.
 */
export async function runPurgeBench(): Promise<void> {
  const start = Date.parse('2025-08-25T06:30:00.000Z');
  const rows = [];
  const chain: number[] = [];
  const dry: number[] = [];
  const purge: number[] = [];
  let erased = 0;
  let events = 0;
  for (let run = 0; run < RUNS; run++) {
    const path = join(tmpdir(), `inleverpunt-bench-purge-${run}.db`);
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
    const core = yearOfKiosk(path, start);
    events = core.db.prepare('SELECT count(*) FROM ledger_events').pluck().get() as number;
    // Twenty weeks in: the notes of the first twelve weeks are past the 8-week period.
    const ctx = { ...core.services.context, now: () => new Date(start + 20 * 7 * DAY) };
    let t = performance.now();
    verifyAllChains(core.db);
    chain.push(performance.now() - t);
    t = performance.now();
    previewPurge(ctx);
    dry.push(performance.now() - t);
    t = performance.now();
    erased = runPurge(ctx).events;
    purge.push(performance.now() - t);
    core.close();
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  }
  rows.push({
    events,
    'notes erased': erased,
    'whole chain (baseline)': ms(median(chain)),
    'dry run': ms(median(dry)),
    'dry run / chain': `${(median(dry) / median(chain)).toFixed(2)}×`,
    'purge + scrub': ms(median(purge)),
    'purge / chain': `${(median(purge) / median(chain)).toFixed(2)}×`,
  });
  console.log(`\nRetention purge on a kiosk's year, median of ${RUNS}:`);
  console.table(rows);
}
