import type { Core } from '../index';
import type { StartupProblem } from '../ledger/checkpoint';
import { recordCheckpoint } from '../ledger/checkpoint';
import { verifyAllChains, type VerifyResult } from '../ledger/verify';
import { checkRegistry } from '../registry/check';
import { checkOwnSignedCheckpoints } from '../services/checkpoints';
import type { CheckRecord } from './checks';

/**
 * Up to this size the daily check runs SQLite's full `integrity_check` (which also compares every
 * index with its table, what `quick_check` skips); above it `quick_check`. Measured with
 * `npm run bench` (README, "Performance"): a kiosk's year of 11,000 events is a 5.9 MB file,
 * integrity_check 42 ms against quick_check's 24 ms; nine years (100,000 events, 52 MB) 0.63 s
 * against 0.18 s. Both are small beside the walk of the whole chain the same check makes (0.56 s
 * and 4.3 s), so a kiosk's own database is always checked in full; only an office's combined
 * database of millions of events is checked page by page.
 */
export const INTEGRITY_CHECK_UP_TO_BYTES = 128 * 1024 * 1024;

export interface DailyCheckResult {
  ok: boolean;
  sqliteCheck: 'integrity_check' | 'quick_check';
  /** Events verified, over every chain in the file. */
  events: number;
  /** Why the kiosk now refuses writes; null when all is well. */
  problem: StartupProblem | null;
  /** A short, non-personal reason: which check failed, and for the ledger the first bad (kiosk, seq). */
  detail: string | null;
}

/**
 * The check a running kiosk repeats every day (the shell's timer calls it; tests call it with
 * their clock): the SQLite file, every chain from its first event, and the registry against its
 * events. A failure makes the running kiosk refuse writes at once, as the start-up check would
 * at the next start, and stands in getHealth (a banner on the staff screens) until a check
 * passes again, after a restore.
 */
export function dailyCheck(core: Core, now: Date): DailyCheckResult {
  const db = core.db;
  const sizeBytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  const sqliteCheck = sizeBytes <= INTEGRITY_CHECK_UP_TO_BYTES ? 'integrity_check' : 'quick_check';
  const { result, chains } = runChecks(core, sqliteCheck);
  if (result.ok) {
    // The start-up check of a large office database starts from here.
    const own = chains.find((c) => c.kioskId === core.kiosk().kioskId);
    if (own) recordCheckpointSafely(core, own, now);
  } else if (result.problem) {
    core.refuseWrites(result.problem);
  }
  const record: CheckRecord = {
    job: 'verify',
    ok: result.ok,
    at: now.toISOString(),
    problem: result.problem,
    detail: { events: result.events, sqliteCheck, ...(result.detail ? { reason: result.detail } : {}) },
  };
  core.health.record(record);
  return result;
}

function runChecks(core: Core, sqliteCheck: DailyCheckResult['sqliteCheck']): { result: DailyCheckResult; chains: VerifyResult[] } {
  const db = core.db;
  const fail = (problem: StartupProblem, detail: string, events = 0) => ({
    result: { ok: false, sqliteCheck, events, problem, detail },
    chains: [],
  });
  let sqlite: unknown;
  try {
    sqlite = db.pragma(sqliteCheck, { simple: true });
  } catch (error) {
    return fail('DB_CORRUPT', `${sqliteCheck}: ${(error as { code?: string }).code ?? 'error'}`);
  }
  if (sqlite !== 'ok') return fail('DB_CORRUPT', `${sqliteCheck} failed`);
  try {
    const report = verifyAllChains(db);
    const events = report.chains.reduce((sum, c) => sum + c.checked, 0);
    if (report.firstBad) {
      const { kioskId, seq, problem } = report.firstBad;
      return fail('DB_READ_ONLY', `ledger: kiosk ${kioskId} seq ${seq}: ${problem}`, events);
    }
    // What the kiosk signed before must still hold: a chain rewritten with every hash (and the
    // unsigned checkpoints) recomputed passes the walk above, not this.
    const signed = checkOwnSignedCheckpoints(core.services.context);
    const broken = signed.findings[0];
    if (broken) return fail('DB_READ_ONLY', `signed checkpoint ${broken.treeSize}: ${broken.problem}`, events);
    const registry = checkRegistry(db);
    if (registry.status === 'mismatch') return fail('REGISTRY_MISMATCH', `registry: ${registry.count} difference(s)`, events);
    return { result: { ok: true, sqliteCheck, events, problem: null, detail: null }, chains: report.chains };
  } catch (error) {
    return fail('DB_CORRUPT', `ledger unreadable: ${(error as { code?: string }).code ?? 'error'}`);
  }
}

/** A checkpoint is a convenience for the next start; a full disk must not turn a good check into a failure. */
function recordCheckpointSafely(core: Core, chain: Parameters<typeof recordCheckpoint>[1], now: Date): void {
  try {
    recordCheckpoint(core.db, chain, now);
  } catch {
    // Written again by the next check or start.
  }
}
