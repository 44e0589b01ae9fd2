import type { Db } from '../db/open';
import { prepared, preparedRaw } from '../db/statements';
import { parseCheckpointText } from '../evidence/checkpoint';
import { TreeBuilder } from '../evidence/merkle';
import { verifyInclusion } from '../evidence/proofs';
import { NoteError, openNote, type NoteVerifier } from '../evidence/signedNote';

export type CheckpointReason = 'day_closed' | 'export' | 'on_request';

export interface SignedCheckpoint {
  kioskId: string;
  treeSize: number;
  root: Buffer;
  note: string;
  reason: CheckpointReason;
  signedAt: string;
  /**
   * The inclusion proof of the event at `treeSize` in the signed tree (TreeBuilder's
   * newestLeafProof); absent for checkpoints signed before the proofs were kept.
   */
  newestLeafProof?: Buffer[];
}

interface Row {
  kiosk_id: string;
  tree_size: number;
  root: Buffer;
  note: string;
  reason: CheckpointReason;
  signed_at: string;
  newest_leaf_proof: Buffer | null;
}
const COLUMNS = 'kiosk_id, tree_size, root, note, reason, signed_at, newest_leaf_proof';
const HASH_BYTES = 32;
const fromRow = (r: Row): SignedCheckpoint => ({
  kioskId: r.kiosk_id,
  treeSize: r.tree_size,
  root: r.root,
  note: r.note,
  reason: r.reason,
  signedAt: r.signed_at,
  ...(r.newest_leaf_proof ? { newestLeafProof: splitHashes(r.newest_leaf_proof) } : {}),
});

function splitHashes(packed: Buffer): Buffer[] {
  const hashes: Buffer[] = [];
  for (let at = 0; at + HASH_BYTES <= packed.length; at += HASH_BYTES) hashes.push(packed.subarray(at, at + HASH_BYTES));
  return hashes;
}

export function storeSignedCheckpoint(db: Db, c: SignedCheckpoint): void {
  prepared(db, `INSERT INTO ledger_signed_checkpoints (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    c.kioskId,
    c.treeSize,
    c.root,
    c.note,
    c.reason,
    c.signedAt,
    c.newestLeafProof ? Buffer.concat(c.newestLeafProof) : null,
  );
}

export function signedCheckpoints(db: Db, kioskId: string): SignedCheckpoint[] {
  return prepared<Row>(db, `SELECT ${COLUMNS} FROM ledger_signed_checkpoints WHERE kiosk_id = ? ORDER BY tree_size`)
    .all(kioskId)
    .map(fromRow);
}

export function newestSignedCheckpoint(db: Db, kioskId: string): SignedCheckpoint | undefined {
  const row = prepared<Row>(
    db,
    `SELECT ${COLUMNS} FROM ledger_signed_checkpoints WHERE kiosk_id = ? ORDER BY tree_size DESC LIMIT 1`,
  ).get(kioskId);
  return row && fromRow(row);
}

export type SignedCheckpointProblem =
  /** The note does not open with the kiosk's key (forged, altered, or another key). */
  | 'bad_signature'
  /** The signed text is not this kiosk's checkpoint, or does not say what the row says. */
  | 'not_this_checkpoint'
  /** The chain is shorter now than the signed tree size. */
  | 'beyond_chain'
  /** The chain's tree at that size no longer has the signed root: an event was changed or removed. */
  | 'root_differs';

export interface SignedCheckpointFinding {
  treeSize: number;
  problem: SignedCheckpointProblem;
}

/**
 * Every signed checkpoint of a chain against its key and against the chain as it is now, in one
 * pass over the events' hashes: a chain rewritten from an old event on, with every hash and even
 * the unsigned checkpoints recomputed, still disagrees with what the kiosk signed before.
 */
export function checkSignedCheckpoints(
  db: Db,
  kioskId: string,
  origin: string,
  verifier: NoteVerifier,
): { checked: number; findings: SignedCheckpointFinding[] } {
  const stored = signedCheckpoints(db, kioskId);
  const findings: SignedCheckpointFinding[] = [];
  const pending: SignedCheckpoint[] = [];
  for (const c of stored) {
    let text: string;
    try {
      text = openNote(c.note, [verifier]).text;
    } catch (error) {
      if (!(error instanceof NoteError)) throw error;
      findings.push({ treeSize: c.treeSize, problem: 'bad_signature' });
      continue;
    }
    const body = parseCheckpointText(text);
    if (!body || body.origin !== origin || body.size !== c.treeSize || !body.root.equals(c.root)) {
      findings.push({ treeSize: c.treeSize, problem: 'not_this_checkpoint' });
      continue;
    }
    pending.push(c);
  }
  const tree = new TreeBuilder();
  let next = 0;
  const compare = () => {
    while (next < pending.length && (pending[next] as SignedCheckpoint).treeSize === tree.size) {
      const c = pending[next++] as SignedCheckpoint;
      if (!tree.root().equals(c.root)) findings.push({ treeSize: c.treeSize, problem: 'root_differs' });
    }
  };
  compare();
  const last = pending.at(-1)?.treeSize ?? 0;
  const rows = preparedRaw(db, 'SELECT seq, hash FROM ledger_events WHERE kiosk_id = ? AND seq <= ? ORDER BY seq');
  for (const [seq, hash] of rows.iterate(kioskId, last) as IterableIterator<[number, Buffer]>) {
    if (seq !== tree.size + 1) break;
    tree.add(hash);
    compare();
  }
  for (; next < pending.length; next++) findings.push({ treeSize: (pending[next] as SignedCheckpoint).treeSize, problem: 'beyond_chain' });
  findings.sort((a, b) => a.treeSize - b.treeSize);
  return { checked: stored.length, findings };
}

/**
 * What the newest signed checkpoint says about the chain at start-up: `anchored` when its note
 * opens with the kiosk's key, says what its row says, and its kept proof ties the chain's event at
 * the signed size to the signed root. Then every event up to that size is the one the kiosk
 * signed (each event's hash covers the one before it), and the start may walk from there.
 * `unproven`: signed before proofs were kept; `none`: nothing signed yet.
 */
export type SignedAnchor =
  | { status: 'none' }
  | { status: 'unproven'; treeSize: number }
  | { status: 'anchored'; treeSize: number }
  | { status: 'failed'; finding: SignedCheckpointFinding };

export function newestSignedAnchor(db: Db, kioskId: string, origin: string, verifier: NoteVerifier): SignedAnchor {
  const newest = newestSignedCheckpoint(db, kioskId);
  if (!newest) return { status: 'none' };
  const failed = (problem: SignedCheckpointProblem): SignedAnchor => ({ status: 'failed', finding: { treeSize: newest.treeSize, problem } });
  let text: string;
  try {
    text = openNote(newest.note, [verifier]).text;
  } catch (error) {
    if (!(error instanceof NoteError)) throw error;
    return failed('bad_signature');
  }
  const body = parseCheckpointText(text);
  if (!body || body.origin !== origin || body.size !== newest.treeSize || !body.root.equals(newest.root)) return failed('not_this_checkpoint');
  if (newest.treeSize === 0) return { status: 'anchored', treeSize: 0 };
  if (!newest.newestLeafProof) return { status: 'unproven', treeSize: newest.treeSize };
  const leaf = preparedRaw(db, 'SELECT hash FROM ledger_events WHERE kiosk_id = ? AND seq = ?').get(kioskId, newest.treeSize) as [Buffer] | undefined;
  if (!leaf) return failed('beyond_chain');
  if (!verifyInclusion(newest.treeSize - 1, newest.treeSize, leaf[0], newest.newestLeafProof, newest.root)) return failed('root_differs');
  return { status: 'anchored', treeSize: newest.treeSize };
}
