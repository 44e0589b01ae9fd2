import type { ClientBase } from 'pg';
import { kioskHealth, type KioskHealth } from './health';

/**
 * What the office reads first about a kiosk:
 *   - `diverged`:     something the kiosk sent, or a bundle of it, did not hold (a rewritten
 *                     history, a fork, a bad hash, a checkpoint the chain does not match);
 *   - `ok`:           nothing was found, and the witness checked and countersigned at least one
 *                     checkpoint of the kiosk against the stored chain;
 *   - `not_verified`: nothing was found, but nothing has been checked either (never synced, or
 *                     no checkpoint countersigned yet).
 */
export type VerificationState = 'ok' | 'diverged' | 'not_verified';

export interface KioskHealthView extends KioskHealth {
  verification: VerificationState;
  /** The newest finding, when there is one: what went wrong, found by whom, at which seq. */
  lastFinding: { problem: string; source: string; seq: number | null; foundAt: string } | null;
}

export function verificationOf(health: Pick<KioskHealth, 'findings' | 'lastWitnessedSize'>): VerificationState {
  if (health.findings > 0) return 'diverged';
  return health.lastWitnessedSize === null ? 'not_verified' : 'ok';
}

/** Every kiosk's health (health.ts) with its verification state and newest finding. */
export async function kioskHealthView(client: ClientBase, filter: { school?: string; kioskId?: string } = {}): Promise<KioskHealthView[]> {
  const health = await kioskHealth(client, filter);
  const latest = await client.query<{ kiosk_id: string; problem: string; source: string; seq: string | null; found_at: Date }>(
    'SELECT DISTINCT ON (kiosk_id) kiosk_id, problem, source, seq, found_at FROM central.findings ORDER BY kiosk_id, id DESC',
  );
  const byKiosk = new Map(latest.rows.map((f) => [f.kiosk_id, f]));
  return health.map((h) => {
    const f = byKiosk.get(h.kioskId);
    return {
      ...h,
      verification: verificationOf(h),
      lastFinding: f ? { problem: f.problem, source: f.source, seq: f.seq === null ? null : Number(f.seq), foundAt: f.found_at.toISOString() } : null,
    };
  });
}
