import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * C2SP signed notes (c2sp.org/signed-note, v1.0.0) with Ed25519 keys: the envelope of a
 * checkpoint, so that a school's IT partner, a board or a witness can check one with the standard
 * tools (`note` in golang.org/x/mod, the transparency-dev tools) rather than ours.
 */
const ED25519 = 0x01;
const EM_DASH = '\u2014';
/** What a verifier must accept at least; more is refused as damage or abuse. */
const MAX_SIGNATURES = 16;

export interface NoteSigner {
  name: string;
  keyId: number;
  sign(text: Buffer): Buffer;
}

export interface NoteVerifier {
  name: string;
  keyId: number;
  verify(text: Buffer, signature: Buffer): boolean;
}

export class NoteError extends Error {
  constructor(readonly reason: 'malformed' | 'no_known_signature' | 'bad_signature') {
    super(`signed note: ${reason}`);
  }
}

/** key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4], big-endian. */
export function ed25519KeyId(name: string, rawPublicKey: Uint8Array): number {
  return createHash('sha256').update(`${name}\n`).update(Buffer.from([ED25519])).update(rawPublicKey).digest().readUInt32BE(0);
}

/** The 32 bytes RFC 8032 calls the public key, from any Ed25519 public or private key. */
export function rawEd25519PublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const x = publicKey.export({ format: 'jwk' }).x;
  if (publicKey.asymmetricKeyType !== 'ed25519' || !x) throw new Error('not an Ed25519 key');
  return Buffer.from(x, 'base64url');
}

export function ed25519Signer(name: string, privateKey: KeyObject | Buffer): NoteSigner {
  const key = Buffer.isBuffer(privateKey) ? createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' }) : privateKey;
  checkKeyName(name);
  return { name, keyId: ed25519KeyId(name, rawEd25519PublicKey(key)), sign: (text) => sign(null, text, key) };
}

export function ed25519Verifier(name: string, rawPublicKey: Uint8Array): NoteVerifier {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rawPublicKey).toString('base64url') }, format: 'jwk' });
  return { name, keyId: ed25519KeyId(name, rawPublicKey), verify: (text, signature) => verify(null, text, key, signature) };
}

/** `<name>+<hex key ID>+<base64(0x01 || public key)>`: what a verifier is configured with. */
export function verifierKey(name: string, rawPublicKey: Uint8Array): string {
  const id = ed25519KeyId(name, rawPublicKey).toString(16).padStart(8, '0');
  return `${name}+${id}+${Buffer.concat([Buffer.from([ED25519]), rawPublicKey]).toString('base64')}`;
}

export function parseVerifierKey(vkey: string): NoteVerifier {
  // The key's base64 may itself hold plus signs: only the first two separate (names have none).
  const match = /^([^\s+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey);
  const [, name, id, key] = match ?? [];
  const bytes = Buffer.from(key ?? '', 'base64');
  if (!name || !id || bytes.length !== 33 || bytes[0] !== ED25519) throw new NoteError('malformed');
  const verifier = ed25519Verifier(name, bytes.subarray(1));
  if (verifier.keyId !== Number.parseInt(id, 16)) throw new NoteError('malformed');
  return verifier;
}

/** The note: text (ending in a newline), a blank line, one signature line per signer. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text);
  const body = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(s.keyId >>> 0);
    return `${EM_DASH} ${s.name} ${Buffer.concat([id, s.sign(body)]).toString('base64')}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

/**
 * Checks a note against the keys the caller trusts: signatures of unknown keys are ignored, a
 * known key's bad signature rejects the whole note, and at least one known key must have signed.
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): { text: string; signedBy: string[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteError('malformed');
  const text = note.slice(0, split + 1);
  checkText(text);
  const signatureLines = note.slice(split + 2, -1).split('\n');
  if (signatureLines.length === 0 || signatureLines.length > MAX_SIGNATURES) throw new NoteError('malformed');
  const body = Buffer.from(text, 'utf8');
  const signedBy: string[] = [];
  for (const line of signatureLines) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/.exec(line);
    if (!match) throw new NoteError('malformed');
    const [, name, encoded] = match as unknown as [string, string, string];
    const bytes = Buffer.from(encoded, 'base64');
    // Only the canonical encoding: base64 that decodes alike but reads differently is an altered note.
    if (bytes.length < 5 || bytes.toString('base64') !== encoded) throw new NoteError('malformed');
    const keyId = bytes.readUInt32BE(0);
    const verifier = verifiers.find((v) => v.name === name && v.keyId === keyId);
    if (!verifier) continue;
    if (!verifier.verify(body, bytes.subarray(4))) throw new NoteError('bad_signature');
    signedBy.push(name);
  }
  if (signedBy.length === 0) throw new NoteError('no_known_signature');
  return { text, signedBy };
}

/**
 * The note with only `key`'s signature lines: what that key signed, as its signer wrote it, without
 * the lines others added (a witness's cosignature, say). The key must have signed it.
 */
export function noteSignedBy(note: string, key: NoteVerifier): string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteError('malformed');
  const own = note
    .slice(split + 2, -1)
    .split('\n')
    .filter((line) => {
      const match = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/.exec(line);
      const bytes = Buffer.from(match?.[2] ?? '', 'base64');
      return match?.[1] === key.name && bytes.length >= 4 && bytes.readUInt32BE(0) === key.keyId;
    });
  if (own.length === 0) throw new NoteError('no_known_signature');
  return `${note.slice(0, split + 1)}\n${own.map((line) => `${line}\n`).join('')}`;
}

function checkKeyName(name: string): void {
  if (!name || /[\s+]/u.test(name)) throw new NoteError('malformed');
}

function checkText(text: string): void {
  // eslint-disable-next-line no-control-regex
  if (!text.endsWith('\n') || /[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new NoteError('malformed');
}
