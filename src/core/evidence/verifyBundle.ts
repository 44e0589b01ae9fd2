import { createHash } from 'node:crypto';
import { GENESIS_HASH, hashHexFields, hashPayload } from '../ledger/hash';
import { isEventFields, sealText, type BundleConsistency, type BundleSealer, type BundleEnd, type BundleHeader } from './bundleFormat';
import { kioskOrigin, parseCheckpointText, type CheckpointBody } from './checkpoint';
import { TreeBuilder } from './merkle';
import { verifyConsistency } from './proofs';
import { BundleReadError, fileChunks, headerOfLine, lineBytes, lineOf } from './readBundle';
import { checkBundleWitness, witnessSealVerifier } from './bundleWitness';
import { NoteError, openNote, parseVerifierKey, type NoteVerifier } from './signedNote';
import type { BundleReason } from './bundleReasons';

export interface VerifyBundleOptions {
  /** The kiosk's verifier key as the reader holds it; without it the bundle's own key is used (and said so). */
  key?: string;
  /** An earlier signed checkpoint the reader kept: the bundle must prove its tree extends that one. */
  since?: string;
  /**
   * A witness's vkey (C2SP tlog-cosignature): the checkpoint must carry its cosignature, and a
   * bundle the central database rebuilt (`sealedBy: "witness"`) must carry its seal.
   */
  witness?: string;
  /** The reader's clock (POSIX seconds), for the witness step: a cosignature from later is refused. */
  now?: number;
}

export type BundleVerdict =
  | {
      ok: true;
      header: BundleHeader;
      treeSize: number;
      events: number;
      /** Erased by retention: the events verify, their text is gone. */
      redacted: number;
      /** Whether the signature was checked against a key the reader gave rather than the bundle's own. */
      keyPinned: boolean;
      /** The size of the earlier checkpoint the bundle was proven consistent with, if any. */
      consistentWith: number | null;
      /** With `witness`: its name and the time it cosigned (null for its older plain line). */
      witnessed: { witness: string; time: number | null } | null;
      /** Whose key sealed the file: the kiosk's, or the witness's for a bundle the central database rebuilt. */
      sealedBy: BundleSealer;
    }
  | { ok: false; reason: BundleReason; line?: number; seq?: number };

class Failure extends Error {
  constructor(
    readonly reason: BundleReason,
    readonly where: { line?: number; seq?: number } = {},
  ) {
    super(reason);
  }
}

/**
 * Checks a bundle in one pass: the checkpoint's signature, every event's hash, payload and chain
 * link, that events and subtrees cover the tree exactly once and in order, the root, the counts
 * and the seal, and (given an earlier checkpoint) the consistency proof. The first failure is the
 * verdict, with a stable reason code and where it was found.
 */
export function verifyBundle(bytes: Buffer, options: VerifyBundleOptions = {}): BundleVerdict {
  return verifyBundleChunks([bytes], options);
}

/** The same check over a file read a few megabytes at a time: memory stays flat at a million events. */
export function verifyBundleFile(path: string, options: VerifyBundleOptions = {}): BundleVerdict {
  return verifyBundleChunks(fileChunks(path), options);
}

function verifyBundleChunks(chunks: Iterable<Buffer>, options: VerifyBundleOptions): BundleVerdict {
  try {
    return check(lineBytes(chunks), options);
  } catch (error) {
    if (error instanceof Failure) return { ok: false, reason: error.reason, ...error.where };
    if (error instanceof BundleReadError) return { ok: false, reason: error.reason, line: error.line };
    throw error;
  }
}

function check(lines: Iterator<{ bytes: Buffer; cut: boolean }>, options: VerifyBundleOptions): BundleVerdict {
  const first = lines.next();
  if (first.done || first.value.cut) throw new BundleReadError('truncated', 1);
  const header = headerOfLine(first.value.bytes);
  const verifier = keyOf(options.key ?? header.verifierKey, options.key ? 'key_invalid' : 'malformed');
  const checkpoint = openCheckpoint(header.checkpoint, verifier, { badSignature: 'bad_signature', wrongKey: 'wrong_key', line: 1 });
  if (checkpoint.origin !== header.origin || header.origin !== kioskOrigin(header.kioskId)) throw new Failure('not_this_log', { line: 1 });
  const witnessed = options.witness === undefined ? null : checkBundleWitness(header.checkpoint, options.witness, options.now);
  if (witnessed && !witnessed.ok) throw new Failure(witnessed.reason, { line: 1 });
  const sealer = sealVerifier(header, verifier, options.witness);
  const since = options.since === undefined ? null : openCheckpoint(options.since, verifier, SINCE);
  if (since && since.origin !== checkpoint.origin) throw new Failure('since_other_log');
  if (since && since.size > checkpoint.size) throw new Failure('since_newer');

  const tree = new TreeBuilder();
  let expected = 0;
  let hole: number | null = null;
  let reach = 0;
  let previous: { leaf: number; hash: string } | null = null;
  let events = 0;
  let subtrees = 0;
  let redacted = 0;
  let consistency: BundleConsistency | null = null;
  let end: BundleEnd | null = null;
  // The seal covers every byte before the end line, hashed as the lines go by.
  const seal = createHash('sha256').update(first.value.bytes);
  let line = 1;

  /** Whether the item may go into the tree: it must start where the last one ended. */
  const place = (leaf: number, size: number, line: number): boolean => {
    if (leaf + size > checkpoint.size) throw new Failure('beyond_checkpoint', { line, seq: leaf + 1 });
    if (leaf < reach) throw new Failure('out_of_order', { line, seq: leaf + 1 });
    reach = leaf + size;
    // A gap is a removed line unless a later line turns out to belong in it (lines reordered).
    if (hole === null && leaf > expected) hole = expected;
    if (hole !== null) return false;
    expected = reach;
    return true;
  };

  for (let next = lines.next(); !next.done; next = lines.next()) {
    line++;
    if (next.value.cut) throw new BundleReadError('truncated', line);
    const l = { ...lineOf(next.value.bytes, line), line };
    if (end) throw new Failure('malformed', { line: l.line });
    if (l.kind === 'end') {
      end = l.value;
      continue;
    }
    seal.update(next.value.bytes);
    if (l.kind === 'event') {
      // The fields are checked and hashed as the line holds them: blobs stay hex, the hash is
      // compared as hex, and no Buffer is made per event (see hashHexFields).
      const e = l.value.event;
      if (!isEventFields(e)) throw new Failure('malformed', { line: l.line });
      let hash: string;
      try {
        hash = hashHexFields(e, e.encoding);
      } catch {
        throw new Failure('malformed', { line: l.line, seq: e.seq });
      }
      if (e.kioskId !== header.kioskId) throw new Failure('not_this_log', { line: l.line, seq: e.seq });
      if (l.value.leaf !== e.seq - 1) throw new Failure('malformed', { line: l.line, seq: e.seq });
      if (hash !== l.value.hash) throw new Failure('event_hash', { line: l.line, seq: e.seq });
      const payload = l.value.payload;
      if (payload !== undefined && e.payloadHash === null) throw new Failure('payload_mismatch', { line: l.line, seq: e.seq });
      if (payload === null) redacted++;
      else if (payload !== undefined) {
        const p = payload as unknown as Record<string, unknown>;
        const saltOk = p.salt === null || (typeof p.salt === 'string' && /^(?:[0-9a-f]{2})+$/.test(p.salt));
        if (p === null || typeof p !== "object" || !saltOk || typeof p.body !== 'string') throw new Failure('malformed', { line: l.line, seq: e.seq });
        const salt = payload.salt === null ? null : Buffer.from(payload.salt, 'hex');
        const computed = hashPayload(e.encoding, payload.body, salt);
        if (!computed || computed.toString('hex') !== e.payloadHash) throw new Failure('payload_mismatch', { line: l.line, seq: e.seq });
      }
      const linked = l.value.leaf === 0 ? GENESIS_HEX : previous?.leaf === l.value.leaf - 1 ? previous.hash : null;
      if (linked !== null && linked !== e.prevHash) throw new Failure('chain_broken', { line: l.line, seq: e.seq });
      if (place(l.value.leaf, 1, l.line)) tree.addHex(hash);
      previous = { leaf: l.value.leaf, hash };
      events++;
    } else if (l.kind === 'subtree') {
      const s = l.value;
      const hash = /^[0-9a-f]{64}$/.test(s.hash) ? Buffer.from(s.hash, 'hex') : null;
      if (!hash || s.size < 1 || !Number.isInteger(Math.log2(s.size)) || s.leaf % s.size !== 0) throw new Failure('bad_proof', { line: l.line });
      if (place(s.leaf, s.size, l.line) && !tree.addSubtree(hash, s.size)) throw new Failure('bad_proof', { line: l.line });
      previous = null;
      subtrees++;
    } else {
      if (consistency) throw new Failure('malformed', { line: l.line });
      consistency = l.value;
    }
  }
  if (!end) throw new Failure('truncated');
  if (hole !== null || tree.size !== checkpoint.size) throw new Failure('missing_event', { seq: (hole ?? tree.size) + 1 });
  if (!tree.root().equals(checkpoint.root)) throw new Failure('root_mismatch');
  if (end.events !== events || end.subtrees !== subtrees) throw new Failure('count_mismatch');
  let sealed: string;
  try {
    sealed = openNote(end.seal, [sealer]).text;
  } catch (error) {
    if (error instanceof NoteError) throw new Failure('bad_seal');
    throw error;
  }
  if (sealed !== sealText(checkpoint.origin, seal.digest())) throw new Failure('bad_seal');

  let consistentWith: number | null = null;
  const earlier = since ?? (consistency ? openCheckpoint(consistency.note, verifier, SINCE) : null);
  if (earlier) {
    if (earlier.size > 0 && earlier.size < checkpoint.size) {
      if (!consistency || consistency.size !== earlier.size) throw new Failure('no_consistency_proof');
      const path = consistency.path.map((p) => Buffer.from(p, 'hex'));
      if (!verifyConsistency(earlier.size, checkpoint.size, earlier.root, checkpoint.root, path)) throw new Failure('inconsistent');
    } else if (earlier.size === checkpoint.size && !earlier.root.equals(checkpoint.root)) throw new Failure('inconsistent');
    else if (earlier.size > checkpoint.size) throw new Failure('since_newer');
    consistentWith = earlier.size;
  }
  return { ok: true, header, treeSize: checkpoint.size, events, redacted, keyPinned: options.key !== undefined, consistentWith,
    witnessed: witnessed && { witness: witnessed.witness, time: witnessed.time }, sealedBy: header.sealedBy ?? 'kiosk' };
}

/**
 * Whose key the seal must verify under: the kiosk's, or for a bundle the central database rebuilt
 * the witness's (its vkey as the reader holds it, read as the plain note key of the same name). A
 * reader without the witness's key cannot tell whether a line was left out of such a bundle.
 */
function sealVerifier(header: BundleHeader, kiosk: NoteVerifier, witnessKey: string | undefined): NoteVerifier {
  if (header.sealedBy !== 'witness') return kiosk;
  if (witnessKey === undefined) throw new Failure('seal_needs_witness', { line: 1 });
  const sealer = witnessSealVerifier(witnessKey);
  if (!sealer) throw new Failure('witness_key_invalid');
  return sealer;
}

const GENESIS_HEX = GENESIS_HASH.toString('hex');

const SINCE = { badSignature: 'since_bad_signature', wrongKey: 'since_bad_signature' } as const;

function keyOf(vkey: string, reason: BundleReason): NoteVerifier {
  try {
    return parseVerifierKey(vkey);
  } catch {
    throw new Failure(reason, reason === 'malformed' ? { line: 1 } : {});
  }
}

function openCheckpoint(
  note: string,
  verifier: NoteVerifier,
  reasons: { badSignature: BundleReason; wrongKey: BundleReason; line?: number },
): CheckpointBody {
  const where = reasons.line === undefined ? {} : { line: reasons.line };
  let text: string;
  try {
    text = openNote(note, [verifier]).text;
  } catch (error) {
    if (!(error instanceof NoteError)) throw error;
    throw new Failure(error.reason === 'no_known_signature' ? reasons.wrongKey : error.reason === 'bad_signature' ? reasons.badSignature : 'malformed', where);
  }
  const body = parseCheckpointText(text);
  if (!body) throw new Failure('malformed', where);
  return body;
}
