import { createPublicKey, verify } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNote, parseVerifierKey } from '../../../src/core/evidence/signedNote';
import { readBundle } from '../../../src/core/evidence/readBundle';
import { exportBundle } from '../../../src/core/export/exportBundle';
import { kioskVerifierKey } from '../../../src/core/kiosk/signer';
import { classFixture, type ClassFixture } from '../support/custodyFixture';

/*
 * A second signed-note verifier, written from the text of c2sp.org/signed-note v1.0.0 alone and
 * sharing no code with the app's: "a text ending in newline, followed by a blank line, followed
 * by one or more signature lines: em dash, space, key name, space, base64 signature, newline";
 * "signatures are the base64 encoding of 4+n bytes, the first four the uint32 key ID, big-endian";
 * "key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4]"; "verifiers MUST
 * ignore signatures from unknown keys"; "if no signature from a known key verifies, reject".
 * The verifier key is the `name+hex(id)+base64(0x01 || key)` string of golang.org/x/mod/sumdb/note.
 */
function c2spVerify(note: string, vkey: string): string | null {
  // Names hold no plus sign; the key's base64 may: only the first two separate.
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  const [name, hexId, material] = [vkey.slice(0, first), vkey.slice(first + 1, second), vkey.slice(second + 1)];
  const keyBytes = Buffer.from(material, 'base64');
  if (keyBytes[0] !== 0x01 || keyBytes.length !== 33) return null;
  // RFC 8410's SubjectPublicKeyInfo prefix for Ed25519, then the 32 key bytes.
  const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), keyBytes.subarray(1)]), format: 'der', type: 'spki' });
  if (!note.endsWith('\n')) return null;
  const blank = note.lastIndexOf('\n\n');
  if (blank < 0) return null;
  const text = note.slice(0, blank + 1);
  let verified = false;
  for (const line of note.slice(blank + 2).split('\n').slice(0, -1)) {
    if (!line.startsWith('\u2014 ')) return null;
    const [signer, encoded, extra] = line.slice(2).split(' ');
    if (!signer || !encoded || extra !== undefined) return null;
    const signature = Buffer.from(encoded, 'base64');
    if (signer !== name || signature.subarray(0, 4).toString('hex') !== hexId) continue;
    if (!verify(null, Buffer.from(text), publicKey, signature.subarray(4))) return null;
    verified = true;
  }
  return verified ? text : null;
}

// golang.org/x/mod/sumdb/note, note_test.go and its package documentation: the reference example.
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('signed notes, checked by a verifier written from the C2SP text', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 2 });
    f.s.scan({ code: 'STK-1', mode: 'hand-in', actor: 'pupil' });
  });
  afterEach(() => f.close());

  it('agrees with the Go reference implementation’s own example, and so does the app', () => {
    expect(c2spVerify(GO_NOTE, GO_VKEY)).toBe(GO_TEXT);
    expect(c2spVerify(GO_NOTE.replace('cryptography', 'cryptographY'), GO_VKEY)).toBeNull();
    expect(openNote(GO_NOTE, [parseVerifierKey(GO_VKEY)]).text).toBe(GO_TEXT);
  });

  it('accepts the kiosk’s checkpoint and a bundle’s seal with the kiosk’s verifier key, and nothing altered', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportBundle(f.s.context, { filter: {}, actor: f.office.staffId }, out);
    const bundle = readBundle(Buffer.concat(chunks));
    const vkey = kioskVerifierKey(f.core.db);
    const checkpoint = c2spVerify(bundle.header.checkpoint, vkey);
    expect(checkpoint?.split('\n').slice(0, 2)).toEqual([bundle.header.origin, String(bundle.events.length)]);
    expect(c2spVerify(bundle.end!.seal, vkey)).toMatch(/^inleverpunt-bundle-seal\/v1\n/);
    expect(c2spVerify(bundle.header.checkpoint.replace(/\n\d+\n/, '\n1\n'), vkey)).toBeNull();
    expect(c2spVerify(bundle.header.checkpoint, GO_VKEY)).toBeNull();
  });
});
