import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ed25519Verifier, NoteError, rawEd25519PublicKey, type NoteVerifier } from './signedNote';

/**
 * Witness cosignatures in the C2SP format (c2sp.org/tlog-cosignature, v1.0.1, Ed25519 type):
 * a signed-note line whose key ID is made with signature type 0x04 and whose signature is an
 * 8-byte big-endian POSIX time followed by the Ed25519 signature over
 * "cosignature/v1\ntime <seconds>\n" + the checkpoint's note text. The time makes the line a
 * statement "as of then, this is the largest consistent tree I have seen of this log", which a
 * plain note signature cannot say; the header line keeps it from ever passing as a note signature.
 */
const COSIGNATURE_V1 = 0x04;
const HEADER = 'cosignature/v1\n';
const EM_DASH = '\u2014';
/** The spec's bound on the timestamp: a u64 that never exceeds 2^63 - 1. */
const MAX_TIME = 2n ** 63n - 1n;

export interface Cosigner {
  name: string;
  keyId: number;
  /** `<name>+<hex key ID>+<base64(0x04 || public key)>`: what a verifier of its cosignatures is given. */
  verifierKey: string;
  sign(message: Buffer): Buffer;
}

export interface CosignatureVerifier {
  name: string;
  keyId: number;
  rawPublicKey: Buffer;
  verify(message: Buffer, signature: Buffer): boolean;
}

/** key ID = SHA-256(name || 0x0A || 0x04 || 32-byte Ed25519 public key)[:4], big-endian. */
export function cosignerKeyId(name: string, rawPublicKey: Uint8Array): number {
  return createHash('sha256').update(`${name}\n`).update(Buffer.from([COSIGNATURE_V1])).update(rawPublicKey).digest().readUInt32BE(0);
}

export function cosignerVerifierKey(name: string, rawPublicKey: Uint8Array): string {
  const id = cosignerKeyId(name, rawPublicKey).toString(16).padStart(8, '0');
  return `${name}+${id}+${Buffer.concat([Buffer.from([COSIGNATURE_V1]), rawPublicKey]).toString('base64')}`;
}

export function ed25519Cosigner(name: string, privateKey: KeyObject | Buffer): Cosigner {
  const key = Buffer.isBuffer(privateKey) ? createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' }) : privateKey;
  if (!name || /[\s+]/u.test(name)) throw new NoteError('malformed');
  const raw = rawEd25519PublicKey(key);
  return { name, keyId: cosignerKeyId(name, raw), verifierKey: cosignerVerifierKey(name, raw), sign: (message) => sign(null, message, key) };
}

function cosignatureVerifier(name: string, rawPublicKey: Buffer): CosignatureVerifier {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: rawPublicKey.toString('base64url') }, format: 'jwk' });
  return { name, keyId: cosignerKeyId(name, rawPublicKey), rawPublicKey, verify: (message, signature) => verify(null, message, key, signature) };
}

/**
 * A witness's vkey, the 0x04 one. With `published`, also the plain signed-note key (0x01) of the
 * same name and public key, as the witness published it in the central database before it
 * signed cosignature/v1 lines. A reader's own key must be the 0x04 one: a plain key would let any
 * note signer, the kiosk itself included, pass for the witness through its older line form.
 */
export function parseCosignerKey(vkey: string, options: { published?: boolean } = {}): CosignatureVerifier {
  const match = /^([^\s+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey);
  const [, name, id, key] = match ?? [];
  const bytes = Buffer.from(key ?? '', 'base64');
  if (!name || !id || bytes.length !== 33 || (bytes[0] !== COSIGNATURE_V1 && !(options.published && bytes[0] === 0x01))) throw new NoteError('malformed');
  const raw = bytes.subarray(1);
  const expected = bytes[0] === COSIGNATURE_V1 ? cosignerKeyId(name, raw) : ed25519Verifier(name, raw).keyId;
  if (expected !== Number.parseInt(id, 16)) throw new NoteError('malformed');
  return cosignatureVerifier(name, Buffer.from(raw));
}

/** The same key as a plain note verifier: how the witness's older lines (signed-note type 0x01) are read. */
export function legacyNoteVerifier(v: CosignatureVerifier): NoteVerifier {
  return ed25519Verifier(v.name, v.rawPublicKey);
}

/** What the cosigner signs: the header line, the time line, then the checkpoint's note text. */
export function cosignedMessage(text: string, time: number): Buffer {
  if (!Number.isSafeInteger(time) || time < 0) throw new Error('cosignature: time must be whole seconds since the epoch');
  return Buffer.from(`${HEADER}time ${time}\n${text}`, 'utf8');
}

/** The signature line a cosigner adds below the note whose text is `text`, at `time` (POSIX seconds). */
export function cosignatureLine(text: string, cosigner: Cosigner, time: number): string {
  const head = Buffer.alloc(12);
  head.writeUInt32BE(cosigner.keyId >>> 0, 0);
  head.writeBigUInt64BE(BigInt(time), 4);
  return `${EM_DASH} ${cosigner.name} ${Buffer.concat([head, cosigner.sign(cosignedMessage(text, time))]).toString('base64')}\n`;
}

export type CosignatureCheck =
  | { ok: true; format: 'cosignature/v1'; time: number }
  /** A plain signed-note line of the same key, as the witness wrote before cosignature/v1: it carries no time. */
  | { ok: true; format: 'legacy'; time: null }
  | { ok: false; reason: CosignatureProblem };

export type CosignatureProblem =
  /** No line of this witness (its name and key ID) under the note. */
  | 'missing'
  /** The witness's line is there and does not verify over this note's text and its time. */
  | 'bad_signature'
  /** The note or the witness's line is not of the form the specs describe. */
  | 'malformed'
  /** The witness's time lies after the verifier's clock. */
  | 'future';

export interface CosignatureCheckOptions {
  /** Also accept the witness's older plain note signature (type 0x01) of the same key. */
  legacy?: boolean;
  /** The verifier's clock (POSIX seconds): a cosignature from later than this is refused, as the spec allows. */
  now?: number;
}

/**
 * Checks the witness's cosignature under a note (the kiosk's signature is the caller's to check,
 * with openNote). Lines of other keys are passed over, as signed-note readers must.
 */
export function checkCosignature(note: string, witness: CosignatureVerifier, options: CosignatureCheckOptions = {}): CosignatureCheck {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return { ok: false, reason: 'malformed' };
  const text = note.slice(0, split + 1);
  const legacy = options.legacy ? legacyNoteVerifier(witness) : null;
  let found: CosignatureCheck = { ok: false, reason: 'missing' };
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/.exec(line);
    if (!match) return { ok: false, reason: 'malformed' };
    if (match[1] !== witness.name) continue;
    const bytes = Buffer.from(match[2] as string, 'base64');
    if (bytes.length < 4 || bytes.toString('base64') !== match[2]) return { ok: false, reason: 'malformed' };
    const keyId = bytes.readUInt32BE(0);
    if (keyId === witness.keyId) {
      if (bytes.length !== 4 + 8 + 64) return { ok: false, reason: 'malformed' };
      const stamp = bytes.readBigUInt64BE(4);
      if (stamp > MAX_TIME || stamp > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'malformed' };
      const time = Number(stamp);
      if (!witness.verify(cosignedMessage(text, time), bytes.subarray(12))) return { ok: false, reason: 'bad_signature' };
      if (options.now !== undefined && time > options.now) return { ok: false, reason: 'future' };
      found = { ok: true, format: 'cosignature/v1', time };
    } else if (legacy && keyId === legacy.keyId) {
      if (!legacy.verify(Buffer.from(text, 'utf8'), bytes.subarray(4))) return { ok: false, reason: 'bad_signature' };
      if (!found.ok) found = { ok: true, format: 'legacy', time: null };
    }
  }
  return found;
}
