import type { Db } from '../db/open';
import { prepared, preparedRaw } from '../db/statements';
import { redactionTypes } from './events';
import { GENESIS_HASH, HEADER_FIELDS, hashFieldRow, hashPayload, KNOWN_ENCODINGS } from './hash';
import { checkMedia, type MediaCheckProblem } from './mediaCheck';
import { chainKiosks, localKioskId, newestCheckpoint } from './rows';

export type VerifyProblem =
  /** An event is missing: the seq after the last good one is not there. */
  | 'gap'
  /** Stored events are out of order: this event's prev_hash is the hash of a different, existing event. */
  | 'reorder'
  /** The event's fields no longer give its stored hash. */
  | 'hash_mismatch'
  /** The event does not point at the hash of the event before it. */
  | 'prev_hash_mismatch'
  /** The payload text (and salt) no longer give the payload hash the event carries. */
  | 'payload_hash_mismatch'
  /** The event carries a payload hash but its payload row is gone. */
  | 'payload_missing'
  /** A payload row exists for an event that has none. */
  | 'payload_unexpected'
  /** A payload was erased without a redaction event naming it. */
  | 'unrecorded_redaction'
  /** The event names an encoding version this app does not know, or an older one than the event before it. */
  | 'unknown_encoding'
  /** The newest events are gone: the chain ends before its newest checkpoint. */
  | 'truncated'
  /** The event at the last verified checkpoint changed since it was checked. */
  | 'checkpoint_mismatch'
  /** The chain no longer holds what the kiosk signed: the newest signed checkpoint's signature, text or root fails against it. */
  | 'signed_checkpoint_mismatch'
  /** A photo or signature kept with an event was changed or lost (see mediaCheck). */
  | MediaCheckProblem;

/** The outcome for one kiosk's chain; a bad one names the first bad event as (kioskId, firstBadSeq). */
export type VerifyResult =
  | { ok: true; kioskId: string; lastSeq: number; headHash: string; checked: number }
  | { ok: false; kioskId: string; firstBadSeq: number; problem: VerifyProblem; checked: number };

export interface VerifyOptions {
  /** The chain to check; the local kiosk's when not given. */
  kioskId?: string;
  /** Start here, trusting the stored hash of the event before it. */
  fromSeq?: number;
  /** Start after a checkpoint: the event at `seq` must still have exactly `hash`. */
  after?: { seq: number; hash: Buffer };
}

// Header fields in HEADER_FIELDS order (indexes 0–14), then hash (15), encoding (16),
// payload row present (17), salt (18), body (19).
const WALK_SQL = `SELECT e.seq, e.event_id, e.kiosk_id, e.occurred_at, e.type, e.actor, e.custodian, e.device_id,
    e.pupil_id, e.location_id, e.pouch_id, e.voids_seq, e.details, e.payload_hash, e.prev_hash, e.hash, e.encoding,
    p.seq IS NOT NULL, p.salt, p.body
  FROM ledger_events e LEFT JOIN ledger_payloads p ON p.kiosk_id = e.kiosk_id AND p.seq = e.seq
  WHERE e.kiosk_id = ? AND e.seq > ? ORDER BY e.seq`;
const TYPE = 4;
const DETAILS = 12;
const PAYLOAD_HASH = 13;
const PREV_HASH = 14;
const HASH = HEADER_FIELDS.length;
const ENCODING = HASH + 1;
const HAS_PAYLOAD_ROW = HASH + 2;
const SALT = HASH + 3;
const BODY = HASH + 4;

/**
 * Walks one kiosk's chain once, in seq order, with one prepared statement, and names the first
 * bad event. Cost per event: one row read, one SHA-256 of the header encoding, and one SHA-256 of
 * the payload when there is one; then one SHA-256 of each image kept with those events. Other kiosks' chains in the same database are not looked at:
 * each chain stands on its own (`verifyAllChains` checks them all).
 */
export function verifyLedger(db: Db, options: VerifyOptions = {}): VerifyResult {
  const kioskId = options.kioskId ?? localKioskId(db) ?? '';
  const bad = (firstBadSeq: number, problem: VerifyProblem, checked: number): VerifyResult => ({
    ok: false,
    kioskId,
    firstBadSeq,
    problem,
    checked,
  });
  let afterSeq = 0;
  let prev: Buffer = GENESIS_HASH;
  if (options.after) {
    afterSeq = options.after.seq;
    prev = options.after.hash;
    if (afterSeq > 0) {
      const stored = storedHash(db, kioskId, afterSeq);
      if (!stored || !stored.equals(prev)) return bad(afterSeq, 'checkpoint_mismatch', 0);
    }
  } else if (options.fromSeq !== undefined && options.fromSeq > 1) {
    afterSeq = options.fromSeq - 1;
    const stored = storedHash(db, kioskId, afterSeq);
    if (!stored) return bad(afterSeq, 'gap', 0);
    prev = stored;
  }

  let expected = afterSeq + 1;
  let checked = 0;
  // A chain's versions only go up: an older encoding after a newer one would bring back payload
  // hashes that confirm a guess. (Starting mid-chain, the walk learns the version as it goes.)
  let lowestEncoding = 1;
  const pendingRedactions = new Set<number>();
  let failure: { seq: number; problem: VerifyProblem; prevHash?: Buffer } | undefined;

  for (const row of preparedRaw(db, WALK_SQL).iterate(kioskId, afterSeq) as IterableIterator<unknown[]>) {
    const seq = row[0] as number;
    if (seq !== expected) {
      failure = { seq: expected, problem: 'gap' };
      break;
    }
    const prevHash = row[PREV_HASH] as Buffer;
    if (!prevHash.equals(prev)) {
      failure = { seq, problem: 'prev_hash_mismatch', prevHash };
      break;
    }
    const encoding = row[ENCODING] as number;
    if (!KNOWN_ENCODINGS.has(encoding) || encoding < lowestEncoding) {
      failure = { seq, problem: 'unknown_encoding' };
      break;
    }
    lowestEncoding = encoding;
    const payloadHash = row[PAYLOAD_HASH] as Buffer | null;
    if (payloadHash === null) {
      if (row[HAS_PAYLOAD_ROW]) {
        failure = { seq, problem: 'payload_unexpected' };
        break;
      }
    } else if (!row[HAS_PAYLOAD_ROW]) {
      failure = { seq, problem: 'payload_missing' };
      break;
    } else if (row[BODY] === null) {
      pendingRedactions.add(seq);
    } else if (!hashPayload(encoding, row[BODY] as string, row[SALT] as Buffer | null)?.equals(payloadHash)) {
      failure = { seq, problem: 'payload_hash_mismatch' };
      break;
    }
    const hash = row[HASH] as Buffer;
    if (!hashFieldRow(row, encoding).equals(hash)) {
      failure = { seq, problem: 'hash_mismatch' };
      break;
    }
    if (redactionTypes.has(row[TYPE] as string)) {
      for (const s of redactedSeqs(row[DETAILS] as string)) pendingRedactions.delete(s);
    }
    prev = hash;
    expected++;
    checked++;
  }

  if (failure) {
    // Only after the walk: the connection cannot run another query while iterating.
    if (failure.prevHash && hashExistsElsewhere(db, kioskId, failure.prevHash, failure.seq - 1)) failure.problem = 'reorder';
    return bad(failure.seq, failure.problem, checked);
  }
  if (pendingRedactions.size > 0) {
    let first = Number.MAX_SAFE_INTEGER;
    for (const s of pendingRedactions) if (s < first) first = s;
    return bad(first, 'unrecorded_redaction', checked);
  }
  const lastSeq = expected - 1;
  // The end of a chain is vouched for by its newest checkpoint (see migration 008).
  const checkpoint = newestCheckpoint(db, kioskId);
  if (checkpoint && checkpoint.seq > lastSeq) return bad(lastSeq + 1, 'truncated', checked);
  if (checkpoint && checkpoint.seq > afterSeq && !storedHash(db, kioskId, checkpoint.seq)?.equals(checkpoint.hash)) {
    return bad(checkpoint.seq, 'checkpoint_mismatch', checked);
  }
  // The images of the events just walked, once the chain that names them is known to be sound.
  const media = checkMedia(db, kioskId, afterSeq);
  if (media) return bad(media.seq, media.problem, checked);
  return { ok: true, kioskId, lastSeq, headHash: prev.toString('hex'), checked };
}

export interface ChainsReport {
  ok: boolean;
  /** One result per kiosk, in kiosk id order; the local kiosk is always among them. */
  chains: VerifyResult[];
  /** The first bad event of the first bad chain, if any. */
  firstBad: { kioskId: string; seq: number; problem: VerifyProblem } | null;
}

/**
 * Every chain in the database, each from its start and on its own: what a backup, the CLI and an
 * office database are checked with. A broken chain does not stop the others being checked.
 */
export function verifyAllChains(db: Db): ChainsReport {
  const kiosks = new Set(chainKiosks(db));
  const local = localKioskId(db);
  if (local !== undefined) kiosks.add(local);
  const chains = [...kiosks].sort().map((kioskId) => verifyLedger(db, { kioskId }));
  const failed = chains.find((c) => !c.ok);
  return {
    ok: failed === undefined,
    chains,
    firstBad: failed && !failed.ok ? { kioskId: failed.kioskId, seq: failed.firstBadSeq, problem: failed.problem } : null,
  };
}

function storedHash(db: Db, kioskId: string, seq: number): Buffer | undefined {
  return prepared<{ hash: Buffer }>(db, 'SELECT hash FROM ledger_events WHERE kiosk_id = ? AND seq = ?').get(kioskId, seq)
    ?.hash;
}

/** A rare path (only after a failure): a scan of the one chain is fine. */
function hashExistsElsewhere(db: Db, kioskId: string, hash: Buffer, exceptSeq: number): boolean {
  return (
    prepared<{ seq: number }>(
      db,
      'SELECT seq FROM ledger_events WHERE kiosk_id = ? AND hash = ? AND seq <> ? LIMIT 1',
    ).get(kioskId, hash, exceptSeq) !== undefined
  );
}

/** `details.seqs` of a redaction event: [[from, to], …] inclusive ranges. */
export function redactedSeqs(details: string): number[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return [];
  }
  const ranges = (parsed as { seqs?: unknown }).seqs;
  if (!Array.isArray(ranges)) return [];
  const out: number[] = [];
  for (const range of ranges) {
    if (!Array.isArray(range) || range.length !== 2) continue;
    const [from, to] = range as unknown[];
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) continue;
    for (let s = from as number; s <= (to as number); s++) out.push(s);
  }
  return out;
}

/** Compresses sorted seqs into the inclusive ranges a redaction event records. */
export function toRanges(seqs: readonly number[]): [number, number][] {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const s of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === s - 1) last[1] = s;
    else ranges.push([s, s]);
  }
  return ranges;
}
