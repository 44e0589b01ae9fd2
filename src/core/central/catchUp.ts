import type { ClientBase } from 'pg';
import type { Db } from '../db/open';
import { kioskOrigin, parseCheckpointText } from '../evidence/checkpoint';
import { TreeBuilder } from '../evidence/merkle';
import { openNote, type NoteVerifier } from '../evidence/signedNote';
import type { LedgerWriter } from '../ledger/append';
import type { LedgerEvent } from '../ledger/events';
import { hashEvent, KNOWN_ENCODINGS } from '../ledger/hash';
import { eventHashes, getEvent, ledgerHead } from '../ledger/rows';
import type { CheckpointReason, SignedCheckpoint } from '../ledger/signedCheckpoints';
import { takeBackEvents, type TakeBackResult } from '../ledger/takeBack';
import { scrubFreedBytes } from '../db/secureErase';
import { baselineDue } from '../registry/baseline';
import { registryEventTypes } from '../registry/replay';
import { applyTakenBackRegistry } from '../registry/takenBack';
import { ledgerEventOf, type CentralEventRow } from './eventRow';

const registryTypes: ReadonlySet<string> = new Set(registryEventTypes);

/** Why the central copy of this kiosk's chain is not taken back. */
export type CatchUpProblem =
  /** The kiosk recorded events of its own after the restore, and they differ from the central ones at the same seq. */
  | 'forked_after_restore'
  /** A central event's fields no longer give its hash. */
  | 'central_event_altered'
  /** The central events do not follow each other (or the local head): a gap, or a prev-hash that does not fit. */
  | 'central_chain_broken'
  /** A checkpoint the centre holds does not open with the kiosk's own key, or its root is not that of the chain. */
  | 'central_checkpoint_mismatch';

export class CatchUpRefused extends Error {
  constructor(
    readonly problem: CatchUpProblem,
    readonly seq: number,
  ) {
    super(`central: the central copy is not taken back (${problem} at ${seq})`);
    this.name = 'CatchUpRefused';
  }
}

export interface CatchUpOptions {
  /** Events per read from the centre. */
  batchSize?: number;
  /** The kiosk's own key: the checkpoints the centre holds must open with it. */
  verifier: NoteVerifier;
}

/**
 * Takes back what the central copy holds of this kiosk's chain after the local head (a kiosk put
 * back on an older backup). Everything is checked before anything is written: each event's hash
 * from its fields, the prev-hash chain from the local head on, and every checkpoint the kiosk
 * signed that the centre holds in that range (its own key, the origin and size, and the RFC 6962
 * root over the local events and the fetched ones at that size). Then all of it is written in
 * one local transaction through the ledger's take-back path, with the registry tables brought in
 * step with the registrations among them. Throws CatchUpRefused naming the
 * first problem; nothing is written then.
 */
export async function catchUp(client: ClientBase, writer: LedgerWriter, centralSeq: number, options: CatchUpOptions): Promise<TakeBackResult> {
  const { db, kioskId } = writer;
  const head = ledgerHead(db, kioskId);
  // The local chain must be a prefix of the central one: the event at the local head is the same there.
  if (head.seq > 0 && !(await centralHash(client, kioskId, head.seq))?.equals(head.hash)) {
    throw new CatchUpRefused('forked_after_restore', await firstDifferingSeq(client, db, kioskId, head.seq));
  }
  const events = await fetchVerified(client, kioskId, head, centralSeq, options.batchSize ?? 1000);
  const checkpoints = await checkedCheckpoints(client, db, kioskId, head.seq, events, options.verifier);
  const taken = db.transaction(() => {
    const result = takeBackEvents(writer, events, checkpoints);
    // The registry tables follow the registration events among them, in the same transaction.
    if (!baselineDue(db) && events.some((e) => registryTypes.has(e.type))) applyTakenBackRegistry(db, kioskId, writer.now());
    return result;
  }).immediate();
  // Payload texts the backup still held and a taken-back erasure names: gone from the file's free pages and WAL too.
  if (taken.erasedAgain.length > 0) scrubFreedBytes(db);
  return taken;
}

async function fetchVerified(client: ClientBase, kioskId: string, head: { seq: number; hash: Buffer }, centralSeq: number, batchSize: number): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = [];
  let prev = head.hash;
  let after = head.seq;
  while (after < centralSeq) {
    const page = await client.query<CentralEventRow>('SELECT * FROM central.own_events($1, $2, $3)', [kioskId, after, batchSize]);
    if (page.rows.length === 0) break;
    for (const row of page.rows) {
      const e = ledgerEventOf(kioskId, row);
      if (e.seq !== after + 1 || !row.prev_hash.equals(prev)) throw new CatchUpRefused('central_chain_broken', after + 1);
      if (!KNOWN_ENCODINGS.has(e.encoding) || !hashEvent(e).equals(e.hash)) throw new CatchUpRefused('central_event_altered', e.seq);
      events.push(e);
      prev = e.hash;
      after = e.seq;
    }
  }
  // The centre said its chain reaches centralSeq: ending before it is a gap too.
  if (after < centralSeq) throw new CatchUpRefused('central_chain_broken', after + 1);
  return events;
}

/**
 * The kiosk's signed checkpoints the centre holds beyond the local head, each checked against the
 * kiosk's own key and against the tree over the local chain and the fetched events. The tree of
 * the local part is built once, in slices of the primary key.
 */
async function checkedCheckpoints(
  client: ClientBase,
  db: Db,
  kioskId: string,
  localSeq: number,
  events: readonly LedgerEvent[],
  verifier: NoteVerifier,
): Promise<SignedCheckpoint[]> {
  const last = events.at(-1)?.seq ?? localSeq;
  const r = await client.query<{ tree_size: string; root: Buffer; note: string; reason: CheckpointReason; signed_at: string }>(
    'SELECT tree_size, root, note, reason, signed_at FROM central.checkpoints WHERE kiosk_id = $1 AND tree_size > $2 AND tree_size <= $3 ORDER BY tree_size',
    [kioskId, localSeq, last],
  );
  if (r.rows.length === 0) return [];
  const tree = new TreeBuilder();
  for (let from = 1; from <= localSeq; from += 8192) {
    const to = Math.min(localSeq, from + 8191);
    const hashes = eventHashes(db, kioskId, from, to);
    for (let seq = from; seq <= to; seq++) tree.add(hashes.get(seq) as Buffer);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const checked: SignedCheckpoint[] = [];
  let next = 0;
  for (const row of r.rows) {
    const size = Number(row.tree_size);
    while (tree.size < size) tree.add((events[next++] as LedgerEvent).hash);
    if (!noteSays(row.note, kioskId, size, row.root, verifier) || !tree.root().equals(row.root)) {
      throw new CatchUpRefused('central_checkpoint_mismatch', size);
    }
    checked.push({ kioskId, treeSize: size, root: row.root, note: row.note, reason: row.reason, signedAt: row.signed_at });
  }
  return checked;
}

function noteSays(note: string, kioskId: string, size: number, root: Buffer, verifier: NoteVerifier): boolean {
  try {
    const body = parseCheckpointText(openNote(note, [verifier]).text);
    return body !== null && body.origin === kioskOrigin(kioskId) && body.size === size && body.root.equals(root);
  } catch {
    return false;
  }
}

export async function centralHash(client: ClientBase, kioskId: string, seq: number): Promise<Buffer | null> {
  const r = await client.query<{ hash: Buffer | null }>('SELECT central.own_event_hash($1, $2) AS hash', [kioskId, seq]);
  return r.rows[0]?.hash ?? null;
}

/**
 * The first seq at which the local chain and the central copy differ, given that they differ at
 * `differsAt`: a binary search over the hashes (one chain is a prefix of the other up to where they
 * part, and every hash after that differs, because each one covers the one before).
 */
export async function firstDifferingSeq(client: ClientBase, db: Db, kioskId: string, differsAt: number): Promise<number> {
  let lo = 1;
  let hi = differsAt;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const local = getEvent(db, mid, kioskId)?.hash;
    const central = await centralHash(client, kioskId, mid);
    if (local && central?.equals(local)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
