import type { ClientBase } from 'pg';
import type { LedgerEvent } from '../ledger/events';
import { appendEvents, refusalOf, refusedSeq, type Refusal } from './chain';

export interface CentralImportResult {
  kioskId: string | null;
  outcome: 'ok' | 'refused';
  imported: number;
  /** Events the central database already held with the same hash. */
  skipped: number;
  /** The kiosk-signed checkpoint that came with the events, newly stored for the witness (0 when already held). */
  checkpoints: number;
  problem?: Refusal;
  seq?: number;
}

/** A checkpoint the kiosk signed over the imported events, stored as a sync stores one. */
export interface ImportedCheckpoint {
  treeSize: number;
  root: Buffer;
  note: string;
  reason: string;
  signedAt: string;
}

/**
 * Adds a kiosk's events that reached the office another way (a bundle from an offline kiosk) to
 * the central database, under the same rules as a sync: the database checks what is new on
 * arrival. Importing the same events again adds nothing; an event that contradicts a stored one
 * (same kiosk and seq, another hash) refuses the whole import, and the refusal is recorded for
 * the office as a finding. Needs the office role (or the owner): a kiosk's role imports nothing.
 */
export async function importEvents(client: ClientBase, events: readonly LedgerEvent[], checkpoint?: ImportedCheckpoint): Promise<CentralImportResult> {
  const first = events[0];
  if (!first) return { kioskId: null, outcome: 'ok', imported: 0, skipped: 0, checkpoints: 0 };
  const kioskId = first.kioskId;
  if (events.some((e) => e.kioskId !== kioskId)) throw new Error('one import holds one kiosk’s chain');
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  await client.query('BEGIN');
  try {
    const stored = await client.query<{ seq: string; hash: Buffer }>(
      'SELECT seq, hash FROM central.events WHERE kiosk_id = $1 AND seq = ANY($2::bigint[])',
      [kioskId, sorted.map((e) => e.seq)],
    );
    const held = new Map(stored.rows.map((r) => [Number(r.seq), r.hash]));
    const contradicting = sorted.find((e) => held.has(e.seq) && !held.get(e.seq)?.equals(e.hash));
    if (contradicting) throw Object.assign(new Error('contradicts'), { code: 'IL002', detail: `kiosk ${kioskId} seq ${contradicting.seq}` });
    const fresh = sorted.filter((e) => !held.has(e.seq));
    const imported = await appendEvents(client, fresh);
    // In the same transaction: a checkpoint that contradicts a stored one refuses the events too.
    // The database's trigger skips one already held; the witness checks its root against the chain.
    const added = checkpoint
      ? await client.query(
          'INSERT INTO central.checkpoints (kiosk_id, tree_size, root, note, reason, signed_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [kioskId, checkpoint.treeSize, checkpoint.root, checkpoint.note, checkpoint.reason, checkpoint.signedAt],
        )
      : null;
    await client.query('COMMIT');
    return { kioskId, outcome: 'ok', imported, skipped: sorted.length - fresh.length, checkpoints: added?.rowCount ?? 0 };
  } catch (error) {
    await client.query('ROLLBACK');
    const problem = refusalOf(error);
    if (!problem) throw error;
    const seq = refusedSeq(error);
    const registered = await client.query('SELECT 1 FROM central.kiosks WHERE kiosk_id = $1', [kioskId]);
    if (registered.rowCount) {
      await client.query('INSERT INTO central.findings (kiosk_id, source, problem, seq) VALUES ($1, $2, $3, $4)', [kioskId, 'import', problem, seq ?? null]);
    }
    return { kioskId, outcome: 'refused', imported: 0, skipped: 0, checkpoints: 0, problem, ...(seq === undefined ? {} : { seq }) };
  }
}
