import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { ledgerHead, localKioskId, newestCheckpoint } from './rows';
import { verifyLedger, type VerifyResult } from './verify';

/**
 * Why a kiosk refuses to write. REGISTRY_MISMATCH is not found here but by the registry check
 * that follows this one (src/core/registry): the tables of pupils, devices, tags, pouches or
 * staff do not say what the ledger says.
 */
export type StartupProblem = 'DB_CORRUPT' | 'DB_READ_ONLY' | 'REGISTRY_MISMATCH';

export interface StartupCheck {
  problem: StartupProblem | null;
  /** SQLite's own check ('skipped': a large database after a clean shutdown, see `needsQuickCheck`). */
  quickCheck: 'ok' | 'failed' | 'skipped';
  /** Which one ran: `integrity_check` for a small file (see INTEGRITY_CHECK_AT_START_BELOW_BYTES). */
  sqliteCheck: 'quick_check' | 'integrity_check' | null;
  verify: VerifyResult | null;
}

/** Where the last successful check of a kiosk's chain (the local kiosk's by default) ended. */
export function lastCheckpoint(db: Db, kioskId = localKioskId(db)): { seq: number; hash: Buffer } | undefined {
  return kioskId ? newestCheckpoint(db, kioskId) : undefined;
}

/** Remembers where a successful check of the result's chain ended, so the next start only checks what came after. */
export function recordCheckpoint(db: Db, result: VerifyResult, now: Date): void {
  if (!result.ok || result.lastSeq === 0) return;
  prepared(
    db,
    'INSERT INTO ledger_checkpoints (kiosk_id, seq, hash, verified_at) VALUES (?, ?, ?, ?) ON CONFLICT (kiosk_id, seq) DO NOTHING',
  ).run(
    result.kioskId,
    result.lastSeq,
    Buffer.from(result.headHash, 'hex'),
    now.toISOString(),
  );
}

/**
 * Below this size quick_check always runs at start (a kiosk's own database stays far below it for
 * years: ~11 000 events, a few MB, a year). It costs about 0.7 ms per MB: 360 ms for an office's
 * database of a million events, more than the whole rest of the start.
 */
export const QUICK_CHECK_ALWAYS_BELOW_BYTES = 64 * 1024 * 1024;

/**
 * Whether the start must run quick_check: always for a database of ordinary size, and for a large
 * one when the last session did not end cleanly (its -wal file is still there: a crash or power
 * cut, when damage is most likely). A large database after a clean shutdown skips it at start;
 * it is still checked page by page every day, because every backup is quick_checked, and by the
 * CLI's `verify`.
 */
/**
 * Below this size the start runs `integrity_check` instead of `quick_check`: it also compares
 * every index with its table (a tag index that no longer matches its rows would find the wrong
 * device). Measured (`npm run bench`, daily check): 42 ms against 24 ms for a kiosk's year
 * (5.9 MB); it grows faster than quick_check with the file (0.63 s against 0.18 s at 52 MB), so
 * above about two and a half years of a kiosk the start keeps to quick_check and the daily check
 * (src/core/health) runs integrity_check.
 */
export const INTEGRITY_CHECK_AT_START_BELOW_BYTES = 16 * 1024 * 1024;

export function needsQuickCheck(state: { sizeBytes: number; walLeftOver: boolean }): boolean {
  return state.sizeBytes < QUICK_CHECK_ALWAYS_BELOW_BYTES || state.walLeftOver;
}

/**
 * Up to this many events the start verifies the local chain from its first event, whatever the
 * checkpoints say: a checkpoint lies in the same file as the chain, so whoever can edit an old
 * event can edit the checkpoint table too. A kiosk holds about 11,000 events a year; verifying
 * 100,000 takes about 1.4 s on a slow PC (`npm run bench`: 74,000 events/s), so for years a
 * kiosk trusts no checkpoint at all. Larger chains (an office database) start from the last
 * checkpoint and are verified in full by `verify` and every backup.
 */
export const FULL_VERIFY_UP_TO_EVENTS = 100_000;

/**
 * At every start: SQLite's own `quick_check` (pages and structure; see `needsQuickCheck`), then
 * the local kiosk's chain: that is the chain the kiosk appends to. In full while it is no longer
 * than FULL_VERIFY_UP_TO_EVENTS, otherwise from its last checkpoint to its head. Other kiosks' chains (an office database) are checked when they are imported and by
 * `verifyAllChains` (CLI, backups). Either failing makes the kiosk refuse writes: appending to a
 * chain that no longer verifies would bury the evidence of what went wrong.
 */
export function startupCheck(
  db: Db,
  now: Date,
  options: { quickCheck?: boolean; integrityCheck?: boolean } = {},
): StartupCheck {
  let quick: unknown = 'skipped';
  const sqliteCheck = (options.quickCheck ?? true) ? (options.integrityCheck ? 'integrity_check' : 'quick_check') : null;
  if (sqliteCheck !== null) {
    try {
      quick = db.pragma(sqliteCheck, { simple: true });
    } catch {
      quick = 'failed';
    }
  }
  if (quick !== 'ok' && quick !== 'skipped') return { problem: 'DB_CORRUPT', quickCheck: 'failed', sqliteCheck, verify: null };
  const quickCheck = quick === 'ok' ? 'ok' : 'skipped';
  let verify: VerifyResult;
  try {
    const checkpoint = ledgerHead(db).seq > FULL_VERIFY_UP_TO_EVENTS ? lastCheckpoint(db) : undefined;
    verify = verifyLedger(db, checkpoint ? { after: checkpoint } : {});
  } catch {
    return { problem: 'DB_CORRUPT', quickCheck, sqliteCheck, verify: null };
  }
  if (!verify.ok) return { problem: 'DB_READ_ONLY', quickCheck, sqliteCheck, verify };
  // A chain cut short with its head moved back verifies on its own; the checkpoints still remember it was longer.
  const behind = checkStoredCheckpoints(db).findings.find((f) => f.kioskId === verify.kioskId);
  if (behind) {
    const mismatch: VerifyResult = { ok: false, kioskId: verify.kioskId, firstBadSeq: behind.seq, problem: 'checkpoint_mismatch', checked: verify.checked };
    return { problem: 'DB_READ_ONLY', quickCheck, sqliteCheck, verify: mismatch };
  }
  recordCheckpoint(db, verify, now);
  return { problem: null, quickCheck, sqliteCheck, verify };
}

export interface CheckpointFinding {
  kioskId: string;
  seq: number;
  /** `hash_differs`: the event at `seq` no longer has the hash checked then; `beyond_head`: the chain is shorter now. */
  problem: 'hash_differs' | 'beyond_head';
}

/**
 * Every stored checkpoint against the chain as it is now: the event at its seq must still have the
 * hash it had when it was checked. A chain rewritten from an old event on with every hash
 * recomputed verifies on its own, and is caught here, as long as the checkpoint table was not
 * rewritten with it. (That one file holds both is why only a signed checkpoint will be proof.)
 */
export function checkStoredCheckpoints(db: Db): { checked: number; findings: CheckpointFinding[] } {
  const rows = prepared<{ kiosk_id: string; seq: number; hash: Buffer; event_hash: Buffer | null }>(
    db,
    `SELECT c.kiosk_id, c.seq, c.hash, e.hash AS event_hash FROM ledger_checkpoints c
       LEFT JOIN ledger_events e ON e.kiosk_id = c.kiosk_id AND e.seq = c.seq
      ORDER BY c.kiosk_id, c.seq`,
  ).all();
  const findings: CheckpointFinding[] = [];
  for (const row of rows) {
    if (row.event_hash === null) findings.push({ kioskId: row.kiosk_id, seq: row.seq, problem: 'beyond_head' });
    else if (!row.event_hash.equals(row.hash)) findings.push({ kioskId: row.kiosk_id, seq: row.seq, problem: 'hash_differs' });
  }
  return { checked: rows.length, findings };
}
