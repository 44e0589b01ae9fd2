#!/usr/bin/env node
// Checks an Inleverpunt evidence bundle without Inleverpunt: only Node's own crypto and fs.
//   node verify-bundle.mjs FILE [--since EARLIER.checkpoint.txt] [--key VERIFIER_KEY] [--witness WITNESS_VKEY]
// Exit 0: the bundle holds. Exit 1: it does not, with the reason (the app's reason codes).
// A bundle made from the central database ("sealedBy": "witness") needs --witness: the witness sealed it.
// Specification: the README of Inleverpunt, section "Evidence bundles". C2SP signed-note and
// tlog-checkpoint for the signatures, C2SP tlog-cosignature (cosignature/v1) for a witness's line, RFC 9162 section 2.1 for the Merkle tree and its proofs.
import * as crypto from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

class Fail extends Error {
  constructor(reason, where = '') {
    super(reason);
    this.where = where;
  }
}
const { createHash, createPublicKey, verify: edVerify } = crypto;
const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
// The hot path hashes three times an event. crypto.hash (Node 20.12 / 21.7 on) costs a third of a
// hash object for small inputs, and a third again when it returns text rather than a Buffer;
// an older Node gets the hash object, with the same result.
const digest = typeof crypto.hash === 'function'
  ? (data, encoding) => crypto.hash('sha256', data, encoding)
  : (data, encoding) => createHash('sha256').update(data).digest(encoding);
const sha256Buffer = (data) => Buffer.from(digest(data, 'binary'), 'binary');

// --- C2SP signed-note with an Ed25519 key (type 0x01) ---
function parseVerifierKey(vkey) {
  const m = /^([^\s+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey);
  if (!m) throw new Fail('key_invalid');
  const raw = Buffer.from(m[3], 'base64');
  if (raw.length !== 33 || raw[0] !== 0x01) throw new Fail('key_invalid');
  const id = sha256(`${m[1]}\n`, raw).readUInt32BE(0);
  if (id !== Number.parseInt(m[2], 16)) throw new Fail('key_invalid');
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.subarray(1).toString('base64url') }, format: 'jwk' });
  return { name: m[1], id, key };
}

/** The note's text if `vk` signed it; throws the reason otherwise. */
function openNote(note, vk, reasons) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Fail('malformed');
  const text = note.slice(0, split + 1);
  let signed = false;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/.exec(line);
    if (!m) throw new Fail('malformed');
    const sig = Buffer.from(m[2], 'base64');
    if (sig.length < 5 || sig.toString('base64') !== m[2]) throw new Fail('malformed');
    if (m[1] !== vk.name || sig.readUInt32BE(0) !== vk.id) continue;
    if (!edVerify(null, Buffer.from(text, 'utf8'), vk.key, sig.subarray(4))) throw new Fail(reasons.bad);
    signed = true;
  }
  if (!signed) throw new Fail(reasons.unknown);
  return text;
}

// --- C2SP tlog-cosignature v1 (Ed25519, type 0x04): a witness's timestamped line under the checkpoint ---
function parseWitnessKey(vkey) {
  const m = /^([^\s+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey);
  const raw = m ? Buffer.from(m[3], 'base64') : Buffer.alloc(0);
  // The cosigner's key (0x04); its older plain lines are read under the same public key (0x01 key ID).
  if (!m || raw.length !== 33 || raw[0] !== 0x04) throw new Fail('witness_key_invalid');
  if (sha256(`${m[1]}\n`, raw).readUInt32BE(0) !== Number.parseInt(m[2], 16)) throw new Fail('witness_key_invalid');
  const pub = raw.subarray(1);
  const id = (type) => sha256(`${m[1]}\n`, Buffer.from([type]), pub).readUInt32BE(0);
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') }, format: 'jwk' });
  return { name: m[1], v1: id(0x04), plain: id(0x01), key };
}

/** The witness's time (POSIX seconds; null for its older plain line) if it cosigned the note; throws the reason otherwise. */
function checkCosignature(note, w, now) {
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  let found;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/.exec(line);
    if (!m || m[1] !== w.name) continue;
    const sig = Buffer.from(m[2], 'base64');
    const id = sig.length >= 4 ? sig.readUInt32BE(0) : null;
    if (id === w.v1) {
      if (sig.length !== 76) throw new Fail('bad_cosignature');
      const time = sig.readBigUInt64BE(4);
      if (time > 2n ** 63n - 1n) throw new Fail('bad_cosignature');
      const message = Buffer.from(`cosignature/v1\ntime ${time}\n${text}`, 'utf8');
      if (!edVerify(null, message, w.key, sig.subarray(12))) throw new Fail('bad_cosignature');
      if (time > BigInt(now)) throw new Fail('cosignature_future');
      found = Number(time);
    } else if (id === w.plain) {
      if (!edVerify(null, Buffer.from(text, 'utf8'), w.key, sig.subarray(4))) throw new Fail('bad_cosignature');
      found ??= null;
    }
  }
  if (found === undefined) throw new Fail('no_cosignature');
  return found;
}

function parseCheckpoint(text) {
  const lines = text.split('\n');
  const root = Buffer.from(lines[2] ?? '', 'base64');
  if (lines.length < 4 || !/^(0|[1-9][0-9]*)$/.test(lines[1]) || root.length !== 32 || root.toString('base64') !== lines[2]) {
    throw new Fail('malformed');
  }
  return { origin: lines[0], size: Number(lines[1]), root };
}

// --- The ledger's event hash: typed, length-prefixed fields after a domain line ---
//   0x00 NULL | 0x01 u32be(n) utf8 text | 0x02 u32be(high) u32be(low) integer | 0x03 u32be(n) bytes (hex in the bundle)
const HEX = /^(?:[0-9a-f]{2})*$/;
// One buffer, reused: each field written straight in, no Buffer per field.
let enc = Buffer.allocUnsafe(1024);
let at = 0;
function room(extra) {
  if (at + extra <= enc.length) return;
  const bigger = Buffer.allocUnsafe(Math.max(enc.length * 2, at + extra));
  enc.copy(bigger, 0, 0, at);
  enc = bigger;
}
function u32(value, where) {
  enc[where] = value >>> 24;
  enc[where + 1] = (value >>> 16) & 0xff;
  enc[where + 2] = (value >>> 8) & 0xff;
  enc[where + 3] = value & 0xff;
}
const NULLABLE = true;
function nothing() {
  room(1);
  enc[at++] = 0x00;
}
function int(value, nullable = false) {
  if (value === null && nullable) return nothing();
  if (!Number.isSafeInteger(value) || value < 0) throw new Fail('malformed');
  room(9);
  enc[at] = 0x02;
  u32(Math.floor(value / 2 ** 32), at + 1);
  u32(value >>> 0, at + 5);
  at += 9;
}
function bytes(value, type, encoding) {
  room(5 + value.length * 3);
  enc[at] = type;
  const written = enc.write(value, at + 5, encoding);
  u32(written, at + 1);
  at += 5 + written;
}
function text(value, nullable = false) {
  if (value === null && nullable) return nothing();
  if (typeof value !== 'string') throw new Fail('malformed');
  bytes(value, 0x01, 'utf8');
}
function blob(value, nullable = false) {
  if (value === null && nullable) return nothing();
  if (typeof value !== 'string' || !HEX.test(value)) throw new Fail('malformed');
  bytes(value, 0x03, 'hex');
}
const DOMAINS = [null, Buffer.from('inleverpunt-ledger-v1\n'), Buffer.from('inleverpunt-ledger-v2\n')];

/** The event's hash as lowercase hex, as the line carries it. */
function eventHash(e) {
  if (e.encoding !== 1 && e.encoding !== 2) throw new Fail('malformed');
  const domain = DOMAINS[e.encoding];
  domain.copy(enc, 0);
  at = domain.length;
  int(e.seq);
  text(e.eventId);
  text(e.kioskId);
  text(e.occurredAt);
  text(e.type);
  text(e.actor);
  text(e.custodian, NULLABLE);
  text(e.deviceId, NULLABLE);
  text(e.pupilId, NULLABLE);
  text(e.locationId, NULLABLE);
  text(e.pouchId, NULLABLE);
  int(e.voidsSeq, NULLABLE);
  text(e.details);
  blob(e.payloadHash, NULLABLE);
  blob(e.prevHash);
  return digest(enc.subarray(0, at), 'hex');
}

function payloadHash(encoding, payload) {
  if (typeof payload !== 'object' || typeof payload.body !== 'string') throw new Fail('malformed');
  if (encoding === 1) return payload.salt === null ? sha256(payload.body) : null;
  if (typeof payload.salt !== 'string' || !/^(?:[0-9a-f]{2}){16,}$/.test(payload.salt)) return null;
  const salt = Buffer.from(payload.salt, 'hex');
  const body = Buffer.from(payload.body, 'utf8');
  const saltHead = Buffer.from([0x03, 0, 0, 0, 0]);
  saltHead.writeUInt32BE(salt.length, 1);
  const bodyHead = Buffer.from([0x01, 0, 0, 0, 0]);
  bodyHead.writeUInt32BE(body.length, 1);
  return sha256('inleverpunt-payload-v2\n', saltHead, salt, bodyHead, body);
}

// --- RFC 9162 Merkle tree: leaves are event hashes ---
// Two hashes an event on average: over reused buffers, prefix byte in place, no concatenation.
const leafIn = Buffer.alloc(33, 0x00);
const nodeIn = Buffer.alloc(65, 0x01);
/** The leaf hash of an event hash given as 64 hex digits. */
const leafHashOfHex = (hex) => {
  leafIn.write(hex, 1, 'hex');
  return sha256Buffer(leafIn);
};
const nodeHash = (l, r) => {
  if (l.length !== 32 || r.length !== 32) return sha256(Buffer.from([0x01]), l, r);
  nodeIn.set(l, 1);
  nodeIn.set(r, 33);
  return sha256Buffer(nodeIn);
};

class Tree {
  stack = [];
  size = 0;
  push(hash, size) {
    if (this.size % size !== 0) return false;
    let node = { hash, size };
    while (this.stack.length && this.stack.at(-1).size === node.size) {
      const top = this.stack.pop();
      node = { hash: nodeHash(top.hash, node.hash), size: top.size * 2 };
    }
    this.stack.push(node);
    this.size += size;
    return true;
  }
  root() {
    let root = null;
    for (let i = this.stack.length - 1; i >= 0; i--) root = root ? nodeHash(this.stack[i].hash, root) : this.stack[i].hash;
    return root ?? sha256();
  }
}

/** RFC 9162 2.1.4.2. */
function verifyConsistency(m, n, oldRoot, newRoot, proof) {
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  if (m === 0) return proof.length === 0;
  if (m > n || proof.length === 0 || proof.some((p) => p.length !== 32)) return false;
  const path = Number.isInteger(Math.log2(m)) ? [oldRoot, ...proof] : proof;
  const half = (x) => Math.floor(x / 2);
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

// --- The bundle ---
const GENESIS = '0'.repeat(64);

/**
 * The file's lines, each with its newline, read 4 MB at a time: a bundle of a million events
 * (666 MB) is never in memory whole. Every line needs its newline: a last line without one is a
 * file cut off, known before anything is checked.
 */
function lineReader(fd) {
  const size = fstatSync(fd).size;
  const last = Buffer.alloc(1);
  if (size === 0 || readSync(fd, last, 0, 1, size - 1) !== 1 || last[0] !== 0x0a) throw new Fail('truncated');
  let chunk = Buffer.alloc(0);
  let start = 0;
  let position = 0;
  /** The next line's bytes, or undefined after the last. */
  return () => {
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl >= 0) {
        const line = chunk.subarray(start, nl + 1);
        start = nl + 1;
        return line;
      }
      // A fresh buffer, not the old one reused: the lines handed out still point into it.
      const rest = chunk.subarray(start);
      const fresh = Buffer.allocUnsafe(Math.max(4 * 1024 * 1024, rest.length * 2));
      rest.copy(fresh, 0);
      const read = readSync(fd, fresh, rest.length, fresh.length - rest.length, position);
      if (read === 0) {
        if (rest.length > 0) throw new Fail('truncated');
        return undefined;
      }
      position += read;
      chunk = fresh.subarray(0, rest.length + read);
      start = 0;
    }
  };
}

function verifyBundle(fd, options) {
  const nextLine = lineReader(fd);
  let line;
  /** The next line, parsed, or undefined after the last; `line` holds its bytes. */
  const next = (n) => {
    line = nextLine();
    if (line === undefined) return undefined;
    try {
      return JSON.parse(line.toString('utf8', 0, line.length - 1));
    } catch {
      throw new Fail('malformed', `line ${n}`);
    }
  };
  const header = next(1);
  if (typeof header?.bundle !== 'string' || !header.bundle.startsWith('inleverpunt-bundle/')) throw new Fail('malformed', 'line 1');
  if (header.bundle !== 'inleverpunt-bundle/v1') throw new Fail('unsupported_version');
  let vk;
  try {
    vk = parseVerifierKey(options.key ?? String(header.verifierKey));
  } catch (error) {
    // A bad key the reader typed is theirs to fix; a bad key in the file is a damaged file.
    throw options.key === undefined ? new Fail('malformed', 'line 1') : error;
  }
  const cp = parseCheckpoint(openNote(String(header.checkpoint), vk, { bad: 'bad_signature', unknown: 'wrong_key' }));
  if (cp.origin !== header.origin || header.origin !== `inleverpunt.kiosk/${header.kioskId}`) throw new Fail('not_this_log');
  const witness = options.witness === undefined ? undefined : parseWitnessKey(options.witness);
  const witnessedAt = witness === undefined ? undefined : checkCosignature(String(header.checkpoint), witness, Math.floor(Date.now() / 1000));
  // A bundle the central database rebuilt is sealed by the witness (its key as a plain note key, 0x01), not the kiosk.
  if (header.sealedBy !== undefined && header.sealedBy !== 'kiosk' && header.sealedBy !== 'witness') throw new Fail('malformed', 'line 1');
  if (header.sealedBy === 'witness' && witness === undefined) throw new Fail('seal_needs_witness', 'line 1');
  const sealKey = header.sealedBy === 'witness' ? { name: witness.name, id: witness.plain, key: witness.key } : vk;
  const SINCE = { bad: 'since_bad_signature', unknown: 'since_bad_signature' };
  const since = options.since === undefined ? null : parseCheckpoint(openNote(options.since, vk, SINCE));
  if (since && since.origin !== cp.origin) throw new Fail('since_other_log');
  if (since && since.size > cp.size) throw new Fail('since_newer');

  // The seal covers every byte before the end line, hashed as the lines go by.
  const seal = createHash('sha256').update(line);
  const tree = new Tree();
  let expected = 0;
  let reach = 0;
  let hole = null;
  let previous = null;
  let events = 0;
  let subtrees = 0;
  let consistency = null;
  let end = null;
  const place = (leaf, size, where) => {
    if (leaf + size > cp.size) throw new Fail('beyond_checkpoint', where);
    if (leaf < reach) throw new Fail('out_of_order', where);
    reach = leaf + size;
    if (hole === null && leaf > expected) hole = expected;
    if (hole !== null) return false;
    expected = reach;
    return true;
  };
  for (let n = 2, v = next(n); v !== undefined; v = next(++n)) {
    const where = `line ${n}`;
    if (end) throw new Fail('malformed', where);
    if (v?.end) {
      end = v.end;
      continue;
    }
    seal.update(line);
    if (v?.event) {
      const e = v.event;
      if (!Number.isSafeInteger(v.leaf) || v.leaf < 0 || typeof v.hash !== 'string' || typeof e !== 'object') throw new Fail('malformed', where);
      const hash = eventHash(e);
      if (e.kioskId !== header.kioskId) throw new Fail('not_this_log', where);
      if (v.leaf !== e.seq - 1) throw new Fail('malformed', where);
      if (hash !== v.hash) throw new Fail('event_hash', `${where}, seq ${e.seq}`);
      if ('payload' in v && v.payload !== null) {
        const p = payloadHash(e.encoding, v.payload);
        if (!p || e.payloadHash === null || p.toString('hex') !== e.payloadHash) throw new Fail('payload_mismatch', `${where}, seq ${e.seq}`);
      } else if ('payload' in v && e.payloadHash === null) throw new Fail('payload_mismatch', `${where}, seq ${e.seq}`);
      const linked = v.leaf === 0 ? GENESIS : previous?.leaf === v.leaf - 1 ? previous.hash : null;
      if (linked !== null && linked !== e.prevHash) throw new Fail('chain_broken', `${where}, seq ${e.seq}`);
      if (place(v.leaf, 1, where)) tree.push(leafHashOfHex(hash), 1);
      previous = { leaf: v.leaf, hash };
      events++;
    } else if (v?.subtree) {
      const s = v.subtree;
      const ok = Number.isSafeInteger(s.leaf) && Number.isSafeInteger(s.size) && s.size >= 1 && Number.isInteger(Math.log2(s.size));
      if (!ok || s.leaf % s.size !== 0 || typeof s.hash !== 'string' || !/^[0-9a-f]{64}$/.test(s.hash)) throw new Fail('bad_proof', where);
      if (place(s.leaf, s.size, where) && !tree.push(Buffer.from(s.hash, 'hex'), s.size)) throw new Fail('bad_proof', where);
      previous = null;
      subtrees++;
    } else if (v?.consistency && !consistency) {
      consistency = v.consistency;
    } else throw new Fail('malformed', where);
  }
  if (!end) throw new Fail('truncated');
  if (hole !== null || tree.size !== cp.size) throw new Fail('missing_event', `seq ${(hole ?? tree.size) + 1}`);
  if (!tree.root().equals(cp.root)) throw new Fail('root_mismatch');
  if (end.events !== events || end.subtrees !== subtrees) throw new Fail('count_mismatch');
  let sealed;
  try {
    sealed = openNote(String(end.seal), sealKey, { bad: 'bad_seal', unknown: 'bad_seal' });
  } catch {
    throw new Fail('bad_seal');
  }
  if (sealed !== `inleverpunt-bundle-seal/v1\n${cp.origin}\n${seal.digest('base64')}\n`) throw new Fail('bad_seal');

  const earlier = since ?? (consistency ? parseCheckpoint(openNote(String(consistency.note), vk, SINCE)) : null);
  if (earlier && earlier.size > 0 && earlier.size < cp.size) {
    if (!consistency || consistency.size !== earlier.size || !Array.isArray(consistency.path)) throw new Fail('no_consistency_proof');
    const path = consistency.path.map((p) => Buffer.from(String(p), 'hex'));
    if (!verifyConsistency(earlier.size, cp.size, earlier.root, cp.root, path)) throw new Fail('inconsistent');
  } else if (earlier && earlier.size === cp.size && !earlier.root.equals(cp.root)) throw new Fail('inconsistent');
  return { origin: cp.origin, treeSize: cp.size, events, consistentWith: earlier ? earlier.size : null, keyPinned: options.key !== undefined, witnessedAt, sealedBy: header.sealedBy ?? 'kiosk' };
}

// --- Command line ---
const USAGE = 'usage: node verify-bundle.mjs FILE [--since EARLIER.checkpoint.txt] [--key VERIFIER_KEY] [--witness WITNESS_VKEY]\n';
/**
 * Returns the exit code instead of calling process.exit(): an exit while V8 still compiles on a
 * background thread can hang Node for good (nodejs/node#54918); a process that simply runs out of
 * work ends cleanly, after its output is written.
 */
function main(args) {
  const options = {};
  let file, since;
  for (let i = 0; i < args.length; i++) {
    const value = () => (i + 1 < args.length ? args[++i] : undefined);
    if (args[i] === '--since') since = value();
    else if (args[i] === '--key') options.key = value()?.trim();
    else if (args[i] === '--witness') options.witness = value()?.trim();
    else file = args[i];
  }
  if (!file || (args.includes('--since') && !since) || (args.includes('--key') && !options.key) || (args.includes('--witness') && !options.witness)) {
    process.stderr.write(USAGE);
    return 2;
  }
  // A file that is not there or cannot be read is the caller's mistake, not a verdict on a bundle.
  let fd;
  try {
    if (since !== undefined) options.since = readFileSync(since, 'utf8');
    fd = openSync(file, 'r');
  } catch (error) {
    process.stderr.write(`cannot read ${error.path ?? file}: ${error.code ?? error.message}\n`);
    return 2;
  }
  try {
    let r;
    try {
      r = verifyBundle(fd, options);
    } finally {
      closeSync(fd);
    }
    process.stdout.write(`OK ${r.origin}: ${r.events} events, tree size ${r.treeSize}`);
    if (r.consistentWith !== null) process.stdout.write(`, consistent with checkpoint ${r.consistentWith}`);
    if (r.witnessedAt !== undefined) process.stdout.write(`, cosigned by the witness${r.witnessedAt === null ? '' : ` at ${new Date(r.witnessedAt * 1000).toISOString()}`}`);
    if (r.sealedBy === 'witness') process.stdout.write(', sealed by the witness (made from the central database)');
    process.stdout.write(r.keyPinned ? '\n' : ' (key taken from the bundle itself: pass --key to pin yours)\n');
    return 0;
  } catch (error) {
    if (!(error instanceof Fail) && typeof error?.code === 'string') {
      process.stderr.write(`cannot read ${file}: ${error.code}\n`);
      return 2;
    }
    if (!(error instanceof Fail)) throw error;
    process.stdout.write(`FAIL ${error.message}${error.where ? ` (${error.where})` : ''}\n`);
    return 1;
  }
}
process.exitCode = main(process.argv.slice(2));
