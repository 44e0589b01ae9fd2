import { describe, expect, it } from 'vitest';
import { SYNC_TIMING, syncDue } from '../../../src/core/central/autoSync';
import type { SyncDetail } from '../../../src/core/central/syncRecord';

const at = '2026-11-10T08:00:00.000Z';
const after = (ms: number) => new Date(Date.parse(at) + ms);
const iso = (ms: number) => after(ms).toISOString();
const ok: SyncDetail = { outcome: 'ok', uploaded: 10, takenBack: 0, centralSeq: 40, lastOkAt: at, offlineSince: null, offlineStreak: 0, seq: null, takenBackAt: null, takenBackCount: 0 };
const offline = (streak: number): SyncDetail => ({ ...ok, outcome: 'offline', uploaded: 0, offlineSince: at, offlineStreak: streak });
const quietDoor = { newestAt: iso(-60 * 60_000), localSeq: 40 };

/** When the schedule syncs: its timing as the school sees it, not its timers. */
describe('when a kiosk syncs', () => {
  it('the first time at once, and then once a period has passed', () => {
    expect(syncDue(null, after(0), quietDoor)).toBe(true);
    expect(syncDue({ at, detail: ok }, after(SYNC_TIMING.periodMs - 1), quietDoor)).toBe(false);
    expect(syncDue({ at, detail: ok }, after(SYNC_TIMING.periodMs), quietDoor)).toBe(true);
  });

  it('new events go up a minute after the door went quiet, not while pupils are still scanning', () => {
    const scanned = { newestAt: iso(60_000), localSeq: 43 };
    expect(syncDue({ at, detail: ok }, after(60_000 + SYNC_TIMING.quietMs - 1), scanned)).toBe(false);
    expect(syncDue({ at, detail: ok }, after(60_000 + SYNC_TIMING.quietMs), scanned)).toBe(true);
  });

  it('a due sync waits for a busy door, but not longer than one more period', () => {
    const busy = (ms: number) => ({ newestAt: iso(ms - 5_000), localSeq: 60 });
    expect(syncDue({ at, detail: ok }, after(SYNC_TIMING.periodMs), busy(SYNC_TIMING.periodMs))).toBe(false);
    const late = 2 * SYNC_TIMING.periodMs;
    expect(syncDue({ at, detail: ok }, after(late), busy(late))).toBe(true);
  });

  it('while the centre cannot be reached, it backs off step by step and the door going quiet does not hurry it', () => {
    const [first, second, third] = SYNC_TIMING.offlineBackoffMs;
    expect(syncDue({ at, detail: offline(1) }, after(first - 1), quietDoor)).toBe(false);
    expect(syncDue({ at, detail: offline(1) }, after(first), quietDoor)).toBe(true);
    expect(syncDue({ at, detail: offline(2) }, after(second - 1), quietDoor)).toBe(false);
    expect(syncDue({ at, detail: offline(3) }, after(third), quietDoor)).toBe(true);
    const longest = SYNC_TIMING.offlineBackoffMs.at(-1)!;
    expect(syncDue({ at, detail: offline(40) }, after(longest - 1), { newestAt: iso(-120_000), localSeq: 90 })).toBe(false);
    expect(syncDue({ at, detail: offline(40) }, after(longest), quietDoor)).toBe(true);
  });

  it('a clock set back past the last sync does not hold syncing off', () => {
    expect(syncDue({ at, detail: ok }, after(-60 * 60_000), quietDoor)).toBe(true);
  });
});
