import type pg from 'pg';
import type { Db } from '../db/open';
import { chainSince } from '../ledger/importChain';
import { getEvent, ledgerHead, localKioskId } from '../ledger/rows';
import { signedCheckpoints } from '../ledger/signedCheckpoints';
import { chainRootInSlices } from '../ledger/treeHead';
import { appendEvents, centralHead, refusalOf, refusedSeq, type Refusal } from './chain';
import { closeQuietly, connectCentral, isConnectionLoss } from './connect';

export interface SyncOptions {
  /** Events per transaction: a cut loses at most one batch's work, never an event. */
  batchSize?: number;
  /** How often a lost connection is tried again within one sync before it ends as offline. */
  retries?: number;
  retryDelayMs?: number;
  /** Called after each committed batch (tests cut the network or restart the server here). */
  afterBatch?: (uploadedSoFar: number) => void | Promise<void>;
}

export type SyncOutcome =
  /** Everything the kiosk has is in the central database. */
  | 'ok'
  /** The central database refused an event or checkpoint (bad hash, fork, out of order, conflict). */
  | 'refused'
  /** The kiosk's chain no longer holds what the central database already has: its history was rewritten. */
  | 'diverged'
  /** The central database could not be reached (any more): the next sync goes on where this one stopped. */
  | 'offline';

export interface SyncResult {
  kioskId: string;
  outcome: SyncOutcome;
  uploaded: number;
  checkpointsUploaded: number;
  /** The kiosk's head, and the central database's head for this kiosk when the sync ended. */
  localSeq: number;
  centralSeq: number;
  problem?: Refusal | 'head_differs' | 'central_ahead' | 'checkpoint_inconsistent';
  seq?: number;
}

class Diverged extends Error {
  constructor(
    readonly problem: 'head_differs' | 'central_ahead' | 'checkpoint_inconsistent',
    readonly seq: number,
  ) {
    super(`central: the kiosk's chain diverged (${problem} at ${seq})`);
  }
}

/**
 * Uploads what is new of this kiosk's chain to the central database. The kiosk's ledger is the
 * queue: the sync asks the central database where this kiosk's chain ends and sends what comes
 * after, in batches, each one transaction. Before sending, the kiosk's chain must still hold what
 * the centre holds: the event at the central head must have the same hash, and the tree at the
 * newest witnessed size the witnessed root (the consistency check: a kiosk that rewrote its history
 * is caught here, and the finding is left in the central database for the office). The database
 * refuses on its own what does not fit; a refusal ends the sync and is recorded too.
 */
export async function syncKiosk(db: Db, url: string, options: SyncOptions = {}): Promise<SyncResult> {
  const kioskId = localKioskId(db);
  if (!kioskId) throw new Error('sync: this database has no kiosk identity');
  const batchSize = options.batchSize ?? 1000;
  const retries = options.retries ?? 5;
  const localSeq = ledgerHead(db, kioskId).seq;
  const result: SyncResult = { kioskId, outcome: 'ok', uploaded: 0, checkpointsUploaded: 0, localSeq, centralSeq: 0 };
  let failures = 0;
  for (;;) {
    let client: pg.Client | undefined;
    try {
      client = await connectCentral(url);
      await upload(client, db, kioskId, batchSize, result, options);
      await record(client, kioskId, result);
      return result;
    } catch (error) {
      if (error instanceof Diverged || refusalOf(error)) {
        const problem = error instanceof Diverged ? error.problem : (refusalOf(error) as Refusal);
        const seq = error instanceof Diverged ? error.seq : refusedSeq(error);
        Object.assign(result, { outcome: error instanceof Diverged ? 'diverged' : 'refused', problem, seq });
        if (client) await recordFinding(client, kioskId, problem, seq).catch(() => undefined);
        if (client) await record(client, kioskId, result).catch(() => undefined);
        return result;
      }
      // 23505: another sync of this kiosk got there first; read the head again and go on.
      if (!isConnectionLoss(error) && (error as { code?: string }).code !== '23505') throw error;
      await closeQuietly(client);
      client = undefined;
      if (++failures > retries) return { ...result, outcome: 'offline' };
      await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 500) * failures));
    } finally {
      await closeQuietly(client);
    }
  }
}

async function upload(client: pg.Client, db: Db, kioskId: string, batchSize: number, result: SyncResult, options: SyncOptions): Promise<void> {
  let head = await centralHead(client, kioskId);
  result.centralSeq = head.seq;
  // The tree the witness cosigned first: it names what the kiosk signed, not only what it sent.
  const witnessed = await newestWitnessed(client, kioskId);
  if (witnessed && witnessed.size <= result.localSeq && !(await chainRootInSlices(db, kioskId, witnessed.size)).equals(witnessed.root)) {
    throw new Diverged('checkpoint_inconsistent', witnessed.size);
  }
  if (head.seq > result.localSeq) throw new Diverged('central_ahead', result.localSeq + 1);
  if (head.seq > 0 && !getEvent(db, head.seq, kioskId)?.hash.equals(head.hash)) throw new Diverged('head_differs', head.seq);
  for (;;) {
    const batch = chainSince(db, kioskId, head.seq, batchSize).map((r) => r.event);
    if (batch.length === 0) break;
    await client.query('BEGIN');
    try {
      const added = await appendEvents(client, batch);
      await client.query('COMMIT');
      result.uploaded += added;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    head = { seq: (batch.at(-1) as { seq: number }).seq, hash: (batch.at(-1) as { hash: Buffer }).hash };
    result.centralSeq = head.seq;
    await options.afterBatch?.(result.uploaded);
  }
  // Signed checkpoints after the events they cover, so the witness finds the chain to check them against.
  const stored = await client.query<{ n: string | null }>('SELECT max(tree_size) AS n FROM central.checkpoints WHERE kiosk_id = $1', [kioskId]);
  const storedUpTo = Number(stored.rows[0]?.n ?? -1);
  for (const c of signedCheckpoints(db, kioskId)) {
    if (c.treeSize <= storedUpTo || c.treeSize > head.seq) continue;
    const r = await client.query(
      'INSERT INTO central.checkpoints (kiosk_id, tree_size, root, note, reason, signed_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [kioskId, c.treeSize, c.root, c.note, c.reason, c.signedAt],
    );
    result.checkpointsUploaded += r.rowCount ?? 0;
  }
}

async function newestWitnessed(client: pg.Client, kioskId: string): Promise<{ size: number; root: Buffer } | undefined> {
  const r = await client.query<{ tree_size: string; root: Buffer }>(
    `SELECT c.tree_size, c.root FROM central.checkpoints c
      WHERE c.kiosk_id = $1 AND EXISTS (SELECT 1 FROM central.cosignatures w WHERE w.kiosk_id = c.kiosk_id AND w.tree_size = c.tree_size)
      ORDER BY c.tree_size DESC LIMIT 1`,
    [kioskId],
  );
  const row = r.rows[0];
  return row && { size: Number(row.tree_size), root: row.root };
}

async function recordFinding(client: pg.Client, kioskId: string, problem: string, seq: number | undefined): Promise<void> {
  await client.query('INSERT INTO central.findings (kiosk_id, source, problem, seq) VALUES ($1, $2, $3, $4)', [kioskId, 'sync', problem, seq ?? null]);
}

async function record(client: pg.Client, kioskId: string, result: SyncResult): Promise<void> {
  await client.query('INSERT INTO central.syncs (kiosk_id, uploaded, head_seq, outcome) VALUES ($1, $2, $3, $4)', [
    kioskId,
    result.uploaded,
    result.centralSeq,
    result.outcome,
  ]);
}
