import { syncKiosk, type SyncOptions, type SyncResult } from './sync';
import type { Core } from '../index';
import { runPendingPurge } from '../backup/restoreMark';
import { kioskNoteVerifier } from '../kiosk/signer';
import { newestEvent } from '../ledger/readModel';
import { ledgerHead } from '../ledger/rows';
import type { CentralConnection } from './connection';
import { recordSync, syncDetailOf, type SyncDetail } from './syncRecord';

/** The timers the schedule uses: the process's own, or a test's that fires by hand. */
export interface SyncTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const processTimers: SyncTimers = {
  set(run, ms) {
    const timer = setTimeout(run, ms);
    // The schedule never keeps a process alive that is otherwise done (the CLI, a test).
    timer.unref();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** When the schedule looks and syncs. */
export const SYNC_TIMING = {
  /** The first sync, shortly after start: what was recorded while the kiosk was off (or offline) goes up. */
  firstAfterMs: 20_000,
  /** How often the schedule looks whether a sync is due. */
  lookEveryMs: 60_000,
  /** A sync at least this often while the centre answers. */
  periodMs: 5 * 60_000,
  /** New events go up once the door has recorded nothing for this long. */
  quietMs: 60_000,
  /** A scan this recent: the door is busy and a due sync waits (at most one more period). */
  busyMs: 30_000,
  /** While the centre cannot be reached: the waits after the 1st, 2nd, … failed sync in a row. */
  offlineBackoffMs: [60_000, 2 * 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000],
} as const;

/**
 * The sync's SQLite reads hold the one connection the door's scans use: modest batches keep each
 * read short; within one sync a lost connection is tried twice more before the run ends as offline
 * (the schedule's back-off takes it from there).
 */
const SCHEDULED_SYNC: SyncOptions = { batchSize: 250, retries: 2, retryDelayMs: 1000 };

export interface AutoSyncOptions {
  /** The host's current core (a restore replaces it), or null when the database could not be opened. */
  core: () => Core | null;
  /** Where the central database is, looked up at every run: settings changed meanwhile apply at once. */
  connection: (core: Core) => CentralConnection | null;
  timers?: SyncTimers;
  sync?: SyncOptions;
  /** Told each run's result: codes and counts only, never the URL (it may hold a password). */
  onResult?: (line: string) => void;
}

export interface AutoSync {
  /** Syncs now, or joins the sync already running; null when no central database is set. */
  syncNow(): Promise<SyncResult | null>;
  /**
   * The first sync on a core that was just restored from a backup: after any sync still running
   * on the core before (it ends without a record), a sync of its own, which takes back what the
   * backup lacks and then runs the restore's waiting retention purge.
   */
  syncAfterRestore(): Promise<SyncResult | null>;
  readonly running: boolean;
  /** No more runs; resolves once a sync still running has ended. */
  stop(): Promise<void>;
}

/**
 * Whether the schedule syncs now: when the last sync is a period old (a back-off step while the
 * centre was unreachable), or when new events wait and the door has gone quiet since. A due
 * sync waits for a busy door to calm down, but not for longer than one more period.
 */
export function syncDue(last: { at: string; detail: SyncDetail } | null, now: Date, door: { newestAt: string | null; localSeq: number }): boolean {
  if (!last) return true;
  const t = now.getTime();
  const since = t - Date.parse(last.at);
  // The wall clock was set back past the last sync: sync rather than wait for the old time.
  if (since < 0) return true;
  const backoff = SYNC_TIMING.offlineBackoffMs;
  const unreachable = last.detail.outcome === 'offline' || last.detail.outcome === 'error';
  const interval = unreachable ? backoff[Math.min(last.detail.offlineStreak, backoff.length) - 1] ?? backoff[0] : SYNC_TIMING.periodMs;
  const newest = door.newestAt === null ? null : Date.parse(door.newestAt);
  const quietFor = newest === null ? Infinity : t - newest;
  const busy = quietFor >= 0 && quietFor < SYNC_TIMING.busyMs;
  if (since >= interval) return !busy || since >= interval + SYNC_TIMING.periodMs;
  if (unreachable) return false;
  const newSinceLast = newest !== null && newest > Date.parse(last.at) && door.localSeq > last.detail.centralSeq;
  return newSinceLast && quietFor >= SYNC_TIMING.quietMs;
}

/** A failed purge (a full disk) stays pending: the next sync tries it again. */
function purgeAfterRestore(core: Core, onResult: ((line: string) => void) | undefined): void {
  if (core.problem !== null) return;
  try {
    runPendingPurge(core.services.context);
  } catch (error) {
    onResult?.(`[sync] the restore's retention purge failed: ${(error as { code?: string }).code ?? 'internal'}`);
  }
}

/**
 * The running kiosk's sync to the board's central database (issue 15): the kiosk's own ledger is
 * the queue, so nothing is lost while the network is down; each run sends what the centre lacks
 * and its result is recorded for staff (`sync` in kiosk_checks). Never two syncs at once: a sync
 * asked for while one runs joins it.
 */
export function startAutoSync(options: AutoSyncOptions): AutoSync {
  const timers = options.timers ?? processTimers;
  let inFlight: Promise<SyncResult | null> | null = null;
  let timer: unknown = null;
  let stopped = false;

  const run = async (): Promise<SyncResult | null> => {
    const core = options.core();
    const connection = core && options.connection(core);
    if (!core) return null;
    if (!connection) {
      // The central database was forgotten since the restore: nothing to wait for.
      purgeAfterRestore(core, options.onResult);
      return null;
    }
    const now = core.services.context.now;
    let result: SyncResult | { outcome: 'error'; problem: string };
    try {
      // A core that refuses writes (a damaged chain) takes nothing back: it reports central_ahead.
      const takeBack = core.problem === null ? { takeBack: { now, verifier: kioskNoteVerifier(core.db) } } : {};
      result = await syncKiosk(core.db, connection.url, { ...SCHEDULED_SYNC, ...takeBack, ...options.sync });
    } catch (error) {
      // No access, no schema, a closed database: a code (PostgreSQL's, or the error's kind), never its message.
      const code = (error as { code?: unknown }).code;
      result = { outcome: 'error', problem: typeof code === 'string' ? code : ((error as Error)?.name ?? 'internal') };
    }
    // A restore closed this core while its sync ran: the restored database has its own story.
    if (!core.db.open) return null;
    const record = recordSync(core.health, now(), result);
    const takenBack = 'takenBack' in result && result.takenBack > 0 ? `, ${result.takenBack} taken back` : '';
    options.onResult?.(`[sync] ${result.outcome}${record.problem ? ` (${record.problem})` : ''}: ${'uploaded' in result ? result.uploaded : 0} uploaded${takenBack}`);
    // A restore's retention purge waited for this first sync (see restoreMark): it runs now, whatever the outcome.
    purgeAfterRestore(core, options.onResult);
    return 'kioskId' in result ? result : null;
  };

  const syncNow = (): Promise<SyncResult | null> => {
    inFlight ??= run().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const look = () => {
    timer = null;
    if (stopped) return;
    const core = options.core();
    const due = (() => {
      if (!core || inFlight) return false;
      const record = core.health.lastCheck('sync');
      const detail = syncDetailOf(record);
      const newest = newestEvent(core.db);
      return syncDue(record && detail ? { at: record.at, detail } : null, core.services.context.now(), {
        newestAt: newest?.occurredAt ?? null,
        localSeq: ledgerHead(core.db).seq,
      });
    })();
    const next = () => {
      if (!stopped) timer = timers.set(look, SYNC_TIMING.lookEveryMs);
    };
    if (due) void syncNow().catch(() => undefined).finally(next);
    else next();
  };

  const first = () => {
    timer = null;
    if (stopped) return;
    void syncNow()
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) timer = timers.set(look, SYNC_TIMING.lookEveryMs);
      });
  };
  timer = timers.set(first, SYNC_TIMING.firstAfterMs);

  return {
    syncNow,
    syncAfterRestore() {
      // Started at once when nothing runs: the caller goes on to open the door.
      const before = inFlight;
      return before ? before.catch(() => undefined).then(syncNow) : syncNow();
    },
    get running() {
      return inFlight !== null;
    },
    async stop() {
      stopped = true;
      if (timer !== null) timers.clear(timer);
      timer = null;
      await inFlight?.catch(() => undefined);
    },
  };
}
