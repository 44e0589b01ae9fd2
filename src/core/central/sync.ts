import type pg from 'pg';
import type { Db } from '../db/open';
import { chainSince } from '../ledger/importChain';
import { getEvent, ledgerHead, localKioskId } from '../ledger/rows';
import { signedCheckpoints } from '../ledger/signedCheckpoints';
import { chainRootInSlices } from '../ledger/treeHead';
import { restoreMark } from '../backup/restoreMark';
import type { LedgerWriter } from '../ledger/append';
import type { NoteVerifier } from '../evidence/signedNote';
import { appendEvents, centralHead, refusalOf, refusedSeq, type Refusal } from './chain';
import { CatchUpRefused, catchUp, centralHash, firstDifferingSeq, type CatchUpProblem } from './catchUp';
import { closeQuietly, connectCentral, isConnectionLoss } from './connect';

export interface SyncOptions {
  /** Events per transaction: a cut loses at most one batch's work, never an event. */
  batchSize?: number;
  /** How often a lost connection is tried again within one sync before it ends as offline. */
  retries?: number;
  retryDelayMs?: number;
  /** Called after each committed batch (tests cut the network or restart the server here). */
  afterBatch?: (uploadedSoFar: number) => void | Promise<void>;
  /**
   * When the central copy is ahead (a restore of an older backup), take the missing events back
   * (see catchUp): the kiosk's clock, for the record of payloads that could not come back, and its
   * own key. Without it such a sync ends as `central_ahead`, writing nothing (a read-only file).
   */
  takeBack?: { now: () => Date; verifier: NoteVerifier };
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
  /** Events of this kiosk's own chain taken back from the central copy (after a restore). */
  takenBack: number;
  checkpointsUploaded: number;
  /** The kiosk's head, and the central database's head for this kiosk when the sync ended. */
  localSeq: number;
  centralSeq: number;
  problem?: Refusal | DivergedProblem;
  seq?: number;
}

type DivergedProblem = 'head_differs' | 'central_ahead' | 'checkpoint_inconsistent' | CatchUpProblem;

class Diverged extends Error {
  constructor(
    readonly problem: DivergedProblem,
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
 * refuses on its own what does not fit; a refusal ends the sync and is recorded too. A kiosk
 * behind its central copy (restored from an older backup) takes the missing events back first.
 */
export async function syncKiosk(db: Db, url: string, options: SyncOptions = {}): Promise<SyncResult> {
  const kioskId = localKioskId(db);
  if (!kioskId) throw new Error('sync: this database has no kiosk identity');
  const batchSize = options.batchSize ?? 1000;
  const retries = options.retries ?? 5;
  const localSeq = ledgerHead(db, kioskId).seq;
  const result: SyncResult = { kioskId, outcome: 'ok', uploaded: 0, takenBack: 0, checkpointsUploaded: 0, localSeq, centralSeq: 0 };
  let failures = 0;
  for (;;) {
    let client: pg.Client | undefined;
    try {
      client = await connectCentral(url);
      await upload(client, db, kioskId, batchSize, result, options);
      await record(client, kioskId, result);
      return result;
    } catch (thrown) {
      const error = thrown instanceof CatchUpRefused ? new Diverged(thrown.problem, thrown.seq) : thrown;
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
    throw await forkOrRewrite(client, db, kioskId, witnessed.size, 'checkpoint_inconsistent');
  }
  if (head.seq > result.localSeq) {
    if (!options.takeBack) throw new Diverged('central_ahead', result.localSeq + 1);
    if (result.localSeq > 0 && !(await centralHash(client, kioskId, result.localSeq))?.equals(ledgerHead(db, kioskId).hash)) {
      throw await forkOrRewrite(client, db, kioskId, result.localSeq, 'head_differs');
    }
    const writer: LedgerWriter = { db, kioskId, now: options.takeBack.now };
    const taken = await catchUp(client, writer, head.seq, { verifier: options.takeBack.verifier, batchSize });
    result.takenBack += taken.takenBack;
    // The record of the payloads that could not come back is a new event: it goes up below.
    result.localSeq = ledgerHead(db, kioskId).seq;
  } else if (head.seq > 0 && !getEvent(db, head.seq, kioskId)?.hash.equals(head.hash)) {
    throw await forkOrRewrite(client, db, kioskId, head.seq, 'head_differs');
  }
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

/**
 * The kiosk's chain and the central copy part before the central head. After a restore the kiosk
 * may have recorded events of its own before a sync could take the missing ones back: where the
 * two part after the backup's end, that is what happened (forked_after_restore, at the first seq
 * that differs); otherwise the kiosk's history was rewritten (head_differs).
 */
async function forkOrRewrite(
  client: pg.Client,
  db: Db,
  kioskId: string,
  differsAt: number,
  otherwise: 'head_differs' | 'checkpoint_inconsistent',
): Promise<Diverged> {
  const restored = restoreMark(db);
  if (restored) {
    const seq = await firstDifferingSeq(client, db, kioskId, differsAt);
    if (seq > restored.lastSeq) return new Diverged('forked_after_restore', seq);
  }
  return new Diverged(otherwise, differsAt);
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
  await client.query('INSERT INTO central.syncs (kiosk_id, uploaded, taken_back, head_seq, outcome) VALUES ($1, $2, $3, $4, $5)', [
    kioskId,
    result.uploaded,
    result.takenBack,
    result.centralSeq,
    result.outcome,
  ]);
}
