import type { ClientBase } from 'pg';

export interface KioskHealth {
  kioskId: string;
  school: string;
  name: string;
  /** The newest event the central database holds of this kiosk (0: none yet). */
  headSeq: number;
  lastSyncAt: string | null;
  lastSyncOutcome: string | null;
  lastCheckpointSize: number | null;
  lastCheckpointSignedAt: string | null;
  lastWitnessedSize: number | null;
  /**
   * The newest sync that gave the kiosk back events of its own chain: its database was restored
   * from a backup older than what the centre held. Worth a look (why was it restored?), not a fault.
   */
  lastTakenBack: { at: string; events: number } | null;
  findings: number;
  /**
   * `findings`: something was reported and needs looking at; `never_synced`: registered, and
   * nothing of it reached the centre, by a sync or by a bundle the office imported.
   */
  state: 'ok' | 'findings' | 'never_synced';
}

/** One row per kiosk; $1 a school or null, $2 a kiosk id or null. */
export const KIOSK_HEALTH_SQL = `SELECT k.kiosk_id, k.school, k.name,
        (SELECT e.seq FROM central.events e WHERE e.kiosk_id = k.kiosk_id ORDER BY e.seq DESC LIMIT 1) AS head_seq,
        s.synced_at, s.outcome, c.tree_size AS cp_size, c.signed_at AS cp_signed_at,
        b.synced_at AS taken_back_at, b.taken_back,
        (SELECT max(w.tree_size) FROM central.cosignatures w WHERE w.kiosk_id = k.kiosk_id) AS witnessed,
        (SELECT count(*) FROM central.findings f WHERE f.kiosk_id = k.kiosk_id) AS findings
   FROM central.kiosks k
   LEFT JOIN LATERAL (SELECT synced_at, outcome FROM central.syncs s WHERE s.kiosk_id = k.kiosk_id ORDER BY s.id DESC LIMIT 1) s ON true
   LEFT JOIN LATERAL (SELECT synced_at, taken_back FROM central.syncs b WHERE b.kiosk_id = k.kiosk_id AND b.taken_back > 0 ORDER BY b.id DESC LIMIT 1) b ON true
   LEFT JOIN LATERAL (SELECT tree_size, signed_at FROM central.checkpoints c WHERE c.kiosk_id = k.kiosk_id ORDER BY tree_size DESC LIMIT 1) c ON true
  WHERE ($1::text IS NULL OR k.school = $1) AND ($2::text IS NULL OR k.kiosk_id = $2)
  ORDER BY k.school, k.name, k.kiosk_id`;

/** The office's view of every kiosk: when it last reached the centre, what it signed, and whether anything was found. */
export async function kioskHealth(client: ClientBase, filter: { school?: string; kioskId?: string } = {}): Promise<KioskHealth[]> {
  const r = await client.query<{
    kiosk_id: string; school: string; name: string; head_seq: string | null; synced_at: Date | null; outcome: string | null;
    cp_size: string | null; cp_signed_at: string | null; witnessed: string | null; findings: string;
    taken_back_at: Date | null; taken_back: number | null;
  }>(
    KIOSK_HEALTH_SQL,
    [filter.school ?? null, filter.kioskId ?? null],
  );
  return r.rows.map((row) => {
    const findings = Number(row.findings);
    return {
      kioskId: row.kiosk_id,
      school: row.school,
      name: row.name,
      headSeq: Number(row.head_seq ?? 0),
      lastSyncAt: row.synced_at?.toISOString() ?? null,
      lastSyncOutcome: row.outcome,
      lastCheckpointSize: row.cp_size === null ? null : Number(row.cp_size),
      lastCheckpointSignedAt: row.cp_signed_at,
      lastWitnessedSize: row.witnessed === null ? null : Number(row.witnessed),
      lastTakenBack: row.taken_back_at === null || row.taken_back === null ? null : { at: row.taken_back_at.toISOString(), events: row.taken_back },
      findings,
      state: findings > 0 ? 'findings' : row.synced_at === null && row.head_seq === null ? 'never_synced' : 'ok',
    };
  });
}
