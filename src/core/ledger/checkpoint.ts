import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import type { NoteVerifier } from '../evidence/signedNote';
import { ledgerHead, localKioskId, newestCheckpoint } from './rows';
import { checkSignedCheckpoints, newestSignedAnchor, type SignedAnchor } from './signedCheckpoints';
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
  /** What the newest signed checkpoint said (null: the start was not given the kiosk's key to check it). */
  signed: SignedAnchor['status'] | null;
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
 * the local kiosk's chain: that is the chain the kiosk appends to. The newest checkpoint the kiosk
 * signed is checked first (signature, and its kept proof against the chain's event at the signed
 * size): a chain that no longer holds what the kiosk signed is refused whatever else it says.
 * The chain is walked in full while it is no longer than FULL_VERIFY_UP_TO_EVENTS; a longer one
 * from its newest signed checkpoint, and only without one from the newest unsigned checkpoint.
 * Other kiosks' chains (an office database) are checked when they are imported and by
 * `verifyAllChains` (CLI, backups). Either failing makes the kiosk refuse writes: appending to a
 * chain that no longer verifies would bury the evidence of what went wrong.
 */
export function startupCheck(
  db: Db,
  now: Date,
  options: {
    quickCheck?: boolean;
    integrityCheck?: boolean;
    signed?: { origin: string; verifier: NoteVerifier };
    /** FULL_VERIFY_UP_TO_EVENTS unless a test needs a long chain of a few events. */
    fullVerifyUpTo?: number;
  } = {},
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
  if (quick !== 'ok' && quick !== 'skipped') return { problem: 'DB_CORRUPT', quickCheck: 'failed', sqliteCheck, verify: null, signed: null };
  const quickCheck = quick === 'ok' ? 'ok' : 'skipped';
  const found = (problem: StartupProblem | null, verify: VerifyResult | null, signed: StartupCheck['signed'] = null): StartupCheck => ({
    problem,
    quickCheck,
    sqliteCheck,
    verify,
    signed,
  });
  let verify: VerifyResult;
  let anchor: SignedAnchor | null = null;
  try {
    const kioskId = localKioskId(db);
    if (options.signed && kioskId) anchor = newestSignedAnchor(db, kioskId, options.signed.origin, options.signed.verifier);
    if (anchor?.status === 'failed') {
      const mismatch: VerifyResult = { ok: false, kioskId: kioskId ?? '', firstBadSeq: anchor.finding.treeSize, problem: 'signed_checkpoint_mismatch', checked: 0 };
      return found('DB_READ_ONLY', mismatch, 'failed');
    }
    const long = ledgerHead(db).seq > (options.fullVerifyUpTo ?? FULL_VERIFY_UP_TO_EVENTS);
    if (!long) verify = verifyLedger(db);
    else if (anchor?.status === 'anchored' && anchor.treeSize > 0) verify = verifyLedger(db, { fromSeq: anchor.treeSize });
    else {
      const checkpoint = lastCheckpoint(db);
      verify = verifyLedger(db, checkpoint ? { after: checkpoint } : {});
    }
    // Signed before proofs were kept: a kiosk-sized chain can afford the whole tree instead.
    if (verify.ok && !long && anchor?.status === 'unproven' && options.signed) {
      const finding = checkSignedCheckpoints(db, verify.kioskId, options.signed.origin, options.signed.verifier).findings[0];
      if (finding) {
        const mismatch: VerifyResult = { ok: false, kioskId: verify.kioskId, firstBadSeq: finding.treeSize, problem: 'signed_checkpoint_mismatch', checked: verify.checked };
        return found('DB_READ_ONLY', mismatch, 'failed');
      }
    }
  } catch {
    return found('DB_CORRUPT', null, anchor?.status ?? null);
  }
  const signed = anchor?.status ?? null;
  if (!verify.ok) return found('DB_READ_ONLY', verify, signed);
  // A chain cut short with its head moved back verifies on its own; the checkpoints still remember it was longer.
  const behind = checkStoredCheckpoints(db).findings.find((f) => f.kioskId === verify.kioskId);
  if (behind) {
    const mismatch: VerifyResult = { ok: false, kioskId: verify.kioskId, firstBadSeq: behind.seq, problem: 'checkpoint_mismatch', checked: verify.checked };
    return found('DB_READ_ONLY', mismatch, signed);
  }
  recordCheckpoint(db, verify, now);
  return found(null, verify, signed);
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
