import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCore } from '../../src/core';
import { migrations } from '../../src/core/db/migrations';
import { seedDemoSchool } from '../../src/core/demo/seed';
import { appendEvent, type LedgerWriter } from '../../src/core/ledger/append';
import { custodian } from '../../src/core/ledger/events';

export const BENCH_EVENTS = 1_000_000;
const BATCH = 10_000;
/** Bump when the generated content changes, so an old cached file is not reused. */
const GENERATOR_VERSION = 4;
const CHEAP_PINS = { N: 1024, r: 8, p: 1 };

/** The cached database, keyed by schema version: a rerun of the bench reuses it. */
export const cachedDbPath = (events = BENCH_EVENTS): string =>
  join(tmpdir(), `inleverpunt-bench-${events}-schema${migrations.length}-gen${GENERATOR_VERSION}.db`);

interface DeviceRow {
  device_id: string;
  owner_pupil_id: string;
  pouch_id: string | null;
  location_id: string | null;
  tag_id: string | null;
  kind: string | null;
}

/**
 * A demo school whose ledger holds `events` events (by default BENCH_EVENTS, a board's year):
 * school days of hand-ins and returns of its devices, written through `appendEvent` (the real hash chain, triggers and projection),
 * 10 000 per transaction. Takes a while once; later runs copy the cached file.
 */
export function buildLedgerDb(log: (text: string) => void, events = BENCH_EVENTS): { path: string; built: boolean; seconds: number } {
  const path = cachedDbPath(events);
  if (existsSync(path) && headSeq(path) >= events) return { path, built: false, seconds: 0 };
  const building = `${path}.building`;
  for (const s of ['', '-wal', '-shm']) rmSync(building + s, { force: true });
  const started = performance.now();
  let clock = Date.parse('2022-08-29T06:15:00.000Z');
  const core = openCore({ dbPath: building, appVersion: 'bench', now: () => new Date(clock), pinCost: CHEAP_PINS });
  seedDemoSchool(core, { history: false, now: new Date(clock) });
  const devices = core.db
    .prepare(
      `SELECT d.device_id, d.owner_pupil_id, po.pouch_id, po.location_id, t.tag_id, t.kind
       FROM devices d LEFT JOIN pouches po ON po.pupil_id = d.owner_pupil_id
       LEFT JOIN tags t ON t.device_id = d.device_id AND t.status = 'active' ORDER BY d.rowid`,
    )
    .all() as DeviceRow[];
  const writer: LedgerWriter = { db: core.db, kioskId: core.kiosk().kioskId, now: () => new Date(clock) };
  let written = core.db.prepare('SELECT coalesce(max(seq), 0) FROM ledger_events').pluck().get() as number;
  let index = 0;
  let handingIn = true;
  while (written < events) {
    core.db
      .transaction(() => {
        for (let i = 0; i < BATCH && written < events; i++, written++) {
          const d = devices[index] as DeviceRow;
          clock += 3000;
          appendEvent(writer, {
            type: handingIn ? 'handed_in' : 'returned',
            actor: 'pupil',
            custodian: handingIn ? (d.location_id ? custodian.location(d.location_id) : custodian.school) : custodian.pupil,
            deviceId: d.device_id,
            pupilId: d.owner_pupil_id,
            locationId: handingIn ? d.location_id : null,
            pouchId: handingIn ? d.pouch_id : null,
            details: d.tag_id ? { tagId: d.tag_id, via: d.kind ?? 'device_sticker' } : { via: 'manual' },
          });
          index++;
          if (index === devices.length) {
            // The next half of the school day: everything handed in goes back (and vice versa).
            index = 0;
            handingIn = !handingIn;
            clock += handingIn ? 17 * 3600_000 : 6 * 3600_000;
          }
        }
      })
      .immediate();
    if (written % 100_000 < BATCH) log(`  … ${written} events`);
  }
  // End with nothing held, so the scan bench can start by handing in.
  if (!handingIn) {
    core.db.transaction(() => {
      for (; index < devices.length; index++) {
        const d = devices[index] as DeviceRow;
        clock += 3000;
        appendEvent(writer, { type: 'returned', actor: 'pupil', custodian: custodian.pupil, deviceId: d.device_id, pupilId: d.owner_pupil_id });
      }
    })();
  }
  // Signed as a kiosk signs at every end of day: the start then walks only what came after it.
  core.services.signCheckpoint('day_closed');
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  // A start-up after the build records the checkpoint at the head, as a kiosk does every day.
  openCore({ dbPath: building, appVersion: 'bench', pinCost: CHEAP_PINS }).close();
  renameSync(building, path);
  return { path, built: true, seconds: (performance.now() - started) / 1000 };
}

/** A private copy for a run that writes (scans), so the cached file stays as built. */
export function workingCopy(from: string, to: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(to + s, { force: true });
  copyFileSync(from, to);
}

function headSeq(path: string): number {
  try {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare('SELECT coalesce(max(seq), 0) FROM ledger_events').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}
