import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { verifyLedger, type VerifyResult } from './verify';

export type StartupProblem = 'DB_CORRUPT' | 'DB_READ_ONLY';

export interface StartupCheck {
  problem: StartupProblem | null;
  quickCheck: 'ok' | 'failed';
  verify: VerifyResult | null;
}

export function lastCheckpoint(db: Db): { seq: number; hash: Buffer } | undefined {
  return prepared<{ seq: number; hash: Buffer }>(
    db,
    'SELECT seq, hash FROM ledger_checkpoints ORDER BY seq DESC LIMIT 1',
  ).get();
}

/** Remembers where a successful check ended, so the next start only checks what came after. */
export function recordCheckpoint(db: Db, result: VerifyResult, now: Date): void {
  if (!result.ok || result.lastSeq === 0) return;
  prepared(db, 'INSERT INTO ledger_checkpoints (seq, hash, verified_at) VALUES (?, ?, ?) ON CONFLICT (seq) DO NOTHING').run(
    result.lastSeq,
    Buffer.from(result.headHash, 'hex'),
    now.toISOString(),
  );
}

/**
 * At every start: SQLite's own `quick_check` (pages and structure), then the chain from the last
 * checkpoint to the head. A full check of the whole chain is `verifyLedger(db)` (CLI, office).
 * Either failing makes the kiosk refuse writes: appending to a chain that no longer verifies would
 * bury the evidence of what went wrong.
 */
export function startupCheck(db: Db, now: Date): StartupCheck {
  let quick: unknown;
  try {
    quick = db.pragma('quick_check', { simple: true });
  } catch {
    quick = 'failed';
  }
  if (quick !== 'ok') return { problem: 'DB_CORRUPT', quickCheck: 'failed', verify: null };
  let verify: VerifyResult;
  try {
    const checkpoint = lastCheckpoint(db);
    verify = verifyLedger(db, checkpoint ? { after: checkpoint } : {});
  } catch {
    return { problem: 'DB_CORRUPT', quickCheck: 'ok', verify: null };
  }
  if (!verify.ok) return { problem: 'DB_READ_ONLY', quickCheck: 'ok', verify };
  recordCheckpoint(db, verify, now);
  return { problem: null, quickCheck: 'ok', verify };
}
